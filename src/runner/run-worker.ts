import type { Protocol, RunOverrides } from '../protocols/protocols.ts';
import { join } from 'node:path';
import { diskCheckpointStore } from './checkpoint-cache.ts';
import { cachedRun } from './run-cache.ts';
import { ENGINE_VERSION, runProtocol, type RunRecord } from '../run/run-protocol.ts';

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
export default function runTask(task: RunTask): RunRecord {
  if (task.cacheDir === null) return runProtocol(task.protocol, task.seed, task.overrides).record;
  const checkpointStore = diskCheckpointStore(join(task.cacheDir, 'checkpoints'), task.protocol, task.seed, ENGINE_VERSION);
  return cachedRun(task.protocol, task.seed, task.overrides, task.cacheDir, { checkpointStore });
}
