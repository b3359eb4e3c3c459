import { fileURLToPath } from 'node:url';
import { nonlinearTrapPlan, type NonlinearEscapesRecord, type NonlinearSweeps, type NonlinearTrapState } from '../run/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import type { NonlinearEscapesJob, NonlinearSweepsJob } from './job.ts';
import nonlinearWorkerTask, { type NonlinearUnit, type NonlinearWorkerResult } from './nonlinear-worker.ts';
import { canonicalJson } from './run-cache.ts';
import { mapInWorkers, type WorkerPool } from './worker-pool.ts';

const WORKER = fileURLToPath(new URL('./nonlinear-worker.ts', import.meta.url));

export interface NonlinearRunOptions {
  readonly workers: number;
  readonly pool?: WorkerPool;
  readonly cacheDir: string | null;
  readonly onDone?: (done: number, cached: boolean) => void;
  readonly onCacheProblem?: (line: string) => void;
  /** One activation's sweeps, shared by its sweep job and its escape job within one execution (computed once). */
  readonly sweeps: Map<string, Promise<NonlinearSweeps>>;
}

async function runUnits(units: readonly NonlinearUnit[], options: NonlinearRunOptions, onDone?: (r: NonlinearWorkerResult, done: number) => void): Promise<unknown[]> {
  const tasks = units.map((unit) => ({ unit, cacheDir: options.cacheDir }));
  const results = await mapInWorkers(WORKER, nonlinearWorkerTask, tasks, options.workers, (r, done) => {
    for (const line of r.cacheProblems) options.onCacheProblem?.(line);
    onDone?.(r, done);
  }, options.pool);
  return results.map((r) => r.result);
}

function sweepsOf(job: Pick<NonlinearSweepsJob, 'spec' | 'dataSeed'>, options: NonlinearRunOptions, onDone?: (r: NonlinearWorkerResult) => void): Promise<NonlinearSweeps> {
  const key = canonicalJson([job.spec, job.dataSeed]);
  if (!options.sweeps.has(key)) {
    options.sweeps.set(key, runUnits([{ kind: 'nonlinear-sweeps', spec: job.spec, dataSeed: job.dataSeed }], options, onDone).then(([r]) => r as NonlinearSweeps));
  }
  return options.sweeps.get(key)!;
}

export async function runNonlinearSweeps(job: NonlinearSweepsJob, options: NonlinearRunOptions): Promise<NonlinearSweeps> {
  let reported = false;
  const sweeps = await sweepsOf(job, options, (r) => {
    reported = true;
    options.onDone?.(1, r.cached);
  });
  if (!reported) options.onDone?.(1, true);
  return sweeps;
}

/** The trap plan from the up sweep, the trap, then the seeds' runs: only from a rank-1 trap is there an escape to watch. */
export async function runNonlinearEscapes(job: NonlinearEscapesJob, options: NonlinearRunOptions): Promise<NonlinearEscapesRecord> {
  const sweeps = await sweepsOf(job, options);
  const plan = nonlinearTrapPlan(sweeps.up, job.rule, job.spec.rankThreshold, job.riseFraction);
  // With nothing to run, the job's units are done at once (progress counts them).
  const none = (record: NonlinearEscapesRecord) => {
    options.onDone?.(job.seeds.length, false);
    return record;
  };
  if (plan === null) return none({ plan, trap: null, runs: [] });
  const [trapResult] = await runUnits(
    [{ kind: 'nonlinear-trap', spec: job.spec, dataSeed: job.dataSeed, annealing: plan.annealing, beta: plan.beta, noiseRank: job.noiseRank }],
    options,
  );
  const trap = trapResult as NonlinearTrapState;
  if (trap.response.filter((s) => s > job.spec.rankThreshold).length !== job.escape.mode - 1) return none({ plan, trap, runs: [] });
  const { budget, ...rest } = job.escape;
  const settings = { ...rest, budget, beta: plan.beta, riseThreshold: plan.riseThreshold };
  const units: NonlinearUnit[] = job.seeds.map((sgdSeed) => ({ kind: 'nonlinear-escape', spec: job.spec, dataSeed: job.dataSeed, trapParams: trap.params, settings, sgdSeed }));
  const runs = (await runUnits(units, options, (r, done) => options.onDone?.(done, r.cached))) as EscapeRun[];
  return { plan, trap, runs };
}
