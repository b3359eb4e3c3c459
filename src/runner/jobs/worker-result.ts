import { cachedUnit, type ResultCheck } from '../unit-cache.ts';

/** What every worker function returns: its result, whether the cache held it, and the cache entries it refused. */
export interface WorkerResult<R> {
  readonly result: R;
  /** Read from the cache rather than computed. */
  readonly cached: boolean;
  /** Cache entries refused and recomputed on the way, one line each: a worker process has no reporter of its own. */
  readonly cacheProblems: string[];
}

/** A result computed with no cache. */
export function computed<R>(result: R): WorkerResult<R> {
  return { result, cached: false, cacheProblems: [] };
}

/**
 * `compute()` through the unit cache of `kind` under `task` (the unit's identity) when there is a cache folder, else
 * computed; `check` refuses a verified entry whose result does not fit its task.
 */
export function throughUnitCache<R>(cacheDir: string | null, kind: string, task: unknown, compute: () => R, check?: ResultCheck<R>): WorkerResult<R> {
  if (cacheDir === null) return computed(compute());
  const cacheProblems: string[] = [];
  const { result, cached } = cachedUnit(cacheDir, kind, task, compute, { ...(check ? { check } : {}), report: (line) => void cacheProblems.push(line) });
  return { result, cached, cacheProblems };
}
