// The random-init reading of "converges rapidly … (τ ≈ 10 epochs)" in the paper's own terms: Appendix A assesses
// convergence by monitoring test MSE, so τ is the first epoch from which test MSE stays within a stated band of its
// final value (REPRODUCE.md, "Random init: convergence time").
import { convergenceEpoch, type RunRecord } from '../../run/index.ts';
import {
  calibrateRule,
  decideAgainstClaim,
  REPRODUCE_ALPHA,
  tIntervalOfMean,
  type ClaimBand,
  type RuleCalibration,
  type StatisticalDecision,
  type StatisticalVerdict,
} from '../../stats/index.ts';
import { CALIBRATION_REPLICATIONS, ESCAPE_TIME_DISCREPANCY, normalSource } from './calibrations.ts';
import { num } from './escape-statistics.ts';

/** One seed's convergence epoch; `censored` when the per-epoch window ended before test MSE settled (a lower bound). */
export interface Convergence {
  readonly epoch: number;
  readonly censored: boolean;
}

/**
 * The mean convergence epoch over seeds against the printed τ, with the escape-time rule's two sides: `deviates`
 * when the 1 − α Student-t interval of the mean lies outside the printed band; `reproduced` when the 95 % interval
 * (REPRODUCE_ALPHA) lies inside ×2 of the printed τ; else `inconclusive`. Censored seeds enter at their window end,
 * so the mean is then a lower bound: it can only show a deviation upwards.
 */
export function decideConvergenceTime(values: readonly Convergence[], band: ClaimBand, alpha: number): StatisticalDecision | null {
  if (values.length < 2) return null;
  const epochs = values.map((v) => v.epoch);
  const censored = values.filter((v) => v.censored).length;
  const strict = tIntervalOfMean(epochs, alpha);
  if (censored > 0) {
    const lowerOnly = { ...strict, upper: Infinity };
    const decided = decideAgainstClaim(band, lowerOnly, { wouldDecide: 'a longer per-epoch test-MSE window' });
    return decided.verdict === 'deviates' ? decided : { ...decided, verdict: 'inconclusive', reason: `${censored} of ${values.length} seeds had not settled within the window: the mean ${num(strict.estimate)} is a lower bound` };
  }
  const loose = tIntervalOfMean(epochs, REPRODUCE_ALPHA);
  const seedsFor = Math.max(values.length, Math.ceil(values.length * ((loose.upper - loose.lower) / 2 / (band.value / 2)) ** 2));
  return decideAgainstClaim(band, strict, {
    discrepancy: ESCAPE_TIME_DISCREPANCY,
    equivalence: { lower: loose.lower, upper: loose.upper, alpha: REPRODUCE_ALPHA },
    wouldDecide: `about ${seedsFor} seeds for a 95 % interval of the mean convergence epoch within ×${ESCAPE_TIME_DISCREPANCY.size}`,
  });
}

/** The seeds' convergence epochs; records without per-epoch test MSE (or diverged) are left out. */
export function convergenceOf(records: readonly RunRecord[], band: number): Convergence[] {
  return records.flatMap((r) => {
    const c = convergenceEpoch(r, band);
    return c === null ? [] : [c];
  });
}

/**
 * The rule on `count` seeds whose convergence epochs scatter normally with the observed spread `sd`, rounded to
 * whole epochs (the record's resolution), the truth moved by a factor.
 */
export function convergenceCalibration(count: number, sd: number, band: ClaimBand, alpha: number): RuleCalibration {
  const normal = normalSource(4);
  const trial = (shift: number): StatisticalVerdict => {
    const values = Array.from({ length: count }, () => ({ epoch: Math.max(0, Math.round(band.value * shift + sd * normal())), censored: false }));
    return decideConvergenceTime(values, band, alpha)?.verdict ?? 'inconclusive';
  };
  return calibrateRule(
    {
      name: `deviates: the 1 − α t interval of the mean convergence epoch outside the printed band; reproduced: its ${100 * (1 - REPRODUCE_ALPHA)} % interval inside ×${ESCAPE_TIME_DISCREPANCY.size} of the paper's τ`,
      alpha,
      reproduceAlpha: REPRODUCE_ALPHA,
      seeds: count,
      replications: CALIBRATION_REPLICATIONS,
      discrepancy: ESCAPE_TIME_DISCREPANCY,
      grid: [1.25, 1.5, 2, 3, 4, 6, 10],
    },
    trial,
  );
}
