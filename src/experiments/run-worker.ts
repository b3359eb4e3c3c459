import type { Protocol, RunOverrides } from './protocols.ts';
import { cachedRun } from './run-cache.ts';
import { runProtocol, type RunRecord } from './run-protocol.ts';

export interface RunTask {
  readonly protocol: Protocol;
  readonly seed: number;
  readonly overrides: RunOverrides;
  /** Cache directory, or null to run without the cache. */
  readonly cacheDir: string | null;
}

/** One seed's run inside a pool worker (or in-process): the same function either way. */
export default function runTask(task: RunTask): RunRecord {
  return task.cacheDir === null
    ? runProtocol(task.protocol, task.seed, task.overrides).record
    : cachedRun(task.protocol, task.seed, task.overrides, task.cacheDir);
}
