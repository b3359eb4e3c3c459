import { fileURLToPath } from 'node:url';
import { stepsPerEpoch, type BatchSampling } from '../../engine/index.ts';
import type { Protocol } from '../../protocols/index.ts';
import type { SgldEscapeRecord } from '../../run/index.ts';
import { COST_MODEL } from '../cost.ts';
import { runTasks, type JobKind, type Worker } from './job-kind.ts';
import sgldTask, { SGLD_ESCAPE_KIND, type SgldTask } from './sgld-escapes-worker.ts';

/** The network positive control at one temperature: SGLD from one checkpoint, one run per noise seed. */
export interface SgldEscapesJob {
  readonly kind: 'sgld-escapes';
  readonly label: string;
  readonly protocol: Protocol;
  readonly checkpointSeed: number;
  readonly temperature: number;
  readonly noiseSeeds: readonly number[];
  /** How SGD draws its batches (trainSgd's batchSampling); absent: the per-epoch permutation. */
  readonly sampling?: BatchSampling;
  /** σ of the escaping mode around each escape, `before` epochs ahead to `after` past it; absent: none. */
  readonly trace?: { readonly before: number; readonly after: number };
  /** The plan's estimate of a run's mean length in epochs where most runs escape long before the budget; absent: the budget. */
  readonly meanEpochs?: number;
}

const WORKER: Worker<SgldTask, SgldEscapeRecord> = { file: fileURLToPath(new URL('./sgld-escapes-worker.ts', import.meta.url)), run: sgldTask };

/** The records in noise-seed order, one task per run, each through the unit cache. */
export const sgldEscapesKind: JobKind<SgldEscapesJob, SgldEscapeRecord[]> = {
  rate: { entry: 'sgldStepsPerSecond', is: 'rate' },
  units: (job) => job.noiseSeeds.length,
  cost(job) {
    // Without an estimate an upper bound: every run to its budget (most escape long before); the checkpoint trained once per job.
    const p = job.protocol;
    const perRun = Math.min(p.epochs, job.meanEpochs ?? p.epochs) * stepsPerEpoch(p.data.trainCount, p.batch);
    const checkpoint = p.start.kind === 'checkpoint' ? p.start.betas.length * p.checkpoint.epochsPerStage * stepsPerEpoch(p.data.trainCount, p.checkpoint.batch) : 0;
    const sgdSteps = perRun * job.noiseSeeds.length;
    return {
      runs: job.noiseSeeds.length,
      cached: 0,
      sgdSteps: sgdSteps + checkpoint,
      sweepPoints: 0,
      cpuSeconds: sgdSteps / COST_MODEL.sgldStepsPerSecond + checkpoint / COST_MODEL.sgdStepsPerSecond,
    };
  },
  run(job, context) {
    const tasks: SgldTask[] = job.noiseSeeds.map((noiseSeed) => ({
      protocol: job.protocol,
      checkpointSeed: job.checkpointSeed,
      temperature: job.temperature,
      noiseSeed,
      ...(job.sampling === undefined ? {} : { sampling: job.sampling }),
      ...(job.trace === undefined ? {} : { trace: job.trace }),
      cacheDir: context.cacheDir,
    }));
    return runTasks(WORKER, tasks, context);
  },
  recompute: { [SGLD_ESCAPE_KIND]: (task) => sgldTask({ ...(task as Omit<SgldTask, 'cacheDir'>), cacheDir: null }).result },
};
