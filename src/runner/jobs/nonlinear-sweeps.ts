import { fileURLToPath } from 'node:url';
import type { NonlinearSweepSpec, NonlinearSweeps } from '../../run/index.ts';
import { COST_MODEL, inUnitCache } from '../cost.ts';
import { canonicalJson } from '../run-cache.ts';
import { runWorkerTasks, taskDone, type JobContext, type JobKind, type Worker } from './job-kind.ts';
import nonlinearWorkerTask, { recomputeNonlinear, type NonlinearWorkerTask } from './nonlinear-worker.ts';
import type { WorkerResult } from './worker-result.ts';

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
 * the first to ask runs them. Whether they were computed or read, and their CPU seconds, are the sweep job's to
 * report (its cost holds them; the escape job's does not).
 */
export function sharedSweeps(job: Pick<NonlinearSweepsJob, 'spec' | 'dataSeed'>, context: JobContext): Promise<WorkerResult<NonlinearSweeps>> {
  const key = canonicalJson(['nonlinear-sweeps', job.spec, job.dataSeed]);
  const known = context.shared.get(key) as Promise<WorkerResult<NonlinearSweeps>> | undefined;
  if (known !== undefined) return known;
  const task: NonlinearWorkerTask = { unit: { kind: 'nonlinear-sweeps', spec: job.spec, dataSeed: job.dataSeed }, cacheDir: context.cacheDir };
  const sweeps = runWorkerTasks(NONLINEAR_WORKER, [task], context).then(([r]) => r as WorkerResult<NonlinearSweeps>);
  context.shared.set(key, sweeps);
  return sweeps;
}

export const nonlinearSweepsKind: JobKind<NonlinearSweepsJob, NonlinearSweeps> = {
  rate: { entry: 'nonlinearSweepPointSteps', is: 'time' },
  units: () => 1,
  cost(job, cacheDir) {
    const sweepPoints = 2 * job.spec.betas.length;
    const cached = inUnitCache(cacheDir, 'nonlinear-sweeps', { spec: job.spec, dataSeed: job.dataSeed }) ? 1 : 0;
    return { runs: 1, cached, sgdSteps: 0, sweepPoints, cpuSeconds: cached ? 0 : sweepPoints * nonlinearPointSeconds(job.spec) };
  },
  async run(job, context) {
    const sweeps = await sharedSweeps(job, context);
    taskDone(context, sweeps, true);
    return sweeps.result;
  },
  recompute: { 'nonlinear-sweeps': recomputeNonlinear('nonlinear-sweeps') },
};
