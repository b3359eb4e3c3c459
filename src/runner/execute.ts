import { gradientNoiseScaling, kramersLanger, type PhaseDiagramRecord, type RunRecord } from '../run/index.ts';
import { runLearningPlateaus, runModeLangevin, runSgldEscapes } from './controls.ts';
import { longestFirst } from './cost.ts';
import { distinctJobs, jobUnits, type Job } from './job.ts';
import { runJumpSettings } from './jump-runs.ts';
import { runNonlinearEscapes, runNonlinearSweeps } from './nonlinear.ts';
import { runPhaseDiagram } from './phase-sweeps.ts';
import { RunnerResults } from './results.ts';
import { runSeeds } from './run-seeds.ts';
import { cachedUnit } from './unit-cache.ts';
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
  | { readonly kind: 'job-done'; readonly job: Job; readonly seconds: number };

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
  const nonlinearSweeps = new Map();
  // What every pooled, cached job is run with.
  const shared = { workers: options.workers, ...(pool ? { pool } : {}), cacheDir: options.cacheDir, onCacheProblem: (line: string) => problems.add(line) };
  try {
    await Promise.all(
      distinct.map(async (job, index) => {
        progress({ kind: 'job-started', job, index, total: distinct.length });
        const started = performance.now();
        const onDone = (_record: unknown, done: number, _total?: number, cached = false) =>
          progress({ kind: 'unit-done', job, done, units: jobUnits(job), cached });
        switch (job.kind) {
          case 'seed-runs': {
            const records: RunRecord[] = await runSeeds(job.protocol, job.seeds, { ...shared, overrides: job.overrides, onDone });
            results.set(job, records);
            break;
          }
          case 'phase-sweeps': {
            const records: PhaseDiagramRecord[] = await runPhaseDiagram(job.protocol, job.seeds, options.workers, onDone, pool, {
              cacheDir: options.cacheDir,
              onCacheProblem: (line) => problems.add(line),
            });
            results.set(job, records);
            break;
          }
          case 'kramers-langer': {
            // Deterministic linear algebra in this process, while the pool works on the SGD runs.
            await Promise.resolve();
            const compute = () => kramersLanger(job.options);
            const { result, cached } =
              options.cacheDir === null
                ? { result: compute(), cached: false }
                : cachedUnit(options.cacheDir, job.kind, job.options, compute, { report: (line) => problems.add(line) });
            results.set(job, result);
            onDone(null, 1, 1, cached);
            break;
          }
          case 'jump-runs': {
            results.set(job, await runJumpSettings(job.tasks, options.workers, onDone, pool));
            break;
          }
          case 'mode-langevin':
          case 'sgld-escapes':
          case 'learning-plateaus': {
            const control = { ...shared, onDone: (done: number) => onDone(null, done) };
            if (job.kind === 'mode-langevin') results.set(job, await runModeLangevin(job, control));
            else if (job.kind === 'sgld-escapes') results.set(job, await runSgldEscapes(job, control));
            else results.set(job, await runLearningPlateaus(job, control));
            break;
          }
          case 'gradient-noise': {
            // A few seconds of linear algebra in this process, like the Appendix F analysis.
            await Promise.resolve();
            results.set(job, gradientNoiseScaling(job.options));
            onDone(null, 1);
            break;
          }
          case 'nonlinear-sweeps':
          case 'nonlinear-escapes': {
            const nonlinear = { ...shared, onDone: (done: number, cached: boolean) => onDone(null, done, undefined, cached), sweeps: nonlinearSweeps };
            if (job.kind === 'nonlinear-sweeps') results.set(job, await runNonlinearSweeps(job, nonlinear));
            else results.set(job, await runNonlinearEscapes(job, nonlinear));
            break;
          }
        }
        progress({ kind: 'job-done', job, seconds: (performance.now() - started) / 1000 });
      }),
    );
  } finally {
    problems.close();
    await pool?.destroy();
  }
  return results;
}
