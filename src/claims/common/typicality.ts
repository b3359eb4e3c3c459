// The rule for statements about every run (REPRODUCE.md, "Statements about every run, the noise and the text").
import { DEFAULT_ALPHA, proportionInterval } from '../../stats/index.ts';
import type { PerSeedSeries, Reading, Verdict } from '../verdict.ts';

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

export interface UniversalReading {
  readonly reading: Reading;
  readonly line: string;
  readonly perSeed: PerSeedSeries;
  readonly wouldDecide?: string;
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
export function universalReading(label: string, cases: readonly RunCase[], meaning: string, failingWords: string, excluded?: PerSeedSeries['excluded']): UniversalReading {
  const n = cases.length;
  const failing = cases.filter((c) => c.fails);
  const verdict = universalVerdict(failing.length, n);
  const bound = n === 0 ? null : upperRate(failing.length, n);
  const line =
    n === 0
      ? `${label}: no runs to read.`
      : `${label}: ${failing.length} of ${n} runs ${failingWords}${failing.length > 0 ? ` (seeds ${failing.map((c) => c.seed).join(', ')})` : ''}; ` +
        `one-sided ${1 - ALPHA} upper bound of the rate ${bound!.toPrecision(3)}.`;
  return {
    reading: { label, value: n === 0 ? null : String(failing.length / n), verdict, note: line },
    line,
    perSeed: { label, meaning, seeds: cases.map((c) => c.seed), values: cases.map((c) => c.value), ...(excluded ? { excluded } : {}) },
    ...(verdict === 'inconclusive' ? { wouldDecide: `${RUNS_TO_DECIDE} runs or more with none failing (${n} read), or one run that fails` } : {}),
  };
}
