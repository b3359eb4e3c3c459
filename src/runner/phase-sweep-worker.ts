import { sweepDataSeed, type PhaseDiagramRecord, type SweepDirection } from '../run/index.ts';
import type { PhaseDiagramProtocol } from '../protocols/index.ts';
import { cachedUnit } from './unit-cache.ts';

export interface PhaseDiagramTask {
  readonly protocol: PhaseDiagramProtocol;
  readonly dataSeed: number;
  readonly directions: readonly SweepDirection[];
  /** Cache folder (entries under `phase-sweeps/`), or null/absent to compute without one. */
  readonly cacheDir?: string | null;
}

export interface PhaseDiagramTaskResult {
  readonly record: PhaseDiagramRecord;
  readonly cached: boolean;
  /** Cache entries refused and recomputed, one line each: a worker process has no reporter of its own. */
  readonly cacheProblems: string[];
}

/** The job kind that names the cache folder of these records. */
export const PHASE_SWEEPS_KIND = 'phase-sweeps';

/** What determines one data seed's sweeps: the protocol, the data seed and the sweeps asked for. */
export function phaseSweepTask(task: PhaseDiagramTask): object {
  return { protocol: task.protocol, dataSeed: task.dataSeed, directions: task.directions };
}

/** One data seed's sweeps inside a pool worker (or in-process), through the cache when there is one. */
export default function sweepTask(task: PhaseDiagramTask): PhaseDiagramTaskResult {
  const compute = () => sweepDataSeed(task.protocol, task.dataSeed, task.directions);
  if (task.cacheDir === undefined || task.cacheDir === null) return { record: compute(), cached: false, cacheProblems: [] };
  const cacheProblems: string[] = [];
  const check = (record: PhaseDiagramRecord) =>
    record?.dataSeed === task.dataSeed && Array.isArray(record.sweeps) && record.sweeps.length === task.directions.length
      ? null
      : `its record is not data seed ${task.dataSeed}'s ${task.directions.length} sweep(s)`;
  const { result, cached } = cachedUnit(task.cacheDir, PHASE_SWEEPS_KIND, phaseSweepTask(task), compute, {
    check,
    report: (line) => void cacheProblems.push(line),
  });
  return { record: result, cached, cacheProblems };
}
