import { cachedUnit, type ResultCheck } from '../unit-cache.ts';

/** What every worker function returns: its result, whether the cache held it, and the cache entries it refused. */
export interface WorkerResult<R> {
  readonly result: R;
  /** Read from the cache rather than computed. */
  readonly cached: boolean;
  /** Cache entries refused and recomputed on the way, one line each: a worker process has no reporter of its own. */
  readonly cacheProblems: string[];
  /**
   * CPU seconds (user and system) the process spent on it, where it was computed; absent where it was read from the
   * cache. A measurement beside the result, never part of it nor of any cache entry.
   */
  readonly cpuSeconds?: number;
}

/** `run()`'s worker result, with the CPU seconds of this process it took where it computed rather than read the cache. */
export function measured<R>(run: () => WorkerResult<R>): WorkerResult<R> {
  const start = process.cpuUsage();
  const outcome = run();
  if (outcome.cached) return outcome;
  const { user, system } = process.cpuUsage(start);
  return { ...outcome, cpuSeconds: (user + system) / 1e6 };
}

/** A result computed with no cache, with its CPU seconds. */
export function computed<R>(compute: () => R): WorkerResult<R> {
  return measured(() => ({ result: compute(), cached: false, cacheProblems: [] }));
}

/**
 * `compute()` through the unit cache of `kind` under `task` (the unit's identity) when there is a cache folder, else
 * computed; `check` refuses a verified entry whose result does not fit its task.
 */
export function throughUnitCache<R>(cacheDir: string | null, kind: string, task: unknown, compute: () => R, check?: ResultCheck<R>): WorkerResult<R> {
  if (cacheDir === null) return computed(compute);
  return measured(() => {
    const cacheProblems: string[] = [];
    const { result, cached } = cachedUnit(cacheDir, kind, task, compute, { ...(check ? { check } : {}), report: (line) => void cacheProblems.push(line) });
    return { result, cached, cacheProblems };
  });
}
