// The kinds of finding every subject uses (finding.ts); their words are in report/words/common.ts.
import type { DecisionGrounds, RuleCalibration, WouldDecide } from '../../stats/index.ts';

/**
 * A finding held inside another (a reading's note kept inside a mark): its kind and values. It is finding.ts's
 * Finding, which a findings file cannot name (finding.ts is built from the findings files).
 */
export interface NestedFinding {
  readonly kind: string;
}

/** An interval's ends; null where the data leave that end open. */
export interface Bounds {
  readonly lower: number | null;
  readonly upper: number | null;
}

/**
 * One set of runs under one escape rule, as counts and estimates (escape-statistics.ts builds it): the runs that
 * started trapped of all seeds, those set aside, the escapes within the budget, the Kaplan–Meier median with its
 * interval, the censored exponential τ̂ with its likelihood-ratio interval, and the memorylessness test.
 */
export interface EscapeSummary {
  readonly seeds: number;
  readonly trapped: number;
  /** Seeds that did not start trapped (set aside). */
  readonly notTrapped: number;
  readonly escapes: number;
  readonly budget: number;
  /** The Kaplan–Meier median; estimate null when the curve does not fall to one half within the budget. */
  readonly kmMedian: { readonly estimate: number | null; readonly lower: number | null; readonly upper: number | null } | null;
  /** The censored exponential τ̂ (null without an escape) and its interval (upper ∞ without an escape). */
  readonly tau: { readonly estimate: number | null; readonly lower: number; readonly upper: number } | null;
  /** The KS test of memorylessness on a 1-epoch grid; null when not run. */
  readonly shape: { readonly statistic: number | null; readonly pValue: number | null; readonly rejects: boolean } | null;
  /** Escapes enough for the shape test, but on too few distinct epochs: how many (else null). */
  readonly distinctEpochs: number | null;
}

/** A decision rule's calibration, with the power its detectable discrepancy is quoted at. */
export interface Calibration {
  readonly rule: RuleCalibration;
  readonly targetPower: number;
}

export interface CommonFindings {
  /** A set of runs under one rule, in full. */
  'common.escapes': { readonly label: string; readonly escapes: EscapeSummary };
  /** The same in short: trapped, escaped, the interval of τ. */
  'common.escapes-short': { readonly label: string; readonly escapes: EscapeSummary };
  /** The short form and the decision a rule took on it. */
  'common.escapes-decided': { readonly label: string; readonly escapes: EscapeSummary; readonly grounds: DecisionGrounds };
  /** The short form alone, as a reading's note or a table cell. */
  'common.escapes-cell': { readonly escapes: EscapeSummary };
  /** What would decide a statistical rule's undecided verdict. */
  'common.would-decide': { readonly decides: WouldDecide };
  /** A decision rule's size, power and detectable discrepancy at its seed count. */
  'common.calibration': Calibration;
}
