// An evaluation's evidence, notes and marks in words, as the report words them, and what of it is still a plain
// sentence at run time (the types allow none; a cast could): what the claim specs read.
import type { Evaluation, Finding, Reading } from '../../src/claims/index.ts';
import { wordEvidence } from '../../src/report/words/index.ts';

export function evidenceText(e: Pick<Evaluation, 'evidence'>): string[] {
  return e.evidence.map(wordEvidence);
}

/** A finding in words (undefined where the field is absent). */
export function wordsOf(x: Finding | undefined): string | undefined {
  return x === undefined ? undefined : wordEvidence(x);
}

type Parts = Partial<Pick<Evaluation, 'wouldDecide' | 'measured' | 'notReproducible'>> & { readonly evidence?: readonly unknown[]; readonly readings?: readonly Pick<Reading, 'note'>[] };

/** The evidence lines, reading notes, and what would decide, what was measured and why not reproducible, that are plain sentences. */
export function plainSentences(e: Parts): string[] {
  return [...(e.evidence ?? []), ...(e.readings ?? []).map((r) => r.note as unknown), e.wouldDecide, e.measured, e.notReproducible].filter((x): x is string => typeof x === 'string');
}
