import { distinctJobs, jobUnits, longestFirst } from './job.ts';
import type { JobContext } from './jobs/job-kind.ts';
import { kindOf, type Job } from './jobs/kinds.ts';
import { RunnerResults } from './results.ts';
import { createWorkerPool, type WorkerPool } from './worker-pool.ts';

export interface ExecuteOptions {
  /** Worker processes; 1 runs everything in this process. Results do not depend on it. */
  readonly workers: number;
  /** Cache folder (SGD runs, checkpoints, β sweeps and analyses), or null for none. */
  readonly cacheDir: string | null;
  /** Progress events, in completion order (stderr lines, a progress bar). */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Told once of each cache entry refused and recomputed (the first LISTED_CACHE_PROBLEMS, then a count). */
  readonly onCacheProblem?: (line: string) => void;
}

/** Refused cache entries listed one by one; beyond these only their number is reported. */
export const LISTED_CACHE_PROBLEMS = 10;

/** Each distinct problem once, the first few in full, then how many more. */
function cacheProblemReporter(report: ((line: string) => void) | undefined) {
  const seen = new Set<string>();
  return {
    add(line: string): void {
      if (seen.has(line)) return;
      seen.add(line);
      if (seen.size <= LISTED_CACHE_PROBLEMS) report?.(line);
    },
    close(): void {
      const unlisted = seen.size - LISTED_CACHE_PROBLEMS;
      if (unlisted > 0) report?.(`cache: ${unlisted} more refused entries were recomputed (not listed)`);
    },
  };
}

export type ProgressEvent =
  | { readonly kind: 'job-started'; readonly job: Job; readonly index: number; readonly total: number }
  /** One seed (or the one analysis) of a job finished; `cached` when read from the cache rather than computed. */
  | { readonly kind: 'unit-done'; readonly job: Job; readonly done: number; readonly units: number; readonly cached: boolean }
  /**
   * A job finished: its wall seconds, and what it computed rather than read from the cache — its units and the CPU
   * seconds they took in the workers or this process (a measurement: never part of any result or cache entry).
   */
  | { readonly kind: 'job-done'; readonly job: Job; readonly seconds: number; readonly computedUnits: number; readonly cpuSeconds: number };

/**
 * Executes every distinct job and returns their results. All jobs are started together on one shared pool, so
 * the workers stay busy across jobs, the longest (by the cost model, less what is cached) submitted first; each
 * result depends only on its job, so the results are the same for any number of workers and any completion order.
 */
export async function executeJobs(jobs: readonly Job[], options: ExecuteOptions): Promise<RunnerResults> {
  const distinct = longestFirst(distinctJobs(jobs), options.cacheDir);
  const results = new RunnerResults();
  const pool: WorkerPool | undefined = options.workers >= 2 && distinct.length > 0 ? createWorkerPool(options.workers) : undefined;
  const progress = options.onProgress ?? (() => {});
  const problems = cacheProblemReporter(options.onCacheProblem);
  const shared = new Map<string, Promise<unknown>>();
  try {
    await Promise.all(
      distinct.map(async (job, index) => {
        progress({ kind: 'job-started', job, index, total: distinct.length });
        const started = performance.now();
        const units = jobUnits(job);
        let done = 0;
        let computedUnits = 0;
        let cpuSeconds = 0;
        const context: JobContext = {
          workers: options.workers,
          ...(pool ? { pool } : {}),
          cacheDir: options.cacheDir,
          unitDone(cached) {
            if (!cached) computedUnits += 1;
            progress({ kind: 'unit-done', job, done: (done += 1), units, cached });
          },
          cacheProblem: (line) => problems.add(line),
          cpuSpent: (seconds) => void (cpuSeconds += seconds),
          shared,
        };
        results.set(job, await kindOf(job).run(job, context));
        progress({ kind: 'job-done', job, seconds: (performance.now() - started) / 1000, computedUnits, cpuSeconds });
      }),
    );
  } finally {
    problems.close();
    await pool?.destroy();
  }
  return results;
}
