// What of an evaluation is still a sentence rather than a finding: the controls' evidence and notes are all findings.
import type { EvidenceItem, Reading } from '../../../src/claims/index.ts';

/** The evidence lines and reading notes that are plain sentences. */
export function plainSentences(e: { readonly evidence?: readonly EvidenceItem[]; readonly readings?: readonly Reading[] }): string[] {
  return [...(e.evidence ?? []), ...(e.readings ?? []).map((r) => r.note)].filter((x): x is string => typeof x === 'string');
}
