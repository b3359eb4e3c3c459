import type { Protocol, RunOverrides } from '../protocols/index.ts';
import { join } from 'node:path';
import { diskCheckpointStore } from './checkpoint-cache.ts';
import { cachedRunOf } from './run-cache.ts';
import { runProtocol, type RunRecord } from '../run/index.ts';

export interface RunTask {
  readonly protocol: Protocol;
  readonly seed: number;
  readonly overrides: RunOverrides;
  /** Cache directory, or null to run without the cache. */
  readonly cacheDir: string | null;
}

export interface RunTaskResult {
  readonly record: RunRecord;
  /** Read from the run cache rather than computed. */
  readonly cached: boolean;
  /** Cache entries refused and recomputed on the way, one line each: a worker process has no reporter of its own. */
  readonly cacheProblems: string[];
}

/**
 * One seed's run inside a pool worker (or in-process): the same function either way. With a cache, its checkpoints
 * are shared through `<cacheDir>/checkpoints` with the other protocols' runs of the seed.
 */
export default function runTask(task: RunTask): RunTaskResult {
  if (task.cacheDir === null) return { record: runProtocol(task.protocol, task.seed, task.overrides).record, cached: false, cacheProblems: [] };
  const cacheProblems: string[] = [];
  const report = (message: string) => void cacheProblems.push(message);
  const checkpointStore = diskCheckpointStore(join(task.cacheDir, 'checkpoints'), task.protocol, task.seed, { report });
  const { record, cached } = cachedRunOf(task.protocol, task.seed, task.overrides, task.cacheDir, { checkpointStore, report });
  return { record, cached, cacheProblems };
}
