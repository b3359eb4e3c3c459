// What of an evaluation is a plain sentence at run time rather than a finding (the type allows none; a cast could).
import type { Evaluation, Finding, Reading } from '../../../src/claims/index.ts';
import { wordEvidence } from '../../../src/report/words/index.ts';

type Parts = Partial<Pick<Evaluation, 'wouldDecide' | 'measured' | 'notReproducible'>> & { readonly evidence?: readonly unknown[]; readonly readings?: readonly Pick<Reading, 'note'>[] };

/** The evidence lines, reading notes, and what would decide, what was measured and why not reproducible, that are plain sentences. */
export function plainSentences(e: Parts): string[] {
  return [...(e.evidence ?? []), ...(e.readings ?? []).map((r) => r.note as unknown), e.wouldDecide, e.measured, e.notReproducible].filter((x): x is string => typeof x === 'string');
}

/** A field that may still be a sentence (another subject's), in words either way. */
export function inWords(x: Finding | string | undefined): string | undefined {
  return x === undefined || typeof x === 'string' ? x : wordEvidence(x);
}
