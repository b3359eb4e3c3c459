import { fileURLToPath } from 'node:url';
import type { NonlinearSweepSpec, NonlinearSweeps } from '../../run/index.ts';
import { COST_MODEL, inUnitCache } from '../cost.ts';
import { canonicalJson } from '../run-cache.ts';
import { runTasks, type JobContext, type JobKind, type Worker } from './job-kind.ts';
import nonlinearWorkerTask, { recomputeNonlinear, type NonlinearWorkerTask } from './nonlinear-worker.ts';

/** A tanh or sigmoid network's quasi-static β sweeps, up and down, on one data set (src/run/nonlinear-sweep.ts). */
export interface NonlinearSweepsJob {
  readonly kind: 'nonlinear-sweeps';
  readonly label: string;
  readonly spec: NonlinearSweepSpec;
  readonly dataSeed: number;
}

export const NONLINEAR_WORKER: Worker<NonlinearWorkerTask, unknown> = {
  file: fileURLToPath(new URL('./nonlinear-worker.ts', import.meta.url)),
  run: nonlinearWorkerTask,
};

/** One nonlinear sweep point's descent: COST_MODEL's mean steps, each a pass over the training set. */
export function nonlinearPointSeconds(spec: NonlinearSweepSpec): number {
  return (Math.min(spec.convergence.maxSteps, COST_MODEL.nonlinearSweepPointSteps) * spec.data.trainCount) / COST_MODEL.nonlinearSamplesPerSecond;
}

/**
 * One activation's sweeps, computed once per execution however many jobs ask (its sweep job and its escape job):
 * the first to ask runs them, counting them as one of its units when `asUnit`.
 */
export function sharedSweeps(job: Pick<NonlinearSweepsJob, 'spec' | 'dataSeed'>, context: JobContext, asUnit: boolean): { sweeps: Promise<NonlinearSweeps>; computedHere: boolean } {
  const key = canonicalJson(['nonlinear-sweeps', job.spec, job.dataSeed]);
  const known = context.shared.get(key) as Promise<NonlinearSweeps> | undefined;
  if (known !== undefined) return { sweeps: known, computedHere: false };
  const task: NonlinearWorkerTask = { unit: { kind: 'nonlinear-sweeps', spec: job.spec, dataSeed: job.dataSeed }, cacheDir: context.cacheDir };
  const sweeps = runTasks(NONLINEAR_WORKER, [task], context, asUnit).then(([r]) => r as NonlinearSweeps);
  context.shared.set(key, sweeps);
  return { sweeps, computedHere: true };
}

export const nonlinearSweepsKind: JobKind<NonlinearSweepsJob, NonlinearSweeps> = {
  units: () => 1,
  cost(job, cacheDir) {
    const sweepPoints = 2 * job.spec.betas.length;
    const cached = inUnitCache(cacheDir, 'nonlinear-sweeps', { spec: job.spec, dataSeed: job.dataSeed }) ? 1 : 0;
    return { runs: 1, cached, sgdSteps: 0, sweepPoints, cpuSeconds: cached ? 0 : sweepPoints * nonlinearPointSeconds(job.spec) };
  },
  async run(job, context) {
    const { sweeps, computedHere } = sharedSweeps(job, context, true);
    const result = await sweeps;
    // Sweeps another job computed count as read, not computed, here.
    if (!computedHere) context.unitDone(true);
    return result;
  },
  recompute: { 'nonlinear-sweeps': recomputeNonlinear('nonlinear-sweeps') },
};
