import { createStream, makeTaskData } from '../data/index.ts';
import {
  cloneNetwork,
  datasetMoments,
  defaultAbsorbingPoint,
  modeAxes,
  modePotential,
  overdampedFirstPassage,
  prepareTrainingSet,
  singularValues,
  endToEndMatrix,
  trainWatchingEscape,
  type BatchSampling,
  type LangevinEscape,
  type RiseTrace,
  type ModeLangevinSettings,
} from '../engine/index.ts';
import { dataSeedFor, numericsOf, type Protocol } from '../protocols/index.ts';
import { annealedCheckpoint, type Checkpoint, type CheckpointStore, type RunContext } from './checkpoints.ts';

// The audit's positive controls for the kinetics (not the paper's experiments): systems where escape over the
// barrier does happen and Kramers' law is known to hold, so the pipeline that judges the paper's Arrhenius claims
// (Section 3.3, Eq. 5) can be seen to work.

/**
 * One seed of the one-mode control with the potential scaled by `barrierScale` (1: the mode of Eq. 1 itself, the
 * same path as `modeLangevinEscape`). A scale s ≠ 1 simulates s·V: the barrier is s·ΔE while the evaluator still
 * compares with ΔE, which is how a spec shows the rule detects a wrong barrier.
 */
export function modeControlRun(settings: ModeLangevinSettings, barrierScale: number, seed: number): LangevinEscape {
  if (!(barrierScale > 0 && Number.isFinite(barrierScale))) throw new RangeError(`barrierScale must be > 0, got ${barrierScale}`);
  const potential = modePotential(settings.eta, settings.beta, settings.depth, settings.convention);
  const upper = settings.absorbAt ?? defaultAbsorbingPoint(potential);
  const lower = settings.depth % 2 === 0 ? -upper : undefined;
  const gradient = barrierScale === 1 ? potential.gradient : (u: number) => barrierScale * potential.gradient(u);
  return overdampedFirstPassage(
    gradient,
    { temperature: settings.temperature, dt: settings.dt, maxSteps: settings.maxSteps, start: 0, upper, ...(lower === undefined ? {} : { lower }) },
    createStream(seed, 'langevin'),
  );
}

/** One SGLD run of the network control, from the trap's checkpoint. */
export interface SgldEscapeRecord {
  readonly noiseSeed: number;
  readonly temperature: number;
  /** Epochs run (the escape epoch, or the budget). */
  readonly epochs: number;
  /** First epoch with σ_sigmaMode past the threshold; null: censored at `epochs`. */
  readonly escapeEpoch: number | null;
  /** False when σ_sigmaMode was already past the threshold at the checkpoint: the run did not start trapped. */
  readonly trapped: boolean;
  readonly sigmaCrossings: (number | null)[];
  /** |u_iᵀ E v_i| on the sample's singular axes first past the threshold, per mode. */
  readonly modeCrossings: (number | null)[];
  /** Singular values of the end-to-end map at the checkpoint. */
  readonly checkpointSigma: number[];
  /** With a trace asked for: σ of the escaping mode every epoch around the escape (null: did not escape). */
  readonly rise?: RiseTrace | null;
}

/** Options of one SGLD run beyond the protocol: how batches are drawn, and a trace around the escape. */
export interface SgldRunOptions {
  readonly sampling?: BatchSampling;
  readonly trace?: { readonly before: number; readonly after: number };
}

interface ControlStart {
  readonly ctx: RunContext;
  readonly checkpoint: Checkpoint;
}

/** Checkpoints by (protocol, seed) within a process: every run of a job starts from the same one. */
const starts = new Map<string, ControlStart>();

function controlStart(protocol: Protocol, checkpointSeed: number, store?: CheckpointStore): ControlStart {
  const key = JSON.stringify([protocol, checkpointSeed]);
  const known = starts.get(key);
  if (known !== undefined) return known;
  if (protocol.start.kind !== 'checkpoint') throw new RangeError('the network control starts from a checkpoint');
  const data = makeTaskData(protocol.teacher, protocol.data, dataSeedFor(protocol, checkpointSeed));
  const biases = protocol.network.biases;
  const ctx: RunContext = {
    protocol,
    seed: checkpointSeed,
    data,
    train: prepareTrainingSet(data.train, biases),
    testMoments: datasetMoments(data.test, biases),
    ...(store ? { checkpointStore: store } : {}),
  };
  const start = { ctx, checkpoint: annealedCheckpoint(ctx, protocol.start.betas, new Map()) };
  starts.set(key, start);
  return start;
}

/**
 * Stochastic gradient Langevin dynamics (Section 2.2's Langevin reading of SGD, with an isotropic kick √(2ηlr·T)·ξ)
 * from the protocol's annealed checkpoint of `checkpointSeed`, continued at the protocol's β until σ_sigmaMode
 * passes the threshold or the budget ends. Batches from the noise seed's 'batches' stream (drawn as `options.sampling`
 * says, default the per-epoch permutation), kicks from its 'langevin' stream: a pure function of its arguments. With
 * `options.trace` the run goes on `after` epochs past the escape, recording σ of the escaping mode (`epochs` stays the
 * escape epoch: the time at risk).
 */
export function sgldEscapeRun(
  protocol: Protocol,
  checkpointSeed: number,
  temperature: number,
  noiseSeed: number,
  store?: CheckpointStore,
  options: SgldRunOptions = {},
): SgldEscapeRecord {
  const { sampling, trace } = options;
  const { ctx, checkpoint } = controlStart(protocol, checkpointSeed, store);
  const net = cloneNetwork(checkpoint.network);
  const w = protocol.network.widths;
  const checkpointSigma = singularValues(endToEndMatrix(net), w.at(-1)!, w[0]!);
  const watched = trainWatchingEscape(
    net,
    ctx.train,
    { lr: protocol.lr, batch: protocol.batch, beta: protocol.beta, epochs: protocol.epochs, ...numericsOf(protocol), langevin: { temperature, seed: noiseSeed }, ...(sampling === undefined ? {} : { batchSampling: sampling }) },
    createStream(noiseSeed, 'batches'),
    { threshold: protocol.sigmaThreshold, stopMode: protocol.sigmaMode, axes: modeAxes(ctx.train.moments), ...(trace === undefined ? {} : { trace }) },
  );
  return {
    noiseSeed,
    temperature,
    epochs: watched.escapeEpoch ?? watched.epochs,
    escapeEpoch: watched.escapeEpoch,
    trapped: watched.escapeEpoch !== 0,
    sigmaCrossings: watched.sigmaCrossings,
    modeCrossings: watched.modeCrossings,
    checkpointSigma: [...checkpointSigma],
    ...(watched.rise === undefined ? {} : { rise: watched.rise }),
  };
}
