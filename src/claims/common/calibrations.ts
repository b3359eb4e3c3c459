// The calibration of each statistical decision rule of the ledger (REPRODUCE.md, "Calibrated rules"): seeded synthetic
// data with the verdict's own seed count, censoring and budget, decided by the same rule. Cheap draws only, no SGD.
import { createStream, uniformUnit } from '../../data/index.ts';
import {
  calibrateRule,
  decideAgainstClaim,
  decideMeanTime,
  REPRODUCE_ALPHA,
  tIntervalOfMean,
  type ClaimBand,
  type Discrepancy,
  type EscapeRun,
  type RuleCalibration,
  type StatisticalVerdict,
} from '../../stats/index.ts';

/** The seed of every calibration stream: fixed, so a claim's stated power is the same on every machine. */
const CALIBRATION_SEED = 20_260_617;
/** Replications per truth: enough to state a rate to about ± 0.03 (binomial, at 0.9). */
export const CALIBRATION_REPLICATIONS = 300;

/** The stated discrepancies: escape times a factor 2, phase transitions 0.02 in β. */
export const ESCAPE_TIME_DISCREPANCY: Discrepancy = { scale: 'factor', size: 2 };
export const TRANSITION_DISCREPANCY: Discrepancy = { scale: 'difference', size: 0.02 };

const FACTOR_GRID = [1.25, 1.5, 2, 3, 4, 6, 10, 30, 100];

export function uniformSource(purpose: number): () => number {
  const stream = createStream(CALIBRATION_SEED + purpose, 'bootstrap');
  return () => uniformUnit(stream);
}

/** Standard normal draws (Box–Muller) from the calibration stream of `purpose`. */
export function normalSource(purpose: number): () => number {
  const uniform = uniformSource(purpose);
  return () => Math.sqrt(-2 * Math.log1p(-uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** n exponential escape times of mean τ, censored at the budget. */
export function censoredExponential(uniform: () => number, n: number, mean: number, budget: number): EscapeRun[] {
  return Array.from({ length: n }, () => {
    const time = -mean * Math.log1p(-uniform());
    return time <= budget ? { time, escaped: true } : { time: budget, escaped: false };
  });
}

/** The mean-escape-time rule (decideMeanTime at ×2) on n trapped runs censored at the budget. */
export function meanTimeCalibration(runs: number, budget: number, band: ClaimBand, alpha: number): RuleCalibration {
  const uniform = uniformSource(1);
  const trial = (shift: number): StatisticalVerdict =>
    decideMeanTime(censoredExponential(uniform, runs, band.value * shift, budget), budget, band, alpha, ESCAPE_TIME_DISCREPANCY).decision.verdict;
  return calibrateRule(
    {
      name: `deviates: the 1 − α censored-LR interval of τ outside the printed band; reproduced: its ${100 * (1 - REPRODUCE_ALPHA)} % interval inside ×${ESCAPE_TIME_DISCREPANCY.size} of the paper's τ`,
      alpha,
      reproduceAlpha: REPRODUCE_ALPHA,
      seeds: runs,
      replications: CALIBRATION_REPLICATIONS,
      discrepancy: ESCAPE_TIME_DISCREPANCY,
      grid: FACTOR_GRID,
    },
    trial,
  );
}

/** A rule that decides a sample of censored escape runs. */
export type EscapeRule = (sample: EscapeRun[]) => StatisticalVerdict;

/**
 * "τ > bound": the boundary τ = bound is where the size is measured, the claim holding by the stated factor (τ = 2 ×
 * bound) is where `reproduced` should come, and τ = bound/2 is the alternative the power is stated for.
 */
export function lowerBoundCalibration(name: string, runs: number, budget: number, bound: number, alpha: number, decide: EscapeRule): RuleCalibration {
  const uniform = uniformSource(2);
  return calibrateRule(
    { name, alpha, seeds: runs, replications: CALIBRATION_REPLICATIONS, discrepancy: ESCAPE_TIME_DISCREPANCY, grid: FACTOR_GRID, oneSided: 'below', holdsAt: ESCAPE_TIME_DISCREPANCY.size },
    (shift) => decide(censoredExponential(uniform, runs, bound * shift, budget)),
  );
}

/**
 * "Escapes within the budget" against a reference τ at which the claim holds: size and P(reproduced) at τ = reference,
 * power where τ is longer by the stated factor (only a slower escape falsifies it).
 */
export function withinBudgetCalibration(name: string, runs: number, budget: number, reference: number, alpha: number, decide: EscapeRule): RuleCalibration {
  const uniform = uniformSource(41);
  return calibrateRule(
    { name, alpha, seeds: runs, replications: CALIBRATION_REPLICATIONS, discrepancy: ESCAPE_TIME_DISCREPANCY, grid: FACTOR_GRID, oneSided: 'above' },
    (shift) => decide(censoredExponential(uniform, runs, reference * shift, budget)),
  );
}

/**
 * A mean over independent values (e.g. one transition per data set) against the printed value: Student-t 1 − α
 * interval, resolved to ± 0.02. Synthetic values are normal with the observed spread.
 */
export function meanIntervalCalibration(count: number, sd: number, band: ClaimBand, alpha: number): RuleCalibration {
  const normal = normalSource(3);
  const trial = (shift: number): StatisticalVerdict => {
    const values = Array.from({ length: count }, () => band.value + shift + sd * normal());
    return decideAgainstClaim(band, tIntervalOfMean(values, alpha), { discrepancy: TRANSITION_DISCREPANCY }).verdict;
  };
  return calibrateRule(
    {
      name: `printed value in the 1 − α t interval of the mean, half-width ≤ ${TRANSITION_DISCREPANCY.size}`,
      alpha,
      seeds: count,
      replications: CALIBRATION_REPLICATIONS,
      discrepancy: TRANSITION_DISCREPANCY,
      grid: [0.005, 0.01, 0.02, 0.05],
    },
    trial,
  );
}

/**
 * A rule that decides from a count of n cases (runs, data sets) failing a statement, on binomial draws: the truth is
 * no case failing, the alternative a failing rate (one-sided: only more failures refute).
 */
export function countRuleCalibration(name: string, n: number, purpose: number, decide: (failing: number, n: number) => StatisticalVerdict, alpha: number, discrepancy: number, grid: readonly number[]): RuleCalibration {
  const uniform = uniformSource(purpose);
  const trial = (rate: number): StatisticalVerdict => {
    let failing = 0;
    for (let i = 0; i < n; i++) if (uniform() < rate) failing += 1;
    return decide(failing, n);
  };
  return calibrateRule({ name, alpha, seeds: n, replications: CALIBRATION_REPLICATIONS, discrepancy: { scale: 'difference', size: discrepancy }, grid, oneSided: 'above' }, trial);
}
