// Kaplan–Meier estimate of the probability that a run is still trapped after t epochs, for right-censored escape
// times (Appendix A: 50 seeds, 2×10⁴ epochs). A run that never escapes stays in every risk set up to its
// censoring time and then leaves without an escape: S(t) stays at its last value past the budget, it does not
// drop to 0 (as it would if censored runs were counted as escapes at the budget).
import { twoSidedNormalCritical } from './distributions.ts';
import { assertAlpha, assertRuns, countEscapes, type EscapeRun } from './runs.ts';

/** The estimate just after one distinct escape time. */
export interface SurvivalStep {
  time: number;
  /** Runs still trapped just before `time`. */
  atRisk: number;
  escapes: number;
  /** Runs censored at exactly `time` (they count as at risk at `time`: censoring is taken to follow escape). */
  censored: number;
  survival: number;
  /** Greenwood: S·√Σ d/(n(n − d)) (0 once S = 0). */
  standardError: number;
  /** Pointwise 1 − alpha band on the log(−log) scale, which stays within [0, 1]. */
  lower: number;
  upper: number;
}

export interface MedianEscape {
  /** The first time with S ≤ 1/2; null when more than half of the runs were still trapped at the end. */
  estimate: number | null;
  /** Brookmeyer–Crowley, on the log(−log) band: the times whose band contains 1/2; `upper` null when that set reaches past the follow-up. */
  lower: number | null;
  upper: number | null;
}

export interface KaplanMeier {
  runs: number;
  escapes: number;
  alpha: number;
  /** The longest follow-up: the estimate is defined up to here. */
  followUp: number;
  steps: SurvivalStep[];
  median: MedianEscape;
}

export function kaplanMeier(runs: readonly EscapeRun[], alpha: number): KaplanMeier {
  assertRuns(runs);
  assertAlpha(alpha);
  const z = twoSidedNormalCritical(alpha);
  const sorted = [...runs].sort((a, b) => a.time - b.time);
  const steps: SurvivalStep[] = [];
  let atRisk = sorted.length;
  let survival = 1;
  let greenwood = 0;
  for (let i = 0; i < sorted.length; ) {
    const time = sorted[i]!.time;
    let escapes = 0;
    let censored = 0;
    for (; i < sorted.length && sorted[i]!.time === time; i++) {
      if (sorted[i]!.escaped) escapes++;
      else censored++;
    }
    if (escapes > 0) {
      survival *= 1 - escapes / atRisk;
      greenwood += escapes / (atRisk * (atRisk - escapes));
      // Once every run at risk has escaped, S = 0 is known exactly: its Greenwood term is 0·∞, taken as 0.
      const standardError = survival === 0 ? 0 : survival * Math.sqrt(greenwood);
      steps.push({ time, atRisk, escapes, censored, survival, standardError, ...logLogBand(survival, greenwood, z) });
    }
    atRisk -= escapes + censored;
  }
  return {
    runs: runs.length,
    escapes: countEscapes(runs),
    alpha,
    followUp: sorted[sorted.length - 1]!.time,
    steps,
    median: medianFromSteps(steps),
  };
}

/** S^{exp(±z·se)} with se = √greenwood / |ln S|: the Kalbfleisch–Prentice band. At S = 0 the band is the point 0. */
function logLogBand(survival: number, greenwood: number, z: number): { lower: number; upper: number } {
  if (survival === 0) return { lower: 0, upper: 0 };
  const spread = Math.exp((z * Math.sqrt(greenwood)) / Math.abs(Math.log(survival)));
  return { lower: survival ** spread, upper: survival ** (1 / spread) };
}

function medianFromSteps(steps: readonly SurvivalStep[]): MedianEscape {
  const firstAtOrBelowHalf = (value: (step: SurvivalStep) => number): number | null => steps.find((step) => value(step) <= 0.5)?.time ?? null;
  return {
    estimate: firstAtOrBelowHalf((step) => step.survival),
    // The lower band crosses 1/2 first: the earliest time the median could be; the upper band crosses last.
    lower: firstAtOrBelowHalf((step) => step.lower),
    upper: firstAtOrBelowHalf((step) => step.upper),
  };
}

/** S(t): 1 before the first escape, constant between escapes and after the last one up to the follow-up. */
export function survivalAt(km: KaplanMeier, t: number): number {
  if (t > km.followUp) throw new RangeError(`S(${t}) is not estimated beyond the follow-up ${km.followUp}`);
  let survival = 1;
  for (const step of km.steps) {
    if (step.time > t) break;
    survival = step.survival;
  }
  return survival;
}

export interface RestrictedMean {
  /** The horizon h: the estimate is the mean of min(escape time, h). */
  horizon: number;
  estimate: number;
  standardError: number;
  alpha: number;
  lower: number;
  upper: number;
}

/**
 * ∫₀^h S(t) dt, the mean time trapped within the first h epochs; it exists even when many runs are censored, where the
 * plain mean escape time does not. Variance Σ A_j² d_j/(n_j(n_j − d_j)), A_j = ∫_{t_j}^h S (Klein & Moeschberger 4.5).
 */
export function restrictedMean(km: KaplanMeier, horizon: number): RestrictedMean {
  if (!(horizon > 0) || horizon > km.followUp) throw new RangeError(`horizon must lie in (0, ${km.followUp}], got ${horizon}`);
  const within = km.steps.filter((step) => step.time <= horizon);
  // Areas under S from each step to the horizon, accumulated backwards.
  const areaAfter: number[] = new Array<number>(within.length);
  let tail = 0;
  for (let j = within.length - 1; j >= 0; j--) {
    const step = within[j]!;
    const next = within[j + 1]?.time ?? horizon;
    tail += step.survival * (next - step.time);
    areaAfter[j] = tail;
  }
  const firstEscape = within[0]?.time ?? horizon;
  const estimate = firstEscape + tail;
  let variance = 0;
  for (const [j, step] of within.entries()) {
    const area = areaAfter[j]!;
    // Where every run at risk escapes (n = d), S drops to 0 and the area after it is 0: the term is 0, not 0·∞.
    if (area > 0) variance += (area * area * step.escapes) / (step.atRisk * (step.atRisk - step.escapes));
  }
  const standardError = Math.sqrt(variance);
  const z = twoSidedNormalCritical(km.alpha);
  return { horizon, estimate, standardError, alpha: km.alpha, lower: Math.max(0, estimate - z * standardError), upper: Math.min(horizon, estimate + z * standardError) };
}

