import { createStream, fillStandardNormal, makeTaskData, type Dataset, type TeacherSpec } from '../data/index.ts';
import {
  cloneNetwork,
  createNonlinearNetwork,
  createNonlinearWorkspace,
  descendNonlinearFullBatch,
  effectiveRank,
  initialiseGaussian,
  nonlinearMse,
  responseMatrix,
  singularValues,
  trainNonlinearSgd,
  type NonlinearNetwork,
  type NonlinearShape,
} from '../engine/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import type { SweepConvergence } from '../protocols/index.ts';
import { watchedModeRun, type ModeWatch } from './watched-run.ts';

// Section 4.1: “All qualitative results, saddle-node bifurcations, coexisting phases, Arrhenius escape, survive in
// nonlinear networks (Appendix G)”: the quasi-static sweeps of Appendix B on a tanh or sigmoid network, its trapped states
// and SGD from them. The rank of what a nonlinear network has learned is read from its response matrix.

export interface NonlinearSweepSpec {
  readonly teacher: TeacherSpec;
  readonly data: { readonly kind: 'iid'; readonly trainCount: number; readonly testCount: number };
  readonly network: NonlinearShape;
  readonly initStd: number;
  /** The β values in increasing order: up in that order, down in reverse. */
  readonly betas: readonly number[];
  readonly convergence: SweepConvergence;
  readonly rankThreshold: number;
  /** N(0, std²) on every weight before each β of the down sweep (as phase-diagram.ts's down-perturbed), or none. */
  readonly relearnStd: number | null;
}

export interface NonlinearSweepPoint {
  readonly beta: number;
  readonly trainMse: number;
  readonly testMse: number;
  /** Singular values of the response matrix on the training set, descending. */
  readonly response: number[];
  readonly effectiveRank: number;
  readonly steps: number;
  readonly gradientNorm: number;
  readonly converged: boolean;
}

export interface NonlinearSweeps {
  readonly dataSeed: number;
  readonly up: NonlinearSweepPoint[];
  /** In sweep order (decreasing β). */
  readonly down: NonlinearSweepPoint[];
}

export function responseSingularValues(net: NonlinearNetwork, data: Dataset): number[] {
  return Array.from(singularValues(responseMatrix(net, data, createNonlinearWorkspace(net)), data.outputDim, data.inputDim));
}

function sweepPoint(spec: NonlinearSweepSpec, net: NonlinearNetwork, beta: number, train: Dataset, test: Dataset): NonlinearSweepPoint {
  const { lr, gradientTolerance, maxSteps } = spec.convergence;
  const descent = descendNonlinearFullBatch(net, train, { lr, beta, maxSteps, gradientTolerance });
  const response = responseSingularValues(net, train);
  return {
    beta,
    trainMse: nonlinearMse(net, train),
    testMse: nonlinearMse(net, test),
    response,
    effectiveRank: effectiveRank(response, spec.rankThreshold),
    steps: descent.steps,
    gradientNorm: descent.gradientNorm,
    converged: descent.converged,
  };
}

export function freshNonlinearNetwork(spec: NonlinearSweepSpec, dataSeed: number): NonlinearNetwork {
  const net = createNonlinearNetwork(spec.network);
  initialiseGaussian(net, createStream(dataSeed, 'init'), spec.initStd);
  return net;
}

/**
 * Up from fresh weights at betas[0] through every β; down from the up sweep's last state through every β in
 * reverse, each β re-trained by full-batch descent from the previous state (with the relearn kick, when asked, drawn
 * from the seed's 'checkpoint' stream). Without the kick a mode whose weights have decayed to 0 can never come back
 * (0 is a critical point), which is why the linear harness reports both down sweeps.
 */
export function nonlinearSweeps(spec: NonlinearSweepSpec, dataSeed: number): NonlinearSweeps {
  const { train, test } = makeTaskData(spec.teacher, spec.data, dataSeed);
  const net = freshNonlinearNetwork(spec, dataSeed);
  const up = spec.betas.map((beta) => sweepPoint(spec, net, beta, train, test));
  const kicks = createStream(dataSeed, 'checkpoint');
  const kick = new Float64Array(net.params.length);
  const down = [...spec.betas].reverse().map((beta) => {
    if (spec.relearnStd !== null) {
      fillStandardNormal(kicks, kick);
      for (let k = 0; k < kick.length; k++) net.params[k]! += spec.relearnStd * kick[k]!;
    }
    return sweepPoint(spec, net, beta, train, test);
  });
  return { dataSeed, up, down };
}

/**
 * A trapped state the way Appendix A makes one: converged at β = 0, annealed through `annealing` (each β by
 * full-batch descent from the last), then relaxed at `beta` by plain descent (no kick, so it stays on its branch).
 */
export function nonlinearTrap(spec: NonlinearSweepSpec, dataSeed: number, annealing: readonly number[], beta: number): NonlinearNetwork {
  const { train } = makeTaskData(spec.teacher, spec.data, dataSeed);
  const net = freshNonlinearNetwork(spec, dataSeed);
  const { lr, gradientTolerance, maxSteps } = spec.convergence;
  for (const b of [...annealing, beta]) descendNonlinearFullBatch(net, train, { lr, beta: b, maxSteps, gradientTolerance });
  return net;
}

/**
 * SGD from a copy of `trap`: the first checked epoch at which the response's σ_mode rises above the threshold (the
 * mode learned), or censored at the budget.
 */
export function nonlinearEscapeRun(spec: NonlinearSweepSpec, dataSeed: number, trap: NonlinearNetwork, settings: ModeWatch, sgdSeed: number): EscapeRun {
  const { train } = makeTaskData(spec.teacher, spec.data, dataSeed);
  const net = cloneNetwork(trap) as NonlinearNetwork;
  const { lr, batch, beta, budget, sampling } = settings;
  return watchedModeRun(
    settings,
    (afterEpoch) => trainNonlinearSgd(net, train, { lr, batch, beta, epochs: budget, batchSampling: sampling }, createStream(sgdSeed, 'batches'), afterEpoch),
    () => responseSingularValues(net, train),
  );
}

/** Where a sweep (points in sweep order) crosses the rank threshold for mode k: the two grid points either side. */
export interface ModeCrossing {
  /** The β of the last point on the old side and of the first point on the new side. */
  readonly from: number;
  readonly to: number;
  /** σ_k at those two points. */
  readonly before: number;
  readonly after: number;
  /** Whether the descent of the point on the new side converged (the state counted as lost or regained). */
  readonly converged: boolean;
}

/**
 * The first point of a sweep at which σ_mode is on the other side of `threshold` than at the sweep's start (lost on an
 * up sweep that starts with the mode, regained on a down sweep that starts without it), or null if it never crosses.
 */
export function modeCrossing(points: readonly NonlinearSweepPoint[], mode: number, threshold: number): ModeCrossing | null {
  const sigma = (p: NonlinearSweepPoint) => p.response[mode - 1] ?? 0;
  const startAbove = sigma(points[0]!) > threshold;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    if (sigma(b) > threshold !== startAbove) return { from: a.beta, to: b.beta, before: sigma(a), after: sigma(b), converged: b.converged };
  }
  return null;
}
