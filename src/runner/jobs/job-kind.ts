import type { COST_MODEL, JobCost } from '../cost.ts';
import { mapInWorkers, type WorkerPool } from '../worker-pool.ts';
import type { WorkerResult } from './worker-result.ts';

// A job kind, in one file of this folder: the job's data, the units its progress is counted in, what it costs before
// it runs, and how it runs (a worker file over the pool, or in this process). The table of kinds is kinds.ts.

/** What every job is: plain, serialisable data naming everything that determines its result, and its words. */
export interface JobData {
  readonly kind: string;
  /** Words for progress and --plan; not part of the job's identity. */
  readonly label: string;
}

/** What a kind's run is given: the execution's workers and caches, and where it reports. */
export interface JobContext {
  /** Worker processes; 1 runs everything in this process. Results do not depend on it. */
  readonly workers: number;
  /** The execution's one pool, shared by every job in flight (absent with one worker). */
  readonly pool?: WorkerPool;
  /** Cache folder, or null for none. */
  readonly cacheDir: string | null;
  /** One of the job's units finished; `cached` when it was read from the cache rather than computed. */
  readonly unitDone: (cached: boolean) => void;
  /** A cache entry was refused and recomputed (one line). */
  readonly cacheProblem: (line: string) => void;
  /** CPU seconds one of the job's tasks took where it was computed (WorkerResult.cpuSeconds), its own or one it shares. */
  readonly cpuSpent: (seconds: number) => void;
  /** Results several jobs of one execution need, each computed once (by key; see nonlinear-escapes.ts). */
  readonly shared: Map<string, Promise<unknown>>;
}

/** A job the shards can cut: one cached result per part (a seed), each part runnable on any machine. */
export interface Divisible<J> {
  readonly parts: (job: J) => number;
  /** The job restricted to the parts at these indices, its label saying which. */
  readonly restrict: (job: J, parts: readonly number[]) => J;
  /** Parts of one group go to the same shard (they share a checkpoint); null: a group of its own. */
  readonly group: (job: J, part: number) => string | null;
}

/**
 * The COST_MODEL entry a kind's estimate scales with: a rate (the estimate is work / rate) or a time (a multiple of
 * it). A kind priced by two entries names the one of its main work; the cost model's fit adjusts it (timings.ts).
 */
export interface CostRate {
  readonly entry: keyof typeof COST_MODEL;
  readonly is: 'rate' | 'time';
}

export interface JobKind<J extends JobData, R> {
  /** The units progress is reported in: its seeds or tasks, or 1 for an analysis. */
  readonly units: (job: J) => number;
  /** The estimate before it runs, counting what `cacheDir` already holds. */
  readonly cost: (job: J, cacheDir: string | null) => JobCost;
  /** The cost model's entry that estimate scales with. */
  readonly rate: CostRate;
  /** Its result; reports each unit through the context. */
  readonly run: (job: J, context: JobContext) => Promise<R>;
  /** How the shards cut it; absent: it runs whole on one shard. */
  readonly divisible?: Divisible<J>;
  /**
   * The unit-cache kinds its entries live under, each with the computation `cache merge --verify` repeats from an
   * entry's stored task (no cache): the same worker function a run calls.
   */
  readonly recompute?: Readonly<Record<string, (task: unknown) => unknown>>;
}

/** A worker file and the function it default-exports: the pool runs the file, one worker in-process the function. */
export interface Worker<T, R> {
  readonly file: string;
  readonly run: (task: T) => WorkerResult<R>;
}

/** One finished task told to its job: its CPU seconds where it was computed and, where `unit`, one unit done. */
export function taskDone(context: JobContext, r: WorkerResult<unknown>, unit: boolean): void {
  if (r.cpuSeconds !== undefined) context.cpuSpent(r.cpuSeconds);
  if (unit) context.unitDone(r.cached);
}

/** `tasks` through the worker over the context's workers, whole worker results in task order; refused cache entries passed on. */
export function runWorkerTasks<T, R>(worker: Worker<T, R>, tasks: readonly T[], context: JobContext, finished?: (r: WorkerResult<R>) => void): Promise<WorkerResult<R>[]> {
  const done = (r: WorkerResult<R>) => {
    for (const line of r.cacheProblems) context.cacheProblem(line);
    finished?.(r);
  };
  return mapInWorkers(worker.file, worker.run, tasks, context.workers, done, context.pool);
}

/**
 * `tasks` through the worker over the context's workers, results in task order; each finished task's refused cache
 * entries and CPU seconds are passed on and, where `units` (the default), it counts as one unit done.
 */
export async function runTasks<T, R>(worker: Worker<T, R>, tasks: readonly T[], context: JobContext, units = true): Promise<R[]> {
  const results = await runWorkerTasks(worker, tasks, context, (r) => taskDone(context, r, units));
  return results.map((r) => r.result);
}
