import { criticalBeta, float64 } from '../analytic/index.ts';
import { createStream, fillStandardNormal, makeTaskData } from '../data/index.ts';
import {
  MetricsProbe,
  cloneNetwork,
  createNetwork,
  datasetMoments,
  depth,
  descendFullBatch,
  effectiveRank,
  initialiseGaussian,
  type Moments,
  type Network,
} from '../engine/index.ts';
import { gridBetas, type PhaseDiagramProtocol } from '../protocols/index.ts';
import { sampleSpectrum, type SampleSpectrum } from '../engine/index.ts';

// Fig. 3 (Appendix B) as an experiment: quasi-static β sweeps of one data set, up from β = 0 (Appendix A:
// "β is increased quasi-statically") and down from above every βc (Appendix B: "quasi-statically decreasing β
// in steps of 0.01"), re-training to convergence at each β from the previous β's weights.

export type SweepDirection = 'up' | 'down' | 'down-perturbed';
export const SWEEP_DIRECTIONS: readonly SweepDirection[] = ['up', 'down', 'down-perturbed'];

/** The converged state at one β of a sweep. */
export interface PhaseSweepPoint {
  readonly beta: number;
  readonly testMse: number;
  readonly trainMse: number;
  /** Singular values of the end-to-end map, descending. */
  readonly singularValues: number[];
  readonly effectiveRank: number;
  /** The step size used: the protocol's, or a halving of it where descent diverged (see MAX_STEP_HALVINGS). */
  readonly lr: number;
  /** Full-batch descent steps at this β, the final gradient norm, and whether it fell below the tolerance. */
  readonly steps: number;
  readonly gradientNorm: number;
  readonly converged: boolean;
}

/**
 * Where the effective rank first crosses `level` along a sweep: below it going up (mode `level` is lost),
 * up to it going down (mode `level` is learned). The crossing lies in [lower, upper]; `beta` is the middle.
 */
export interface Transition {
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
  readonly beta: number;
  /** Bisections done inside the grid cell (0: the grid's resolution). */
  readonly bisections: number;
}

export interface Sweep {
  readonly direction: SweepDirection;
  /** In sweep order (decreasing β for the down sweeps). */
  readonly points: PhaseSweepPoint[];
  /** One per level 1..d that the sweep crosses, by level. */
  readonly transitions: Transition[];
}

/** Eq. 3 (eq2 reading) at L = depth of the network, per mode (descending η), on three sets of singular values. */
export interface CriticalBetas {
  readonly population: number[];
  readonly raw: number[];
  readonly whitened: number[];
}

export interface PhaseDiagramRecord {
  readonly dataSeed: number;
  readonly spectrum: SampleSpectrum;
  readonly criticalBeta: CriticalBetas;
  /** In the order asked for (up, down, down-perturbed by default). */
  readonly sweeps: Sweep[];
}

/** Eq. 3 under the eq2 reading (weight decay β on every layer) for each η. */
export function eq3CriticalBetas(etas: readonly number[], networkDepth: number): number[] {
  return etas.map((eta) => criticalBeta(float64, { eta, depth: networkDepth, convention: 'eq2' }));
}

/** A re-training at one β: the state it starts from is left untouched; the converged copy is returned. */
interface Trainer {
  retrain(from: Network, beta: number): { net: Network; point: PhaseSweepPoint };
}

/** Halvings of the step size allowed when descent from a (perturbed) state diverges. */
export const MAX_STEP_HALVINGS = 6;

/**
 * Full-batch descent at the protocol's lr; where it diverges (a non-finite gradient, as a large relearnable
 * kick can cause), the same start is descended again at half the step size, up to MAX_STEP_HALVINGS times.
 */
function trainerFor(protocol: PhaseDiagramProtocol, train: Moments, test: Moments): Trainer {
  const { gradientTolerance, maxSteps } = protocol.convergence;
  return {
    retrain(from, beta) {
      for (let halvings = 0; halvings <= MAX_STEP_HALVINGS; halvings++) {
        const lr = protocol.convergence.lr / 2 ** halvings;
        const net = cloneNetwork(from);
        const descent = descendFullBatch(net, train, { lr, beta, maxSteps, gradientTolerance });
        if (!Number.isFinite(descent.gradientNorm)) continue;
        const m = new MetricsProbe(net, train, test).measure(beta);
        const point: PhaseSweepPoint = {
          beta,
          testMse: m.testMse,
          trainMse: m.trainMse,
          singularValues: m.singularValues,
          effectiveRank: effectiveRank(m.singularValues, protocol.rankThreshold),
          lr,
          steps: descent.steps,
          gradientNorm: descent.gradientNorm,
          converged: descent.converged,
        };
        return { net, point };
      }
      throw new Error(`full-batch descent diverges at β = ${beta} even at lr ${protocol.convergence.lr / 2 ** MAX_STEP_HALVINGS}`);
    },
  };
}

/** True while the sweep has not yet crossed `level`. */
function beforeCrossing(direction: SweepDirection, level: number, rank: number): boolean {
  return direction === 'up' ? rank >= level : rank < level;
}

