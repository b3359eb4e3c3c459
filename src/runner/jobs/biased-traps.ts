import { fileURLToPath } from 'node:url';
import { stepsPerEpoch } from '../../engine/index.ts';
import type { Protocol } from '../../protocols/index.ts';
import type { BiasedTrapRecord } from '../../run/index.ts';
import { COST_MODEL, inUnitCache } from '../cost.ts';
import { runTasks, type JobKind, type Worker } from './job-kind.ts';
import biasedTrapTask, { BIASED_TRAP_KIND, type BiasedTrapTask } from './biased-traps-worker.ts';

/** Appendix A's trapping runs on the network with biases under one reading, one unit per seed (run/biased-trap.ts). */
export interface BiasedTrapsJob {
  readonly kind: 'biased-traps';
  readonly label: string;
  /** A key of BIAS_READINGS. */
  readonly reading: string;
  readonly seeds: readonly number[];
  /** The trap protocols in order, the first giving the global minimum's β. */
  readonly traps: readonly { readonly protocol: Protocol; readonly rank: number }[];
  readonly batches: number;
}

const WORKER: Worker<BiasedTrapTask, BiasedTrapRecord> = { file: fileURLToPath(new URL('./biased-traps-worker.ts', import.meta.url)), run: biasedTrapTask };

const tasksOf = (job: BiasedTrapsJob, cacheDir: string | null): BiasedTrapTask[] =>
  job.seeds.map((seed) => ({ reading: job.reading, seed, traps: job.traps, batches: job.batches, cacheDir }));

/** SGD steps of one seed: each trap's annealing stages and its continued run to the budget (an upper bound). */
function stepsPerSeed(job: BiasedTrapsJob): number {
  return job.traps.reduce((sum, { protocol: p }) => {
    const stages = p.start.kind === 'checkpoint' ? p.start.betas.length : 0;
    return sum + stages * p.checkpoint.epochsPerStage * stepsPerEpoch(p.data.trainCount, p.checkpoint.batch) + p.epochs * stepsPerEpoch(p.data.trainCount, p.batch);
  }, 0);
}

/** The records in seed order, one task per seed, each through the unit cache. */
export const biasedTrapsKind: JobKind<BiasedTrapsJob, BiasedTrapRecord[]> = {
  rate: { entry: 'biasedStepsPerSecond', is: 'rate' },
  units: (job) => job.seeds.length,
  cost(job, cacheDir) {
    const cached = tasksOf(job, cacheDir).filter(({ cacheDir: _dir, ...inputs }) => inUnitCache(cacheDir, BIASED_TRAP_KIND, inputs)).length;
    const sgdSteps = (job.seeds.length - cached) * stepsPerSeed(job);
    return { runs: job.seeds.length, cached, sgdSteps, sweepPoints: 0, cpuSeconds: sgdSteps / COST_MODEL.biasedStepsPerSecond };
  },
  run: (job, context) => runTasks(WORKER, tasksOf(job, context.cacheDir), context),
  divisible: {
    parts: (job) => job.seeds.length,
    restrict(job, parts) {
      const seeds = parts.map((p) => job.seeds[p]!);
      return { ...job, label: `${job.label}; this shard: seed(s) ${seeds.join(', ')}`, seeds };
    },
    group: () => null,
  },
  recompute: { [BIASED_TRAP_KIND]: (task) => biasedTrapTask({ ...(task as Omit<BiasedTrapTask, 'cacheDir'>), cacheDir: null }).result },
};
