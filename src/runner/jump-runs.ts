import { fileURLToPath } from 'node:url';
import type { JumpSettingResult, JumpSettingTask } from '../run/index.ts';
import jumpTask from './jump-worker.ts';
import { mapInWorkers, type WorkerPool } from './worker-pool.ts';

const WORKER = fileURLToPath(new URL('./jump-worker.ts', import.meta.url));

/**
 * Every setting's runs over `workers` processes, in task order: the same results for any number of workers. Not
 * cached on disk: a setting's 50 runs take seconds (falls end a run; the budget bounds a censored one).
 */
export function runJumpSettings(
  tasks: readonly JumpSettingTask[],
  workers = 1,
  onDone?: (result: JumpSettingResult, done: number, total: number) => void,
  pool?: WorkerPool,
): Promise<JumpSettingResult[]> {
  return mapInWorkers(WORKER, jumpTask, tasks, workers, onDone, pool);
}
