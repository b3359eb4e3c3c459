import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import Tinypool from 'tinypool';

/**
 * Worker processes that any experiment can map tasks over; each call names its own worker file, so one pool
 * serves the SGD runs and the phase-diagram sweeps alike. `destroy()` it when done.
 */
export type WorkerPool = Tinypool;

/**
 * A pool of child processes (tinypool's child_process runtime, `--import` tsx's loader so they load the TypeScript
 * sources; tsx's hooks do not reach worker threads on Node 20).
 */
export function createWorkerPool(workers: number): WorkerPool {
  if (!(Number.isInteger(workers) && workers >= 2)) throw new RangeError(`a pool needs at least 2 workers, got ${workers}`);
  return new Tinypool({ runtime: 'child_process', minThreads: workers, maxThreads: workers, execArgv: ['--import', TSX_LOADER] });
}

/** tsx's loader, resolved from this package rather than from the working folder (a bare `tsx` resolves against the
 * cwd, so a run started outside the checkout could not load its workers). */
export const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * A worker's failure as an Error: tinypool's child processes hand back a plain `{ name, message, stack }`, which
 * would print as [object Object]. The worker's own stack is kept; the original value is the cause.
 */
export function workerError(error: unknown, workerFile: string): Error {
  if (error instanceof Error) return error;
  const plain = (error ?? {}) as { name?: unknown; message?: unknown; stack?: unknown };
  const name = typeof plain.name === 'string' ? plain.name : 'Error';
  const message = typeof plain.message === 'string' ? plain.message : String(error);
  const wrapped = new Error(`${name} in worker ${basename(workerFile)}: ${message}`, { cause: error });
  if (typeof plain.stack === 'string') wrapped.stack = `${wrapped.message}\n  worker stack:\n${plain.stack}`;
  return wrapped;
}

/**
 * `run` over `tasks`, results in task order. With workers = 1 in this process; otherwise in `pool` (shared) or
 * in a pool made for this call, whose `workerFile` default-exports the same `run`. A result depends only on its
 * task, so it is the same for any number of workers.
 */
export async function mapInWorkers<Task, Result>(
  workerFile: string,
  run: (task: Task) => Result,
  tasks: readonly Task[],
  workers: number,
  onDone?: (result: Result, done: number, total: number) => void,
  pool?: WorkerPool,
): Promise<Result[]> {
  if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  let done = 0;
  const finished = (result: Result) => {
    done += 1;
    onDone?.(result, done, tasks.length);
    return result;
  };
  if (workers === 1 && pool === undefined) return tasks.map((task) => finished(run(task)));
  const own = pool === undefined;
  const used = pool ?? createWorkerPool(Math.max(2, Math.min(workers, tasks.length)));
  try {
    const runOne = async (task: Task): Promise<Result> => {
      try {
        return (await used.run(task, { filename: workerFile })) as Result;
      } catch (error) {
        throw workerError(error, workerFile);
      }
    };
    return await Promise.all(tasks.map(async (task) => finished(await runOne(task))));
  } finally {
    if (own) await used.destroy();
  }
}
