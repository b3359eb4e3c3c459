import { fileURLToPath } from 'node:url';
import { stepsPerEpoch } from '../../engine/index.ts';
import { gridBetas } from '../../protocols/index.ts';
import type { JumpSettingResult, JumpSettingTask } from '../../run/index.ts';
import { COST_MODEL } from '../cost.ts';
import { runTasks, type JobKind, type Worker } from './job-kind.ts';
import jumpTask from './jump-runs-worker.ts';

/** Downward jumps rank 2 → rank 1 (src/run/one-way-jumps.ts): one task per (sampling, β, ηlr) setting, each all its seeds. */
export interface JumpRunsJob {
  readonly kind: 'jump-runs';
  readonly label: string;
  readonly tasks: readonly JumpSettingTask[];
}

const WORKER: Worker<JumpSettingTask, JumpSettingResult> = { file: fileURLToPath(new URL('./jump-runs-worker.ts', import.meta.url)), run: jumpTask };

/**
 * Every setting's runs in task order: the same results for any number of workers. Not cached on disk: a setting's
 * 50 runs take seconds (falls end a run; the budget bounds a censored one).
 */
export const jumpRunsKind: JobKind<JumpRunsJob, JumpSettingResult[]> = {
  rate: { entry: 'jumpStepsPerSecond', is: 'rate' },
  units: (job) => job.tasks.length,
  cost(job) {
    // At most: every run censored at its budget; the up sweep and the annealing once per data set and β.
    const sgdSteps = job.tasks.reduce((s, t) => s + t.sgdSeeds.length * t.settings.budget * stepsPerEpoch(t.protocol.data.trainCount, t.settings.batch), 0);
    const runs = job.tasks.reduce((s, t) => s + t.sgdSeeds.length, 0);
    const sweepPoints = new Set(job.tasks.map((t) => t.delta)).size * gridBetas(job.tasks[0]?.protocol.grid ?? { from: 0, to: 0, step: 1 }).length;
    return { runs, cached: 0, sgdSteps, sweepPoints, cpuSeconds: sgdSteps / COST_MODEL.jumpStepsPerSecond + sweepPoints / COST_MODEL.sweepPointsPerSecond };
  },
  run: (job, context) => runTasks(WORKER, job.tasks, context),
};
