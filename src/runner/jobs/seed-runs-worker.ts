import { join } from 'node:path';
import type { Protocol, RunOverrides } from '../../protocols/index.ts';
import { runProtocol, type RunRecord } from '../../run/index.ts';
import { diskCheckpointStore } from '../checkpoint-cache.ts';
import { cachedRunOf } from '../run-cache.ts';
import { computed, measured, type WorkerResult } from './worker-result.ts';

export interface RunTask {
  readonly protocol: Protocol;
  readonly seed: number;
  readonly overrides: RunOverrides;
  /** Cache directory, or null to run without the cache. */
  readonly cacheDir: string | null;
}

/**
 * One seed's run inside a pool worker (or in-process): the same function either way. With a cache, its checkpoints
 * are shared through `<cacheDir>/checkpoints` with the other protocols' runs of the seed.
 */
export default function runTask(task: RunTask): WorkerResult<RunRecord> {
  const { cacheDir } = task;
  if (cacheDir === null) return computed(() => runProtocol(task.protocol, task.seed, task.overrides).record);
  return measured(() => {
    const cacheProblems: string[] = [];
    const report = (message: string) => void cacheProblems.push(message);
    const checkpointStore = diskCheckpointStore(join(cacheDir, 'checkpoints'), task.protocol, task.seed, { report });
    const { record, cached } = cachedRunOf(task.protocol, task.seed, task.overrides, cacheDir, { checkpointStore, report });
    return { result: record, cached, cacheProblems };
  });
}
