// The random-init reading of "converges rapidly … (τ ≈ 10 epochs)" in the paper's own terms: Appendix A assesses
// convergence by monitoring test MSE, so τ is the first epoch from which test MSE stays within a stated band of its
// final value (REPRODUCE.md, "Random init: convergence time").
import { convergenceEpoch, type RunRecord } from '../../experiments/index.ts';
import {
  calibrateRule,
  decideAgainstClaim,
  medianInterval,
  REPRODUCE_ALPHA,
  type ClaimBand,
  type RuleCalibration,
  type StatisticalDecision,
  type StatisticalVerdict,
} from '../../stats/index.ts';
import { CALIBRATION_REPLICATIONS, ESCAPE_TIME_DISCREPANCY, normalSource } from '../common/calibrations.ts';

/** One seed's convergence epoch; `censored` when the per-epoch window ended before test MSE settled (a lower bound). */
export interface Convergence {
  readonly epoch: number;
  readonly censored: boolean;
}

/** The fewest seeds the median's interval is read from. */
export const CONVERGENCE_MIN_SEEDS = 2;

/**
 * "τ ≈ 10 epochs" read off a curve is a typical run's value: the median convergence epoch over seeds against the
 * printed τ, by its distribution-free order-statistic interval (the epochs have a heavy tail, so a mean misreads
 * them). `deviates` when the 1 − α interval lies outside the printed band; `reproduced` when the 95 % interval
 * (REPRODUCE_ALPHA) lies inside ×2 of the printed τ; else `inconclusive`. A censored seed (not settled within the
 * window) enters at its window end as a lower bound: an interval end that falls on one is unbounded.
 */
export function decideConvergenceTime(values: readonly Convergence[], band: ClaimBand, alpha: number): StatisticalDecision | null {
  if (values.length < CONVERGENCE_MIN_SEEDS) return null;
  const epochs = values.map((v) => v.epoch);
  const censored = values.map((v) => v.censored);
  const strict = medianInterval(epochs, alpha, censored);
  const loose = medianInterval(epochs, REPRODUCE_ALPHA, censored);
  const seedsFor = Number.isFinite(loose.upper - loose.lower)
    ? Math.max(values.length, Math.ceil(values.length * ((loose.upper - loose.lower) / 2 / (band.value / 2)) ** 2))
    : 4 * values.length;
  return decideAgainstClaim(band, strict, {
    discrepancy: ESCAPE_TIME_DISCREPANCY,
    equivalence: { lower: loose.lower, upper: loose.upper, alpha: REPRODUCE_ALPHA },
    wouldDecide: { case: 'median-seeds', seeds: seedsFor, factor: ESCAPE_TIME_DISCREPANCY.size },
  });
}

/** The spread of ln(epoch) (epochs below 1 read as 1), which the calibration draws its synthetic seeds with. */
export function logSpread(values: readonly Convergence[]): number {
  const logs = values.map((v) => Math.log(Math.max(1, v.epoch)));
  const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
  return Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, logs.length - 1));
}

/** The seeds' convergence epochs, each with its seed; records without per-epoch test MSE (or diverged) are left out. */
export function convergenceOf(records: readonly RunRecord[], band: number): (Convergence & { readonly seed: number })[] {
  return records.flatMap((r) => {
    const c = convergenceEpoch(r, band);
    return c === null ? [] : [{ seed: r.seed, ...c }];
  });
}

/**
 * The rule on `count` seeds whose convergence epochs scatter log-normally about the truth with the observed spread of
 * ln(epoch), rounded to whole epochs (the record's resolution), the truth moved by a factor.
 */
export function convergenceCalibration(count: number, logSd: number, band: ClaimBand, alpha: number): RuleCalibration {
  const normal = normalSource(4);
  const trial = (shift: number): StatisticalVerdict => {
    const values = Array.from({ length: count }, () => ({ epoch: Math.max(0, Math.round(band.value * shift * Math.exp(logSd * normal()))), censored: false }));
    return decideConvergenceTime(values, band, alpha)?.verdict ?? 'inconclusive';
  };
  return calibrateRule(
    {
      name: `deviates: the 1 − α order-statistic interval of the median convergence epoch outside the printed band; reproduced: its ${100 * (1 - REPRODUCE_ALPHA)} % interval inside ×${ESCAPE_TIME_DISCREPANCY.size} of the paper's τ`,
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
