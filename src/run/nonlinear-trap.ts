import { makeTaskData } from '../data/index.ts';
import { createNonlinearNetwork, lowRankNoise, nonlinearGradientNorm, type LowRankNoise, type NonlinearNetwork } from '../engine/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import type { TrapReading } from '../protocols/index.ts';
import {
  modeCrossing,
  nonlinearEscapeRun,
  nonlinearTrap,
  responseSingularValues,
  type ModeCrossing,
  type NonlinearSweepPoint,
  type NonlinearSweepSpec,
} from './nonlinear-sweep.ts';
import type { ModeWatch } from './watched-run.ts';

// the trap of a nonlinear network at "the analogue of β = 0.32" (Section 3.1), its gradient noise
// across the rank-1 set, and SGD from it. Everything is derived from the activation's own up sweep.

export interface TrapRule {
  readonly reading: TrapReading;
  /** Section 3.1's trap β and the printed transitions it sits below (weak mode, strong mode). */
  readonly paperBeta: number;
  readonly paperWeakLoss: number;
  readonly paperStrongLoss: number;
}

export interface NonlinearTrapPlan {
  /** Where the up sweep loses the weak mode (2) and the strong one (1); their midpoints are the transitions. */
  readonly weakLoss: ModeCrossing;
  readonly strongLoss: ModeCrossing | null;
  /** β_trap under each reading (null where the reading needs a transition the sweep lacks), and the one used. */
  readonly readings: Readonly<Record<TrapReading, number | null>>;
  readonly beta: number;
  /** β = 0, then the grid β just past the weak mode's loss (the up sweep's rank-1 branch), then β_trap. */
  readonly annealing: readonly number[];
  /** σ2 of the up sweep's rank-2 state at the largest grid β ≤ β_trap, and the rise threshold riseFraction × that. */
  readonly rankTwoSigma: number;
  readonly riseThreshold: number;
}

const mid = (c: ModeCrossing) => (c.from + c.to) / 2;

/** The trap β and how to get there from the up sweep, or null when the up sweep never loses the weak mode. */
export function nonlinearTrapPlan(up: readonly NonlinearSweepPoint[], rule: TrapRule, rankThreshold: number, riseFraction: number): NonlinearTrapPlan | null {
  const weakLoss = modeCrossing(up, 2, rankThreshold);
  if (weakLoss === null) return null;
  const strongLoss = modeCrossing(up, 1, rankThreshold);
  const weak = mid(weakLoss);
  const readings: Record<TrapReading, number | null> = {
    'ratio-to-weak-loss': (rule.paperBeta / rule.paperWeakLoss) * weak,
    'fraction-between-transitions':
      strongLoss === null ? null : weak + ((rule.paperBeta - rule.paperWeakLoss) / (rule.paperStrongLoss - rule.paperWeakLoss)) * (mid(strongLoss) - weak),
  };
  const beta = readings[rule.reading];
  if (beta === null || !(beta > 0)) return null;
  const below = up.filter((p) => p.beta <= beta);
  const rankTwoSigma = below.at(-1)?.response[1] ?? 0;
  return { weakLoss, strongLoss, readings, beta, annealing: [0, weakLoss.to], rankTwoSigma, riseThreshold: riseFraction * rankTwoSigma };
}

/** The trap as data: its weights, the response it computes, how converged it is, and its gradient noise. */
export interface NonlinearTrapState {
  readonly beta: number;
  readonly params: number[];
  /** Response singular values at the trap, descending. */
  readonly response: number[];
  readonly gradientNorm: number;
  readonly noise: LowRankNoise;
}

export function nonlinearTrapState(spec: NonlinearSweepSpec, dataSeed: number, annealing: readonly number[], beta: number, noiseRank: number): NonlinearTrapState {
  const { train } = makeTaskData(spec.teacher, spec.data, dataSeed);
  const net = nonlinearTrap(spec, dataSeed, annealing, beta);
  return {
    beta,
    params: Array.from(net.params),
    response: responseSingularValues(net, train),
    gradientNorm: nonlinearGradientNorm(net, train, beta),
    noise: lowRankNoise(net, train, noiseRank),
  };
}

/** One SGD seed from the trap's weights (plain data: a pool worker's task). */
export interface NonlinearEscapeTask {
  readonly spec: NonlinearSweepSpec;
  readonly dataSeed: number;
  readonly trapParams: readonly number[];
  readonly settings: ModeWatch;
  readonly sgdSeed: number;
}

export function nonlinearEscapeTask(task: NonlinearEscapeTask): EscapeRun {
  const trap: NonlinearNetwork = createNonlinearNetwork(task.spec.network);
  trap.params.set(task.trapParams);
  return nonlinearEscapeRun(task.spec, task.dataSeed, trap, task.settings, task.sgdSeed);
}

/** What the escape job yields: the plan read off the up sweep, the trap it made, and every seed's run. */
export interface NonlinearEscapesRecord {
  /** null when the up sweep never loses the weak mode (no trap β can be read). */
  readonly plan: NonlinearTrapPlan | null;
  readonly trap: NonlinearTrapState | null;
  /** In seed order; empty when there is no trap, or it is not rank 1 (nothing to escape from). */
  readonly runs: EscapeRun[];
}
