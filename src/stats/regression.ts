// Straight-line fits for the Arrhenius plot (Section 3.3, Fig. 2(b); Eq. 5: ln τ = ln τ0 + ΔE_eff/T_eff, so the
// slope of ln τ against B/η_lr is ΔE_eff up to the constant C of Appendix A) and the comparison of that law with a
// rival one on the same ln τ.
import { twoSidedNormalCritical, twoSidedTCritical } from './distributions.ts';
import { assertAlpha } from './runs.ts';

export interface Interval {
  lower: number;
  upper: number;
}

export interface LineFitOptions {
  /** Per-point weights, e.g. 1/var(ln τ̂) = escapes for a censored exponential fit. Default: all 1. */
  weights?: readonly number[];
  /**
   * `estimated` (default): the residual scatter sets the error scale, t with n − 2 dof.
   * `known`: the weights are exact inverse variances, the scale is 1 and intervals use z.
   */
  scale?: 'estimated' | 'known';
}

/** y = intercept + slope·x with standard errors and intervals at 1 − alpha: what every line fit here reports. */
export interface LineEstimate {
  intercept: number;
  slope: number;
  interceptStandardError: number;
  slopeStandardError: number;
  alpha: number;
  interceptInterval: Interval;
  slopeInterval: Interval;
}

/** Intervals estimate ± critical·se for both coefficients. */
export function lineEstimate(
  coefficients: { intercept: number; slope: number; interceptStandardError: number; slopeStandardError: number },
  alpha: number,
  critical: number,
): LineEstimate {
  const around = (centre: number, se: number): Interval => ({ lower: centre - critical * se, upper: centre + critical * se });
  return {
    ...coefficients,
    alpha,
    interceptInterval: around(coefficients.intercept, coefficients.interceptStandardError),
    slopeInterval: around(coefficients.slope, coefficients.slopeStandardError),
  };
}

export interface LineFit extends LineEstimate {
  points: number;
  /** Σ w·(y − a − b·x)². */
  residualSumOfSquares: number;
  /** 1 − RSS / Σ w·(y − ȳ)² (1 when the line is exact or y is constant). */
  rSquared: number;
  weighted: boolean;
  scale: 'estimated' | 'known';
}

/** Least squares y = a + b·x, from centred sums (stable when x sits far from 0, as B/η_lr does). */
export function fitLine(x: readonly number[], y: readonly number[], alpha: number, options: LineFitOptions = {}): LineFit {
  assertAlpha(alpha);
  const n = x.length;
  if (y.length !== n) throw new RangeError(`x has ${n} points, y has ${y.length}`);
  if (n < 3) throw new RangeError(`a line with error estimates needs at least 3 points, got ${n}`);
  const w = options.weights ?? new Array<number>(n).fill(1);
  if (w.length !== n) throw new RangeError(`${w.length} weights for ${n} points`);
  for (const [i, value] of [...x, ...y, ...w].entries()) {
    if (!Number.isFinite(value)) throw new RangeError(`non-finite input at position ${i}`);
  }
  if (w.some((weight) => !(weight > 0))) throw new RangeError('weights must be positive');
  const scale = options.scale ?? 'estimated';

  const weightSum = sum(w);
  const xMean = sum(x.map((xi, i) => w[i]! * xi)) / weightSum;
  const yMean = sum(y.map((yi, i) => w[i]! * yi)) / weightSum;
  const sxx = sum(x.map((xi, i) => w[i]! * (xi - xMean) ** 2));
  if (sxx === 0) throw new RangeError('all x are equal: the slope is not determined');
  const sxy = sum(x.map((xi, i) => w[i]! * (xi - xMean) * (y[i]! - yMean)));
  const syy = sum(y.map((yi, i) => w[i]! * (yi - yMean) ** 2));
  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  const residualSumOfSquares = sum(x.map((xi, i) => w[i]! * (y[i]! - intercept - slope * xi) ** 2));

  const variance = scale === 'known' ? 1 : residualSumOfSquares / (n - 2);
  const critical = scale === 'known' ? twoSidedNormalCritical(alpha) : twoSidedTCritical(alpha, n - 2);
  const slopeStandardError = Math.sqrt(variance / sxx);
  const interceptStandardError = Math.sqrt(variance * (1 / weightSum + (xMean * xMean) / sxx));
  return {
    points: n,
    ...lineEstimate({ intercept, slope, interceptStandardError, slopeStandardError }, alpha, critical),
    residualSumOfSquares,
    rSquared: residualSumOfSquares === 0 || syy === 0 ? 1 : 1 - residualSumOfSquares / syy,
    weighted: options.weights !== undefined,
    scale,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

export interface ModelCandidate {
  label: string;
  /** The regressor of this model for the same y, e.g. B/η_lr (Arrhenius) or ln(B/η_lr) (power law). */
  x: readonly number[];
}

export interface RankedModel<Fit = LineFit> {
  label: string;
  fit: Fit;
  /** Akaike's criterion: −2·ln(max likelihood) + 2·(number of parameters). */
  aic: number;
  /** AIC − best AIC. */
  deltaAic: number;
}

export interface ModelComparison<Fit = LineFit> {
  criterion: 'aic';
  points: number;
  /** Best first. */
  models: RankedModel<Fit>[];
  better: string;
  /** ΔAIC of the runner-up: the evidence ratio is e^{margin/2}. */
  margin: number;
  /** margin > 2, the usual threshold below which both models are taken as supported (Burnham & Anderson). */
  decisive: boolean;
}

/** Orders fitted models by AIC, best first, and states the margin. */
export function rankByAic<Fit>(fitted: readonly { label: string; fit: Fit; aic: number }[], points: number): ModelComparison<Fit> {
  if (fitted.length < 2) throw new RangeError('a comparison needs at least two models');
  const sorted = [...fitted].sort((a, b) => a.aic - b.aic);
  const best = sorted[0]!.aic;
  // Two exact fits (AIC −∞ each) tie: their difference is not a number, and is reported as 0.
  const models = sorted.map((model) => ({ ...model, deltaAic: model.aic === best ? 0 : model.aic - best }));
  const margin = models[1]!.deltaAic;
  return { criterion: 'aic', points, models, better: models[0]!.label, margin, decisive: margin > 2 };
}

/**
 * Ranks straight-line models of the same y by AIC = n·ln(RSS/n) + 2·3 (intercept, slope, error variance). The
 * candidates have equally many parameters and share y, so the ranking is the ranking by R² (and by RSS); AIC states
 * by how much. The small-sample correction (AICc) adds the same amount to each and is left out.
 */
export function compareLineModels(y: readonly number[], candidates: readonly ModelCandidate[], alpha: number, options: LineFitOptions = {}): ModelComparison {
  const n = y.length;
  const fitted = candidates.map(({ label, x }) => {
    const fit = fitLine(x, y, alpha, options);
    return { label, fit, aic: n * Math.log(fit.residualSumOfSquares / n) + 2 * 3 };
  });
  return rankByAic(fitted, n);
}
