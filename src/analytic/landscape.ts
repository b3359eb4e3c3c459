import { modeBarriers } from './barrier.ts';
import { criticalBeta, criticalLambda, equalLossBeta } from './criticality.ts';
import { modeLossAboveZero } from './loss.ts';
import { assertModeDomain, type ModeAt } from './mode.ts';
import { representableOrThrow, type Scalar } from './scalar.ts';
import { stationaryPoints } from './stationary.ts';

export type Phase = 'zero' | 'nonzero';

/** Everything the per-mode analysis says about one (η, β, L): the fields of `metastable landscape --json`. */
export interface LandscapeSummary<T> {
  readonly betaC: T;
  readonly lambdaC: T;
  readonly betaStar: T;
  readonly lambdaSaddle: T | null;
  readonly lambdaMin: T | null;
  readonly barrier: T | null;
  readonly barrierFromMin: T | null;
  readonly globalPhase: Phase;
}

/**
 * Which minimum has the lower loss: the non-zero one exactly when it exists and lies below Loss(0),
 * i.e. for β < β* (ties at β* count as zero).
 */
export function globalPhase<T>(S: Scalar<T>, mode: ModeAt<T>, minimum: T | null): Phase {
  if (minimum === null) return 'zero';
  return S.sign(modeLossAboveZero(S, minimum, mode)) < 0 ? 'nonzero' : 'zero';
}

/**
 * Every field, or an OutOfRangeError naming the first that the backend cannot hold: float64 never prints an
 * Infinity, a NaN, or a positive quantity rounded to 0 or to a subnormal.
 */
export function describeLandscape<T>(S: Scalar<T>, mode: ModeAt<T>): LandscapeSummary<T> {
  assertModeDomain(S, mode);
  const betaC = representableOrThrow(S, criticalBeta(S, mode), 'βc', true);
  const lambdaC = representableOrThrow(S, criticalLambda(S, mode), 'λc', mode.depth > 2);
  const betaStar = representableOrThrow(S, equalLossBeta(S, mode), 'β*', true);
  // Barriers and the global phase are differences of losses of order η²: they need η² itself in range.
  representableOrThrow(S, S.mul(mode.eta, mode.eta), 'the loss scale η²', true);
  const points = stationaryPoints(S, mode);
  const barriers = modeBarriers(S, mode);
  // Both barriers are > 0 (λ = 0 and λ** are minima, λsad a maximum between them) unless the saddle is at 0 (β = 0) or
  // merges with the minimum.
  const apart = points.saddle !== null && points.minimum !== null && S.sign(points.saddle) > 0 && S.lt(points.saddle, points.minimum);
  const barrier = (value: T | undefined, what: string): T | null =>
    value === undefined ? null : representableOrThrow(S, value, what, apart);
  return {
    betaC,
    lambdaC,
    betaStar,
    lambdaSaddle: points.saddle,
    lambdaMin: points.minimum,
    barrier: barrier(barriers?.fromZero, 'the barrier ΔE'),
    barrierFromMin: barrier(barriers?.fromMinimum, 'the barrier ΔE**'),
    globalPhase: globalPhase(S, mode, points.minimum),
  };
}
