// The censoring-aware summary of one set of runs under one escape rule (REPRODUCE.md, "Escape times"): runs that
// did not start trapped are counted and set aside; every trapped run is either an escape at its epoch or censored at
// the budget — never dropped, never counted as an escape at the budget.
import { NOT_TRAPPED, escapeSample, escapes, exposure, runsOf, type EscapeOutcome, type EscapeRun } from '../../stats/index.ts';
import type { PerSeedSeries } from '../verdict.ts';
import { SHAPE_TEST_MIN_ESCAPES, distinctEscapeTimes, exponentialShapeTest, fitExponential, kaplanMeier, shapeTestable, type ExponentialFit, type ExponentialShapeTest, type KaplanMeier } from '../../stats/index.ts';
import { formatNumber } from '../../text/index.ts';

/**
 * Escapes, and distinct escape epochs, needed before the memorylessness test is run: fewer carry too little shape to
 * test (escapes that all fall in the first epoch fit every rate equally well).
 */

export interface EscapeStatistics {
  readonly seeds: number;
  readonly budget: number;
  /** Seeds whose run the rule does not apply to (they did not start trapped). */
  readonly notTrapped: number[];
  /** The trapped runs, in seed order. */
  readonly runs: EscapeRun[];
  readonly escapes: number;
  /** Kaplan–Meier and the censored exponential fit of the trapped runs; null when no run started trapped. */
  readonly km: KaplanMeier | null;
  readonly fit: ExponentialFit | null;
  /** Memorylessness of the escape epochs (grid of 1 epoch); null below SHAPE_TEST_MIN_ESCAPES escapes or SHAPE_TEST_MIN_DISTINCT epochs. */
  readonly shape: ExponentialShapeTest | null;
}

export function escapeStatistics(outcomes: readonly EscapeOutcome[], alpha: number): EscapeStatistics {
  const sample = escapeSample(outcomes);
  const runs = runsOf(sample);
  const escaped = escapes(sample);
  return {
    seeds: outcomes.length,
    budget: sample.budget,
    notTrapped: sample.setAside.map((s) => s.seed),
    runs,
    escapes: escaped,
    km: runs.length > 0 ? kaplanMeier(runs, alpha) : null,
    fit: runs.length > 0 && exposure(sample) > 0 ? fitExponential(runs, alpha) : null,
    shape: shapeTestable(runs) ? exponentialShapeTest(runs, sample.budget, alpha, { grid: 1 }) : null,
  };
}

/** Escape epochs per seed of one reading (null: censored at the budget), the seeds that did not start trapped set aside. */
export function perSeedEscapeSeries(label: string, rule: string, outcomes: readonly EscapeOutcome[]): PerSeedSeries {
  const used = outcomes.filter((o) => o.trapped);
  const { budget, setAside } = escapeSample(outcomes);
  return {
    label,
    meaning: `escape epoch by the ${rule} rule; null: no escape within ${budget} epochs (censored)`,
    seeds: used.map((o) => o.seed),
    values: used.map((o) => o.escapeEpoch),
    excluded: { seeds: setAside.map((s) => s.seed), reason: NOT_TRAPPED },
  };
}


/** A table cell: trapped of all seeds, escapes, and the 1 − α interval of τ. */
export function shortDescription(s: EscapeStatistics): string {
  if (s.runs.length === 0) return `0 of ${s.seeds} trapped`;
  const interval = s.fit === null ? '' : `; τ in [${formatNumber(s.fit.interval.lower)}, ${formatNumber(s.fit.interval.upper)}]`;
  return `${s.runs.length} of ${s.seeds} trapped, ${s.escapes} escaped${interval}`;
}

/** One line: trapped count, escapes, KM median with its interval, the exponential τ̂ and its LR interval. */
export function describeEscapes(s: EscapeStatistics): string {
  // Which seeds were set aside is data (the per-seed series' exclusions), not words.
  const skipped = s.notTrapped.length > 0 ? ` (${s.notTrapped.length} not trapped at the start, set aside)` : '';
  if (s.runs.length === 0) return `none of ${s.seeds} runs started trapped${skipped}`;
  const km = s.km!;
  const median = km.median.estimate === null ? `KM median not reached (> ${s.budget})` : `KM median ${km.median.estimate} [${formatNumber(km.median.lower)}, ${km.median.upper === null ? `> ${s.budget}` : formatNumber(km.median.upper)}]`;
  const fit = s.fit;
  const tau = fit === null ? 'τ̂ —' : `exponential τ̂ ${formatNumber(fit.meanTime)}, LR interval [${formatNumber(fit.interval.lower)}, ${formatNumber(fit.interval.upper)}]`;
  const untested = s.escapes >= SHAPE_TEST_MIN_ESCAPES ? `; memorylessness not tested: the escapes fall on only ${distinctEscapeTimes(s.runs)} distinct epoch(s)` : '';
  const shape = s.shape === null ? untested : `; memorylessness (KS on a 1-epoch grid): D = ${formatNumber(s.shape.statistic, 3)}, p = ${formatNumber(s.shape.pValue, 3)}${s.shape.rejects ? ' — rejects the exponential law' : ''}`;
  return `${s.runs.length} of ${s.seeds} runs started trapped${skipped}; ${s.escapes} escaped within ${s.budget} epochs; ${median}; ${tau}${shape}`;
}
