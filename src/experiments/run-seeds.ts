import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { Protocol, RunOverrides } from './protocols.ts';
import { DEFAULT_RUN_CACHE_DIR } from './run-cache.ts';
import type { RunRecord } from './run-protocol.ts';
import runTask, { type RunTask } from './run-worker.ts';

export interface SweepOptions {
  /** Worker processes; 1 runs in this process. */
  readonly workers?: number;
  readonly overrides?: RunOverrides;
  /** Cache directory (default .cache/runs), or null for no cache. */
  readonly cacheDir?: string | null;
  /** Called as each seed finishes (in completion order). */
  readonly onDone?: (record: RunRecord, done: number, total: number) => void;
  /** A pool to run on (createRunPool), kept open by its owner; without one, a pool is made and destroyed per call. */
  readonly pool?: Tinypool;
}

const WORKER = fileURLToPath(new URL('./run-worker.ts', import.meta.url));

/**
 * Runs `seeds` of a protocol and returns their records in seed-list order. Each record depends only on
 * (protocol, seed, overrides), so the result is the same for any number of workers. Workers are child
 * processes (tinypool's child_process runtime) that load the TypeScript sources through `--import tsx`;
 * tsx's loader hooks do not reach worker threads on Node 20, so threads could not import the .ts worker.
 */
export async function runSeeds(protocol: Protocol, seeds: readonly number[], options: SweepOptions = {}): Promise<RunRecord[]> {
  const workers = options.workers ?? 1;
  if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  const tasks: RunTask[] = seeds.map((seed) => ({
    protocol,
    seed,
    overrides: options.overrides ?? {},
    cacheDir: options.cacheDir === undefined ? DEFAULT_RUN_CACHE_DIR : options.cacheDir,
  }));
  let done = 0;
  const finished = (record: RunRecord) => {
    done += 1;
    options.onDone?.(record, done, tasks.length);
    return record;
  };
  if (workers === 1 && options.pool === undefined) return tasks.map((task) => finished(runTask(task)));
  const pool = options.pool ?? createRunPool(workers);
  try {
    return await Promise.all(tasks.map(async (task) => finished((await pool.run(task)) as RunRecord)));
  } finally {
    if (options.pool === undefined) await pool.destroy();
  }
}

/**
 * A pool of `workers` child processes for runSeeds. Starting one costs about a second (each child loads the sources
 * through tsx), so a caller that runs many small experiments keeps one open and destroys it when done.
 */
export function createRunPool(workers: number): Tinypool {
  return new Tinypool({
    filename: WORKER,
    runtime: 'child_process',
    minThreads: workers,
    maxThreads: workers,
    execArgv: ['--import', 'tsx'],
  });
}
