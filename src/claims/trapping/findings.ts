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

/** Each kind's values. */
export interface TrappingFindings {
  /** Why a verdict decided by the trap's invariance states no size or power. */
  'trapping.no-rule-invariant': Fixed;
  /** The headline reading of a verdict the protocol cannot produce the data for, with its note (null: none). */
  'trapping.not-reproducible': { readonly note: WrappedNote | null };
}
