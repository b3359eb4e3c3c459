// What of an evaluation is a plain sentence at run time rather than a finding (the type allows none; a cast could).
import type { Reading } from '../../../src/claims/index.ts';

/** The evidence lines and reading notes that are plain sentences. */
export function plainSentences(e: { readonly evidence?: readonly unknown[]; readonly readings?: readonly Pick<Reading, 'note'>[] }): string[] {
  return [...(e.evidence ?? []), ...(e.readings ?? []).map((r) => r.note as unknown)].filter((x): x is string => typeof x === 'string');
}
