import { createStream, type TaskData } from '../data/index.ts';
import {
  MetricsProbe,
  cloneNetwork,
  createNetwork,
  fullGradientNorm,
  initialiseGaussian,
  trainSgd,
  type Network,
  type TrainingSet,
  type Moments,
} from '../engine/index.ts';
import { numericsOf, type Protocol } from '../protocols/index.ts';

/** What "trained to convergence" reached at one annealing stage. */
export interface StageReport {
  readonly beta: number;
  readonly epochs: number;
  /** Full-batch gradient norm of MSE + (β/2)|θ|² on the training set at the end of the stage. */
  readonly gradientNorm: number;
  readonly trainMse: number;
  readonly testMse: number;
  readonly singularValues: number[];
}

export interface Checkpoint {
  readonly network: Network;
  readonly stages: StageReport[];
}

/**
 * Checkpoints kept beyond one run (checkpoint-cache.ts), by annealing sequence; `network` gives the layout. `verify`
 * names what is wrong with a stored checkpoint (null: nothing), and a refused one counts as absent.
 */
export interface CheckpointStore {
  get(betas: readonly number[], network: Network, verify?: (checkpoint: Checkpoint) => string | null): Checkpoint | null;
  set(betas: readonly number[], checkpoint: Checkpoint): void;
}

/** Everything a run of one seed trains on, computed once. */
export interface RunContext {
  readonly protocol: Protocol;
  readonly seed: number;
  readonly data: TaskData;
  readonly train: TrainingSet;
  readonly testMoments: Moments;
  /** Checkpoints shared with other runs of the same seed and data; absent: each run trains its own. */
  readonly checkpointStore?: CheckpointStore;
}

/** Fresh weights N(0, initStd²) from the seed's 'init' stream. */
export function freshNetwork(ctx: RunContext): Network {
  const net = createNetwork(ctx.protocol.network);
  initialiseGaussian(net, createStream(ctx.seed, 'init'), ctx.protocol.initStd);
  return net;
}

/** The last stage's report, measured as it was when trained. */
function measureStage(ctx: RunContext, net: Network, beta: number, epochs: number): StageReport {
  const m = new MetricsProbe(net, ctx.train.moments, ctx.testMoments).measure(beta);
  return {
    beta,
    epochs,
    gradientNorm: fullGradientNorm(net, ctx.train.moments, beta),
    trainMse: m.trainMse,
    testMse: m.testMse,
    singularValues: m.singularValues,
  };
}

/**
 * A stored checkpoint must be what its last stage reports: the measurement is exact and deterministic, so weights
 * zeroed or replaced in the store (with its hashes rewritten) no longer match their stage.
 */
function storedStageMismatch(ctx: RunContext, checkpoint: Checkpoint): string | null {
  const stored = checkpoint.stages[checkpoint.stages.length - 1]!;
  const measured = measureStage(ctx, checkpoint.network, stored.beta, stored.epochs);
  const fields = ['gradientNorm', 'trainMse', 'testMse', 'singularValues'] as const;
  const bad = fields.find((f) => JSON.stringify(measured[f]) !== JSON.stringify(stored[f]));
  return bad === undefined ? null : `its weights do not give its last stage's ${bad}`;
}

/**
 * Appendix A's annealing: from fresh weights train "to convergence" at betas[0], then at each next β,
 * by the protocol's checkpoint rule. Stages share nothing random with the run: their batch order is the
 * seed's 'checkpoint' stream, one stream per stage index. `cache` memoises chains by their β prefix so
 * the β = 0 stage is trained once per run.
 */
export function annealedCheckpoint(ctx: RunContext, betas: readonly number[], cache: Map<string, Checkpoint>): Checkpoint {
  const key = betas.join(',');
  const known =
    cache.get(key) ?? ctx.checkpointStore?.get(betas, createNetwork(ctx.protocol.network), (c) => storedStageMismatch(ctx, c)) ?? undefined;
  if (known !== undefined) {
    cache.set(key, known);
    return known;
  }
  const rule = ctx.protocol.checkpoint;
  const parent =
    betas.length > 1 ? annealedCheckpoint(ctx, betas.slice(0, -1), cache) : { network: freshNetwork(ctx), stages: [] };
  const beta = betas[betas.length - 1]!;
  const net = cloneNetwork(parent.network);
  const rng = createStream(ctx.seed, 'checkpoint');
  for (let skip = 0; skip < betas.length - 1; skip++) rng.jump();
  trainSgd(net, ctx.train, { lr: rule.lr, batch: rule.batch, beta, epochs: rule.epochsPerStage, ...numericsOf(ctx.protocol) }, rng);
  const stage = measureStage(ctx, net, beta, rule.epochsPerStage);
  const checkpoint = { network: net, stages: [...parent.stages, stage] };
  cache.set(key, checkpoint);
  ctx.checkpointStore?.set(betas, checkpoint);
  return checkpoint;
}
