// The rules for statements about runs (REPRODUCE.md, "Statements about runs, the noise and the text"): the
// universal rule (one failing run refutes) and the typicality rule (the share of runs that show a described shape).
import {
  DEFAULT_ALPHA,
  REPRODUCE_ALPHA,
  calibrateRule,
  proportionInterval,
  type ProportionInterval,
  type RuleCalibration,
  type StatisticalVerdict,
} from '../../stats/index.ts';
import type { PerSeedSeries, Reading, Verdict } from '../verdict.ts';
import { CALIBRATION_REPLICATIONS, uniformSource } from './calibrations.ts';

export const ALPHA = DEFAULT_ALPHA;

/**
 * A statement about every run ("no trapping occurs", "train below test") is refuted by one run where it fails. With
 * none failing it is reproduced once the one-sided 1 − α upper bound on the failing rate is at most this: the rate
 * the paper's own 50 seeds can exclude (1 − α^(1/50) = 0.24 at α = 10⁻⁶); fewer runs are inconclusive.
 */
export const EXCEPTION_RATE = 0.25;

/** Runs needed, none failing, before a universal statement can be reproduced. */
export const RUNS_TO_DECIDE = Math.ceil(Math.log(ALPHA) / Math.log(1 - EXCEPTION_RATE));

/** One run's case: whether the statement fails for it, and the quantity it was decided on. */
export interface RunCase {
  readonly seed: number;
  readonly fails: boolean;
  readonly value: number | null;
}

/** A rule's reading of one set of runs: its verdict and value (the reading's note is its caller's) and the per-seed values. */
export interface UniversalReading {
  readonly reading: Omit<Reading, 'note'>;
  readonly perSeed: PerSeedSeries;
}

/** The one-sided 1 − α upper bound of a failing rate (Clopper–Pearson). */
export function upperRate(count: number, n: number): number {
  return proportionInterval(count, n, 2 * ALPHA).upper;
}

export function universalVerdict(failing: number, n: number): Verdict {
  if (n === 0) return 'inconclusive';
  if (failing > 0) return 'deviates';
  return upperRate(0, n) <= EXCEPTION_RATE ? 'reproduced' : 'inconclusive';
}


/**
 * The universal rule on one reading's runs: `deviates` when a run fails, `reproduced` when none does and the upper
 * bound on the failing rate is ≤ EXCEPTION_RATE, else `inconclusive` (too few runs). `meaning` says what a value is.
 */
