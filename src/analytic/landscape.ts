import { modeBarriers } from './barrier.ts';
import { criticalBeta, criticalLambda, equalLossBeta } from './criticality.ts';
import { modeLossAboveZero } from './loss.ts';
import { assertModeDomain, type ModeAt } from './mode.ts';
import type { Scalar } from './scalar.ts';
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

export function describeLandscape<T>(S: Scalar<T>, mode: ModeAt<T>): LandscapeSummary<T> {
  assertModeDomain(S, mode);
  const points = stationaryPoints(S, mode);
  const barriers = modeBarriers(S, mode);
  return {
    betaC: criticalBeta(S, mode),
    lambdaC: criticalLambda(S, mode),
    betaStar: equalLossBeta(S, mode),
    lambdaSaddle: points.saddle,
    lambdaMin: points.minimum,
    barrier: barriers?.fromZero ?? null,
    barrierFromMin: barriers?.fromMinimum ?? null,
    globalPhase: globalPhase(S, mode, points.minimum),
  };
}
