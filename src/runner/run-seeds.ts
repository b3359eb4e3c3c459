import { fileURLToPath } from 'node:url';
import type { Protocol, RunOverrides } from '../protocols/index.ts';
import { DEFAULT_RUN_CACHE_DIR } from './run-cache.ts';
import type { RunRecord } from '../run/index.ts';
import runTask, { type RunTask, type RunTaskResult } from './run-worker.ts';
import { mapInWorkers, type WorkerPool } from './worker-pool.ts';

export interface SweepOptions {
  /** Worker processes; 1 runs in this process. */
  readonly workers?: number;
  readonly overrides?: RunOverrides;
  /** Cache directory (default .cache/runs), or null for no cache. */
  readonly cacheDir?: string | null;
  /** Called as each seed finishes (in completion order); `cached` when its record was read from the cache. */
  readonly onDone?: (record: RunRecord, done: number, total: number, cached: boolean) => void;
  /** A shared pool: sweeps in flight together then share the same worker processes. */
  readonly pool?: WorkerPool;
  /** Told of each cache entry that failed verification and was recomputed (one line, no newline). */
  readonly onCacheProblem?: (message: string) => void;
}

const WORKER = fileURLToPath(new URL('./run-worker.ts', import.meta.url));

/**
 * Runs `seeds` of a protocol and returns their records in seed-list order. Each record depends only on
 * (protocol, seed, overrides), so the result is the same for any number of workers (see `mapInWorkers`).
 */
export async function runSeeds(protocol: Protocol, seeds: readonly number[], options: SweepOptions = {}): Promise<RunRecord[]> {
  const tasks: RunTask[] = seeds.map((seed) => ({
    protocol,
    seed,
    overrides: options.overrides ?? {},
    cacheDir: options.cacheDir === undefined ? DEFAULT_RUN_CACHE_DIR : options.cacheDir,
  }));
  const finished = (result: RunTaskResult, done: number, total: number) => {
    for (const problem of result.cacheProblems) options.onCacheProblem?.(problem);
    options.onDone?.(result.record, done, total, result.cached);
  };
  const results = await mapInWorkers(WORKER, runTask, tasks, options.workers ?? 1, finished, options.pool);
  return results.map((r) => r.record);
}
