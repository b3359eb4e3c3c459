import { createStream, makeTaskData } from '../data/index.ts';
import {
  MetricsProbe,
  createNetwork,
  datasetMoments,
  descendFullBatch,
  initialiseGaussian,
  prepareTrainingSet,
  trainSgd,
  type BatchSampling,
  type DescentReport,
  type Moments,
  type Network,
  type TrainingSet,
} from '../engine/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import { gridBetas, type PhaseDiagramProtocol } from '../protocols/index.ts';
import { sweepDataSeed } from './phase-sweep.ts';

// Issue 13, part 2: [18] (Wang & Jacot) proves SGD can jump from a higher-rank minimum of an L2-regularised deep
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

export interface JumpSettings {
  readonly lr: number;
  readonly batch: number;
  readonly beta: number;
  /** Epochs watched; a run that has not fallen by then is censored there. */
  readonly budget: number;
  readonly sampling: BatchSampling;
  /** The mode watched (1-based) and the level below which it counts as lost (far below the saddle's λ). */
  readonly mode: number;
  readonly fallThreshold: number;
}

/** One SGD run from a copy of `start`: the first epoch at which σ_mode < fallThreshold, or censored at the budget. */
export function jumpDownRun(start: AnnealedMinimum, settings: JumpSettings, sgdSeed: number): EscapeRun {
  const net: Network = { ...start.net, params: Float64Array.from(start.net.params) };
  const probe = new MetricsProbe(net, start.train.moments, start.testMoments);
  let fell: number | null = null;
  const { lr, batch, beta, budget, sampling } = settings;
  trainSgd(net, start.train, { lr, batch, beta, epochs: budget, batchSampling: sampling, flushBelow: 1e-300 }, createStream(sgdSeed, 'batches'), (epoch) => {
    if ((probe.singularValues()[settings.mode - 1] ?? 0) < settings.fallThreshold) fell = epoch;
    return fell !== null;
  });
  return fell === null ? { time: budget, escaped: false } : { time: fell, escaped: true };
}

export function jumpDownRuns(start: AnnealedMinimum, settings: JumpSettings, sgdSeeds: readonly number[]): EscapeRun[] {
  return sgdSeeds.map((seed) => jumpDownRun(start, settings, seed));
}
