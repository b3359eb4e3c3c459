import { fileURLToPath } from 'node:url';
import { stepsPerEpoch } from '../../engine/index.ts';
import type { PhaseDiagramProtocol } from '../../protocols/index.ts';
import type { LearningPlateaus, PlateauSettings } from '../../run/index.ts';
import { COST_MODEL } from '../cost.ts';
import { runTasks, type JobKind, type Worker } from './job-kind.ts';
import plateauTask, { type PlateauTask } from './learning-plateaus-worker.ts';

/** Learning plateaus from a small initialisation (src/run/staged-transitions.ts): one run per (initial scale, data seed). */
export interface LearningPlateausJob {
  readonly kind: 'learning-plateaus';
  readonly label: string;
  readonly protocol: PhaseDiagramProtocol;
  /** One run per data seed with these settings (its SGD seed is the data seed). */
  readonly settings: PlateauSettings;
  readonly dataSeeds: readonly number[];
}

const WORKER: Worker<PlateauTask, LearningPlateaus> = { file: fileURLToPath(new URL('./learning-plateaus-worker.ts', import.meta.url)), run: plateauTask };

/** The runs in data-seed order, one task per run. */
export const learningPlateausKind: JobKind<LearningPlateausJob, LearningPlateaus[]> = {
  rate: { entry: 'plateauStepsPerSecond', is: 'rate' },
  units: (job) => job.dataSeeds.length,
  cost(job) {
    const sgdSteps = job.dataSeeds.length * job.settings.epochs * stepsPerEpoch(job.protocol.data.trainCount, job.settings.batch);
    return { runs: job.dataSeeds.length, cached: 0, sgdSteps, sweepPoints: 0, cpuSeconds: sgdSteps / COST_MODEL.plateauStepsPerSecond };
  },
  run: (job, context) => runTasks(WORKER, job.dataSeeds.map((dataSeed) => ({ protocol: job.protocol, settings: job.settings, dataSeed })), context),
};
