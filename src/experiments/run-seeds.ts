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
  /** A shared pool (see createRunPool): many sweeps in flight then share the same worker processes. */
  readonly pool?: RunPool;
}

const WORKER = fileURLToPath(new URL('./run-worker.ts', import.meta.url));

/**
 * Runs `seeds` of a protocol and returns their records in seed-list order. Each record depends only on
 * (protocol, seed, overrides), so the result is the same for any number of workers. Workers are child
 * processes (tinypool's child_process runtime) that load the TypeScript sources through `--import tsx`;
 * tsx's loader hooks do not reach worker threads on Node 20, so threads could not import the .ts worker.
 */
/** A pool of worker processes that many sweeps can share; `destroy()` it when done. */
export type RunPool = Tinypool;

export function createRunPool(workers: number): RunPool {
  if (!(Number.isInteger(workers) && workers >= 2)) throw new RangeError(`a pool needs at least 2 workers, got ${workers}`);
  return new Tinypool({
    filename: WORKER,
    runtime: 'child_process',
    minThreads: workers,
    maxThreads: workers,
    execArgv: ['--import', 'tsx'],
  });
}

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
  if (options.pool) {
    const pool = options.pool;
    return Promise.all(tasks.map(async (task) => finished((await pool.run(task)) as RunRecord)));
  }
  if (workers === 1) return tasks.map((task) => finished(runTask(task)));
  const pool = createRunPool(workers);
  try {
    return await Promise.all(tasks.map(async (task) => finished((await pool.run(task)) as RunRecord)));
  } finally {
    await pool.destroy();
  }
}