export function universalReading(label: string, cases: readonly RunCase[], meaning: string, excluded?: PerSeedSeries['excluded']): UniversalReading {
  const n = cases.length;
  const failing = cases.filter((c) => c.fails);
  return {
    reading: { label, value: n === 0 ? null : String(failing.length / n), verdict: universalVerdict(failing.length, n) },
    perSeed: { label, meaning, seeds: cases.map((c) => c.seed), values: cases.map((c) => c.value), ...(excluded ? { excluded } : {}) },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The typicality rule (REPRODUCE.md, "Statements describing a figure: the typicality rule"): a figure shows one run,
// so a statement that describes it ("train below test", "converges monotonically") says what a typical run does.
// It is judged by the share of runs that show the described shape, against a named threshold, at the suite's two
// levels: `deviates` when the 1 − α interval of the share lies below the threshold, `reproduced` when its
// (1 − REPRODUCE_ALPHA) interval lies above, otherwise `inconclusive`.

/** "Most runs": a figure's curve stands for a typical run, so most runs must show its shape. */
export const MOST_RUNS = 0.5;
/** "Nearly every run": what a protocol or a premise promises of each run it is applied to. */
export const NEARLY_EVERY_RUN = 0.9;

/**
 * The shares at which a threshold's power is stated: the threshold ± this, a quarter where that fits and otherwise
 * half the way to 0 or 1 (0.9 ± 0.05), so that the good side is a share short of every run.
 */
export function shareDiscrepancy(threshold: number): number {
  // A number rounded as data (the calibration's discrepancy), not text.
  return Number(Math.min(0.25, threshold / 2, (1 - threshold) / 2).toFixed(6));
}

export function thresholdName(threshold: number): string {
  return threshold === MOST_RUNS ? 'most runs (share > ½)' : threshold === NEARLY_EVERY_RUN ? 'nearly every run (share > 0.9)' : `share > ${threshold}`;
}

/** The share's interval at the reproduced side's level (two-sided 1 − REPRODUCE_ALPHA) and at 1 − α. */
export function shareIntervals(shows: number, n: number): { reproduce: ProportionInterval; deviate: ProportionInterval } {
  return { reproduce: proportionInterval(shows, n, REPRODUCE_ALPHA), deviate: proportionInterval(shows, n, ALPHA) };
}

export function typicalVerdict(shows: number, n: number, threshold: number): Verdict {
  if (n === 0) return 'inconclusive';
  const { reproduce, deviate } = shareIntervals(shows, n);
  if (deviate.upper < threshold) return 'deviates';
  return reproduce.lower > threshold ? 'reproduced' : 'inconclusive';
}

/** The smallest run count that decides at the observed share, up to `limit`; null when none does (a share at the threshold). */
export function runsToDecide(share: number, threshold: number, limit = 5000): number | null {
  for (let n = 1; n <= limit; n = n < 100 ? n + 1 : Math.ceil(n * 1.05)) {
    if (typicalVerdict(Math.round(share * n), n, threshold) !== 'inconclusive') return n;
  }
  return null;
}

/** The verdict at each count 0..n: the rule depends on the count alone. */
function verdictTable(n: number, threshold: number): Verdict[] {
  return Array.from({ length: n + 1 }, (_, k) => typicalVerdict(k, n, threshold));
}

const CALIBRATIONS = new Map<string, RuleCalibration>();

/**
 * The rule's operating figures at n runs, on seeded synthetic truths (each run shows the shape with probability s,
 * independently): size P(deviates | s = threshold), the least favourable true share; P(reproduced | s = threshold +
 * δ) on the good side; power P(deviates | s = threshold − δ) and P(reproduced | s = threshold − δ) on the bad side.
 */
export function typicalityCalibration(n: number, threshold: number): RuleCalibration {
  const key = `${n}:${threshold}`;
  const known = CALIBRATIONS.get(key);
  if (known !== undefined) return known;
  const table = verdictTable(n, threshold);
  const uniform = uniformSource(4);
  const delta = shareDiscrepancy(threshold);
  const trial = (shift: number): StatisticalVerdict => {
    const share = Math.min(1, Math.max(0, threshold + shift));
    let shows = 0;
    for (let i = 0; i < n; i++) if (uniform() < share) shows += 1;
    return table[shows] as StatisticalVerdict;
  };
  const calibration = calibrateRule(
    {
      name: `typicality: the share of runs showing the shape against ${thresholdName(threshold)}; deviates: its 1 − α interval below, reproduced: its ${100 * (1 - REPRODUCE_ALPHA)} % interval above`,
      alpha: ALPHA,
      reproduceAlpha: REPRODUCE_ALPHA,
      seeds: n,
      replications: CALIBRATION_REPLICATIONS,
      discrepancy: { scale: 'difference', size: delta },
      grid: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5].filter((d) => d <= threshold),
      oneSided: 'below',
      holdsAt: delta,
    },
    trial,
  );
  CALIBRATIONS.set(key, calibration);
  return calibration;
}

export interface TypicalReading extends UniversalReading {
  readonly rule: RuleCalibration;
}

/**
 * The typicality rule on one reading's runs: a run shows the shape when its case does not fail. The value is the
 * share that shows it, the rule's calibration at this run count beside it.
 */
export function typicalReading(label: string, cases: readonly RunCase[], meaning: string, threshold: number, excluded?: PerSeedSeries['excluded']): TypicalReading {
  const n = cases.length;
  const shows = n - cases.filter((c) => c.fails).length;
  return {
    reading: { label, value: n === 0 ? null : String(shows / n), verdict: typicalVerdict(shows, n, threshold) },
    perSeed: { label, meaning, seeds: cases.map((c) => c.seed), values: cases.map((c) => c.value), ...(excluded ? { excluded } : {}) },
    rule: typicalityCalibration(Math.max(n, 1), threshold),
  };
}
