// An evaluation's evidence and reading notes in words, as the report words them: what the claim specs read.
import type { Evaluation, Finding } from '../../src/claims/index.ts';
import { wordEvidence } from '../../src/report/words/index.ts';

export function evidenceText(e: Pick<Evaluation, 'evidence'>): string[] {
  return e.evidence.map(wordEvidence);
}

export function noteText(note: Finding | undefined): string | undefined {
  return note === undefined ? undefined : wordEvidence(note);
}

/** A finding in words (undefined where the field is absent). */
export function wordsOf(x: Finding | undefined): string | undefined {
  return x === undefined ? undefined : wordEvidence(x);
}