/**
 * Runs a sweep over `betas` (in sweep order) from `start`; `perturb(index, net)` may change the weights
 * before each β is re-trained. Returns the points and every grid state (for refinement).
 */
function runSweep(
  trainer: Trainer,
  start: Network,
  betas: readonly number[],
  perturb?: (index: number, net: Network) => void,
): { points: PhaseSweepPoint[]; states: Network[] } {
  const points: PhaseSweepPoint[] = [];
  const states: Network[] = [];
  let net = start;
  betas.forEach((beta, index) => {
    let from = net;
    if (perturb) {
      from = cloneNetwork(net);
      perturb(index, from);
    }
    const result = trainer.retrain(from, beta);
    net = result.net;
    points.push(result.point);
    states.push(net);
  });
  return { points, states };
}

/**
 * The first crossing of each level 1..d along the sweep, refined by `bisections` halvings of its grid cell:
 * each midpoint is re-trained from the last state known to lie before the crossing, and becomes that state
 * when it still does (quasi-static within the cell, as on the grid).
 */
function locateTransitions(
  trainer: Trainer,
  direction: SweepDirection,
  points: readonly PhaseSweepPoint[],
  states: readonly Network[],
  levels: number,
  bisections: number,
): Transition[] {
  const transitions: Transition[] = [];
  for (let level = 1; level <= levels; level++) {
    const k = points.findIndex((p) => !beforeCrossing(direction, level, p.effectiveRank));
    if (k <= 0) continue;
    let before = points[k - 1]!.beta;
    let after = points[k]!.beta;
    let state = states[k - 1]!;
    for (let i = 0; i < bisections; i++) {
      const mid = (before + after) / 2;
      const { net, point } = trainer.retrain(state, mid);
      if (beforeCrossing(direction, level, point.effectiveRank)) {
        before = mid;
        state = net;
      } else {
        after = mid;
      }
    }
    const lower = Math.min(before, after);
    const upper = Math.max(before, after);
    transitions.push({ level, lower, upper, beta: (lower + upper) / 2, bisections });
  }
  return transitions;
}

/**
 * The relearnable perturbation of the 'down-perturbed' sweep at grid index i: N(0, std²) on every weight,
 * drawn from the data seed's 'init' stream after i + 1 jumps (the unjumped stream drew the initial weights).
 */
function relearnPerturbation(dataSeed: number, std: number): (index: number, net: Network) => void {
  return (index, net) => {
    const rng = createStream(dataSeed, 'init');
    for (let jump = 0; jump <= index; jump++) rng.jump();
    const kick = new Float64Array(net.params.length);
    fillStandardNormal(rng, kick);
    for (let k = 0; k < kick.length; k++) net.params[k]! += std * kick[k]!;
  };
}

/**
 * The sweeps of one data set (all three unless `directions` says which). Up: fresh weights N(0, initStd²) from the seed's 'init' stream, trained to
 * convergence at β = grid.from ("first trained to convergence at β = 0", Appendix A), then each next β.
 * Down: from the up sweep's last state, each β in reverse. Down-perturbed: the same, with the relearnable
 * perturbation before each β. Transitions of the unperturbed sweeps are refined by bisection.
 */
export function sweepDataSeed(
  protocol: PhaseDiagramProtocol,
  dataSeed: number,
  directions: readonly SweepDirection[] = SWEEP_DIRECTIONS,
): PhaseDiagramRecord {
  const data = makeTaskData(protocol.teacher, protocol.data, dataSeed);
  const train = datasetMoments(data.train, protocol.network.biases);
  const test = datasetMoments(data.test, protocol.network.biases);
  const trainer = trainerFor(protocol, train, test);
  const levels = protocol.teacher.singularValues.length;
  const L = depth(protocol.network);
  const spectrum = sampleSpectrum(train);
  const up = gridBetas(protocol.grid);
  const down = [...up].reverse();
  const { bisections } = protocol.refinement;

  const fresh = createNetwork(protocol.network);
  initialiseGaussian(fresh, createStream(dataSeed, 'init'), protocol.initStd);
  const upRun = runSweep(trainer, fresh, up);
  const top = upRun.states[upRun.states.length - 1]!;
  const sweeps = directions.map((direction): Sweep => {
    const run =
      direction === 'up'
        ? upRun
        : runSweep(trainer, top, down, direction === 'down-perturbed' ? relearnPerturbation(dataSeed, protocol.relearnPerturbation.std) : undefined);
    const refine = direction === 'down-perturbed' ? 0 : bisections;
    return { direction, points: run.points, transitions: locateTransitions(trainer, direction, run.points, run.states, levels, refine) };
  });
  return {
    dataSeed,
    spectrum,
    criticalBeta: {
      population: eq3CriticalBetas(protocol.teacher.singularValues, L),
      raw: eq3CriticalBetas(spectrum.raw.slice(0, levels), L),
      whitened: eq3CriticalBetas(spectrum.whitened.slice(0, levels), L),
    },
    sweeps,
  };
}
