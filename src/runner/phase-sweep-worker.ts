import { sweepDataSeed, type PhaseDiagramRecord, type SweepDirection } from '../run/index.ts';
import type { PhaseDiagramProtocol } from '../protocols/index.ts';

export interface PhaseDiagramTask {
  readonly protocol: PhaseDiagramProtocol;
  readonly dataSeed: number;
  readonly directions: readonly SweepDirection[];
}

/** One data seed's sweeps inside a pool worker (or in-process): the same function either way. */
export default function sweepTask(task: PhaseDiagramTask): PhaseDiagramRecord {
  return sweepDataSeed(task.protocol, task.dataSeed, task.directions);
}
