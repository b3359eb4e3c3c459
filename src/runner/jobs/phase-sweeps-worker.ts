import type { PhaseDiagramProtocol } from '../../protocols/index.ts';
import { sweepDataSeed, type PhaseDiagramRecord, type SweepDirection } from '../../run/index.ts';
import { throughUnitCache, type WorkerResult } from './worker-result.ts';

export interface PhaseDiagramTask {
  readonly protocol: PhaseDiagramProtocol;
  readonly dataSeed: number;
  readonly directions: readonly SweepDirection[];
  /** Cache folder (entries under `phase-sweeps/`), or null to compute without one. */
  readonly cacheDir: string | null;
}

/** The unit-cache kind that names the cache folder of these records. */
export const PHASE_SWEEPS_KIND = 'phase-sweeps';

/** What determines one data seed's sweeps: the protocol, the data seed and the sweeps asked for. */
export function phaseSweepTask(task: Omit<PhaseDiagramTask, 'cacheDir'>): object {
  return { protocol: task.protocol, dataSeed: task.dataSeed, directions: task.directions };
}

/** One data seed's sweeps inside a pool worker (or in-process), through the cache when there is one. */
export default function sweepTask(task: PhaseDiagramTask): WorkerResult<PhaseDiagramRecord> {
  const check = (record: PhaseDiagramRecord) =>
    record?.dataSeed === task.dataSeed && Array.isArray(record.sweeps) && record.sweeps.length === task.directions.length
      ? null
      : `its record is not data seed ${task.dataSeed}'s ${task.directions.length} sweep(s)`;
  return throughUnitCache(task.cacheDir, PHASE_SWEEPS_KIND, phaseSweepTask(task), () => sweepDataSeed(task.protocol, task.dataSeed, task.directions), check);
}
