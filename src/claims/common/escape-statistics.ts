// The censoring-aware summary of one set of runs under one escape rule (REPRODUCE.md, "Escape times"): runs that
// did not start trapped are counted and set aside; every trapped run is either an escape at its epoch or censored at
// the budget — never dropped, never counted as an escape at the budget.
import { NOT_TRAPPED, escapeSample, escapes, exposure, runsOf, type DecisionGrounds, type EscapeOutcome, type EscapeRun } from '../../stats/index.ts';
import type { PerSeedSeries } from '../verdict.ts';
import { SHAPE_TEST_MIN_ESCAPES, distinctEscapeTimes, exponentialShapeTest, fitExponential, kaplanMeier, shapeTestable, type ExponentialFit, type ExponentialShapeTest, type KaplanMeier } from '../../stats/index.ts';
import { finding, type Finding } from '../finding.ts';
import type { EscapeSummary } from './findings.ts';

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


/** The statistics as a finding's data: counts and estimates, no runs. */
export function escapeSummary(s: EscapeStatistics): EscapeSummary {
  const km = s.km;
  const fit = s.fit;
  return {
    seeds: s.seeds,
    trapped: s.runs.length,
    notTrapped: s.notTrapped.length,
    escapes: s.escapes,
    budget: s.budget,
    kmMedian: km === null ? null : { estimate: km.median.estimate, lower: km.median.lower, upper: km.median.upper },
    tau: fit === null ? null : { estimate: fit.meanTime, lower: fit.interval.lower, upper: fit.interval.upper },
    shape: s.shape === null ? null : { statistic: s.shape.statistic, pValue: s.shape.pValue, rejects: s.shape.rejects },
    distinctEpochs: s.shape === null && s.escapes >= SHAPE_TEST_MIN_ESCAPES ? distinctEscapeTimes(s.runs) : null,
  };
}

/** A set of runs under one rule, in full. */
export function escapesFinding(label: string, s: EscapeStatistics): Finding {
  return finding('common.escapes', { label, escapes: escapeSummary(s) });
}

/** A set of runs under one rule, in short. */
export function shortEscapesFinding(label: string, s: EscapeStatistics): Finding {
  return finding('common.escapes-short', { label, escapes: escapeSummary(s) });
}

/** A set of runs in short, and the decision its rule took. */
export function decidedEscapesFinding(label: string, s: EscapeStatistics, grounds: DecisionGrounds): Finding {
  return finding('common.escapes-decided', { label, escapes: escapeSummary(s), grounds });
}

/** A set of runs in short, as a reading's note. */
export function escapesCell(s: EscapeStatistics): Finding {
  return finding('common.escapes-cell', { escapes: escapeSummary(s) });
}
