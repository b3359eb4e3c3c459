import { float64, modeBarriers } from '../analytic/index.ts';
import { createStream, makeTaskData } from '../data/index.ts';
import {
  MetricsProbe,
  createNetwork,
  datasetMoments,
  descendFullBatch,
  initialiseGaussian,
  prepareTrainingSet,
  sampleSpectrum,
  trainSgd,
  type DescentReport,
  type Moments,
  type Network,
  type TrainingSet,
} from '../engine/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import { gridBetas, type PhaseDiagramProtocol } from '../protocols/index.ts';
import { sweepDataSeed } from './phase-sweep.ts';
import { watchedModeRun, type ModeWatch } from './watched-run.ts';

// [18] (Wang & Jacot) proves SGD can jump from a higher-rank minimum of an L2-regularised deep
// linear network to a lower-rank one and never back. Here: from the rank-2 minimum a little below the β where the
// quasi-static up sweep loses the weak mode (Appendix A's sweep, one data set), SGD at B = 64 and larger learning
// rates waits a random time and then falls to rank 1; the waiting time is the quantity Eq. 5 is about.

/** Where the up sweep of one data set loses mode `level` (the bisected transition of phase-diagram.ts). */
export function modeLossBeta(protocol: PhaseDiagramProtocol, dataSeed: number, level: number): number {
  const [up] = sweepDataSeed(protocol, dataSeed, ['up']).sweeps;
  const transition = up!.transitions.find((t) => t.level === level);
  if (transition === undefined) throw new RangeError(`data seed ${dataSeed}: the up sweep never loses mode ${level}`);
  return transition.lower;
}

/** A minimum reached the way the up sweep reaches it: fresh weights, β = 0, every grid β below `beta`, then `beta`. */
export interface AnnealedMinimum {
  readonly net: Network;
  readonly train: TrainingSet;
  readonly testMoments: Moments;
  readonly beta: number;
  readonly singularValues: number[];
  readonly descent: DescentReport;
}

export function annealedMinimum(protocol: PhaseDiagramProtocol, dataSeed: number, beta: number): AnnealedMinimum {
  const data = makeTaskData(protocol.teacher, protocol.data, dataSeed);
  const train = prepareTrainingSet(data.train, protocol.network.biases);
  const testMoments = datasetMoments(data.test, protocol.network.biases);
  const net = createNetwork(protocol.network);
  initialiseGaussian(net, createStream(dataSeed, 'init'), protocol.initStd);
  const { lr, gradientTolerance, maxSteps } = protocol.convergence;
  let descent: DescentReport | undefined;
  for (const b of [...gridBetas(protocol.grid).filter((g) => g < beta), beta]) {
    descent = descendFullBatch(net, train.moments, { lr, beta: b, maxSteps, gradientTolerance });
  }
  const singularValues = new MetricsProbe(net, train.moments, testMoments).singularValues();
  return { net, train, testMoments, beta, singularValues, descent: descent! };
}

/**
 * One SGD run from a copy of `start`: the first epoch at which σ_mode falls below the threshold (far below the
 * saddle's λ: the mode is lost), or censored at the budget.
 */
export function jumpDownRun(start: AnnealedMinimum, settings: ModeWatch, sgdSeed: number): EscapeRun {
  const net: Network = { ...start.net, params: Float64Array.from(start.net.params) };
  const probe = new MetricsProbe(net, start.train.moments, start.testMoments);
  const { lr, batch, beta, budget, sampling } = settings;
  return watchedModeRun(
    settings,
    (afterEpoch) => trainSgd(net, start.train, { lr, batch, beta, epochs: budget, batchSampling: sampling, flushBelow: 1e-300 }, createStream(sgdSeed, 'batches'), afterEpoch),
    () => probe.singularValues(),
  );
}

export function jumpDownRuns(start: AnnealedMinimum, settings: ModeWatch, sgdSeeds: readonly number[]): EscapeRun[] {
  return sgdSeeds.map((seed) => jumpDownRun(start, settings, seed));
}

/** One setting of the downward-jump experiment, as plain data (a pool worker's task). */
export interface JumpSettingTask {
  readonly protocol: PhaseDiagramProtocol;
  readonly dataSeed: number;
  /** β = (where the up sweep loses `settings.mode`) − delta. */
  readonly delta: number;
  /** A falling watch (the mode lost), β set by delta. */
  readonly settings: Omit<ModeWatch, 'beta'>;
  readonly sgdSeeds: readonly number[];
}

/** The one-mode barrier out of the weak mode's minimum (Eq. 10's ΔE from λ** back over λsad), for an η. */
export interface JumpLandscape {
  /** The bisected β of the up sweep's loss of the mode, and the β of the runs. */
  readonly lossBeta: number;
  readonly beta: number;
  /** The sample's whitened singular value of the mode (sample-spectrum.ts) and its one-mode barrier (null past βc). */
  readonly whitenedEta: number;
  readonly barrierWhitened: number | null;
  /** The η whose Eq. 3 βc is the measured lossBeta (the sample landscape's own saddle-node), and its barrier. */
  readonly matchedEta: number;
  readonly barrierMatched: number | null;
  /** σ of the end-to-end map at the start. */
  readonly startSingularValues: number[];
}

export interface JumpSettingResult {
  readonly landscape: JumpLandscape;
  readonly runs: EscapeRun[];
}

/** Eq. 3 solved for η: the signal whose saddle-node sits at βc (eq2 reading, depth L ≥ 3). */
export function etaForCriticalBeta(betaC: number, depth: number): number {
  const k = 2 / depth;
  return ((betaC * (1 - k)) ** (1 / (2 - k)) * (2 - k)) / (1 - k);
}

function oneModeBarrier(eta: number, beta: number, depth: number): number | null {
  return modeBarriers(float64, { eta, beta, depth, convention: 'eq2' })?.fromMinimum ?? null;
}

// A pool worker runs many settings of the same data set: the up sweep and the annealing are computed once each.
const lossBetas = new Map<string, number>();
const minima = new Map<string, AnnealedMinimum>();

function memoised<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  if (!cache.has(key)) cache.set(key, compute());
  return cache.get(key)!;
}

/** Every seed of one setting from the same annealed rank-2 minimum, with the landscape it sits on. */
export function jumpSetting(task: JumpSettingTask): JumpSettingResult {
  const { protocol, dataSeed, delta, settings } = task;
  const key = JSON.stringify([protocol, dataSeed, settings.mode]);
  const lossBeta = memoised(lossBetas, key, () => modeLossBeta(protocol, dataSeed, settings.mode));
  const beta = lossBeta - delta;
  const start = memoised(minima, JSON.stringify([key, beta]), () => annealedMinimum(protocol, dataSeed, beta));
  const depth = protocol.network.widths.length - 1;
  const whitenedEta = sampleSpectrum(start.train.moments).whitened[settings.mode - 1]!;
  const matchedEta = etaForCriticalBeta(lossBeta, depth);
  const landscape: JumpLandscape = {
    lossBeta,
    beta,
    whitenedEta,
    barrierWhitened: oneModeBarrier(whitenedEta, beta, depth),
    matchedEta,
    barrierMatched: oneModeBarrier(matchedEta, beta, depth),
    startSingularValues: start.singularValues,
  };
  return { landscape, runs: jumpDownRuns(start, { ...settings, beta }, task.sgdSeeds) };
}
