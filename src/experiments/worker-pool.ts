import Tinypool from 'tinypool';

/**
 * `run` over `tasks`, results in task order. With workers = 1 in this process; otherwise in a pool of
 * child processes (tinypool's child_process runtime, `--import tsx` so they load the TypeScript sources; tsx's
 * hooks do not reach worker threads on Node 20) whose `workerFile` default-exports the same `run`. A result
 * depends only on its task, so it is the same for any number of workers.
 */
export async function mapInWorkers<Task, Result>(
  workerFile: string,
  run: (task: Task) => Result,
  tasks: readonly Task[],
  workers: number,
  onDone?: (result: Result, done: number, total: number) => void,
): Promise<Result[]> {
  if (!(Number.isInteger(workers) && workers >= 1)) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  let done = 0;
  const finished = (result: Result) => {
    done += 1;
    onDone?.(result, done, tasks.length);
    return result;
  };
  if (workers === 1) return tasks.map((task) => finished(run(task)));
  const pool = new Tinypool({
    filename: workerFile,
    runtime: 'child_process',
    minThreads: Math.min(workers, tasks.length),
    maxThreads: workers,
    execArgv: ['--import', 'tsx'],
  });
  try {
    return await Promise.all(tasks.map(async (task) => finished((await pool.run(task)) as Result)));
  } finally {
    await pool.destroy();
  }
}
