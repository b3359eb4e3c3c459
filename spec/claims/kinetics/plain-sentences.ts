// What of an evaluation is a plain sentence at run time rather than a finding (the type allows none; a cast could).
import type { Evaluation, Finding } from '../../../src/claims/index.ts';
import { wordEvidence } from '../../../src/report/words/index.ts';

export { plainSentences } from '../controls/plain-sentences.ts';

/** What would decide, what was measured and why not reproducible, those of them that are plain sentences. */
export function plainMarks(e: Pick<Evaluation, 'wouldDecide' | 'measured' | 'notReproducible'>): string[] {
  return ([e.wouldDecide, e.measured, e.notReproducible] as unknown[]).filter((x): x is string => typeof x === 'string');
}

/** One of those in words, as the report words it (undefined where the evaluation gives none). */
export function markText(mark: Finding | string | undefined): string | undefined {
  return mark === undefined || typeof mark === 'string' ? mark : wordEvidence(mark);
}
