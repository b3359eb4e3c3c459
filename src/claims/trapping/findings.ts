// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { CommonFindings } from '../common/findings.ts';

/** A finding that carries nothing but its kind: a statement whose words are fixed. */
type Fixed = Record<never, never>;

/** One finding of a findings interface: its kind, then its values. */
type FindingOf<T> = { [K in keyof T]: { readonly kind: K } & Readonly<T[K]> }[keyof T];

/**
 * A reading's note that the not-reproducible mark wraps (unlessNotReproducible): a finding of this subject or a
 * common one, whose words report/words/trapping.ts can give.
 */
export type WrappedNote = FindingOf<CommonFindings> | FindingOf<Omit<TrappingFindings, 'trapping.not-reproducible'>>;

/** One row of a trapping diagnostic (diagnostics.ts): a variant of the protocol on the diagnostic seeds. */
export interface DiagnosticRowSummary {
  readonly label: string;
  readonly seeds: number;
  readonly trapped: number;
  readonly escapes: number;
  /** KM median escape epoch of the trapped runs (null: not reached). */
  readonly medianEscape: number | null;
  /** σ at the checkpoints: the lower median and the range (null: no σ recorded). */
  readonly checkpointSigma: { readonly median: number; readonly lowest: number; readonly highest: number } | null;
}

/**
 * A trap's checkpoints of the intended rank on the network with biases (biased-readings.ts): σ of the end-to-end map
 * (medians), the largest residue off the rank-r set, the bias norms (medians), and the mini-batch gradient noise —
 * along the next mode (largest |mean| and sd over batches) and its share off the set (median and largest).
 */
export interface BiasedCheckpoints {
  readonly count: number;
  readonly sigma: readonly number[];
  readonly residue: { readonly first: number; readonly last: number };
  readonly biasNorms: readonly number[];
  readonly batches: number;
  readonly weakDrive: { readonly mean: number; readonly sd: number };
  readonly offSetShare: { readonly median: number; readonly largest: number };
}

/** Each kind's values. */
export interface TrappingFindings {
  /** Why a verdict decided by the trap's invariance states no size or power. */
  'trapping.no-rule-invariant': Fixed;
  /** The headline reading of a verdict the protocol cannot produce the data for, with its note (null: none). */
  'trapping.not-reproducible': { readonly note: WrappedNote | null };
  /** Diagnostic (b)'s heading: the protocol and its diagnostic seeds. */
  'trapping.diagnostic-checkpoint': { readonly protocol: string; readonly seeds: readonly number[] };
  /** Diagnostic (c)'s heading. */
  'trapping.diagnostic-precision': { readonly protocol: string };
  'trapping.diagnostic-row': { readonly row: DiagnosticRowSummary };
  /** One reading of the biases: how many of the trap's checkpoints have its rank, and what they are (null: none). */
  'trapping.biased-checkpoint': { readonly reading: string; readonly protocol: string; readonly checkpoints: number; readonly rank: number; readonly ofRank: BiasedCheckpoints | null };
  /** What the diagnostics' checkpoint σ is. */
  'trapping.diagnostic-sigma-key': Fixed;
}
