import { fileURLToPath } from 'node:url';
import { SWEEP_DIRECTIONS, type PhaseDiagramRecord, type SweepDirection } from '../run/index.ts';
import type { PhaseDiagramProtocol } from '../protocols/index.ts';
import sweepTask, { type PhaseDiagramTask, type PhaseDiagramTaskResult } from './phase-sweep-worker.ts';
import { mapInWorkers, type WorkerPool } from './worker-pool.ts';

const WORKER = fileURLToPath(new URL('./phase-sweep-worker.ts', import.meta.url));

/** Which data seeds to sweep: all three sweeps, or the up sweep alone. */
export interface SeedPlan {
  readonly dataSeed: number;
  readonly allSweeps: boolean;
}

const UP_ONLY: readonly SweepDirection[] = ['up'];

/** The sweeps a seed plan asks for. */
export function sweepDirections(plan: SeedPlan): readonly SweepDirection[] {
  return plan.allSweeps ? SWEEP_DIRECTIONS : UP_ONLY;
}

export interface PhaseDiagramCacheOptions {
  /** Cache folder (entries under `phase-sweeps/`), or null for none (the default). */
  readonly cacheDir?: string | null;
  /** Told of each cache entry refused and recomputed. */
  readonly onCacheProblem?: (line: string) => void;
}

/**
 * The sweeps of every data seed (a plain seed list runs all three sweeps), in the order given, over `workers`
 * processes: the same records for any number of workers, and with or without a cache.
 */
export async function runPhaseDiagram(
  protocol: PhaseDiagramProtocol,
  seeds: readonly (number | SeedPlan)[],
  workers = 1,
  /** Called as each data seed finishes, in completion order; `cached` when its record was read from the cache. */
  onDone?: (record: PhaseDiagramRecord, done: number, total: number, cached: boolean) => void,
  pool?: WorkerPool,
  cache: PhaseDiagramCacheOptions = {},
): Promise<PhaseDiagramRecord[]> {
  const tasks: PhaseDiagramTask[] = seeds.map((seed) => {
    const plan = typeof seed === 'number' ? { dataSeed: seed, allSweeps: true } : seed;
    return { protocol, dataSeed: plan.dataSeed, directions: sweepDirections(plan), cacheDir: cache.cacheDir ?? null };
  });
  const finished = (result: PhaseDiagramTaskResult, done: number, total: number) => {
    for (const line of result.cacheProblems) cache.onCacheProblem?.(line);
    onDone?.(result.record, done, total, result.cached);
  };
  const results = await mapInWorkers(WORKER, sweepTask, tasks, workers, finished, pool);
  return results.map((r) => r.record);
}
