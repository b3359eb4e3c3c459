// What of an evaluation is still a sentence rather than a finding: the specs of this subject and of kramers-langer
// hold their evaluators to none, apart from the lines another subject's code adds (`foreign`).
import type { Evaluation, EvidenceItem, Reading } from '../../../src/claims/index.ts';

type Lines = { readonly evidence: readonly EvidenceItem[]; readonly readings: readonly Pick<Reading, 'note'>[] };

/** Every evidence line and reading note of `e` that is a plain string. */
function strings(e: Lines): string[] {
  return [...e.evidence, ...e.readings.map((r) => r.note)].filter((x): x is string => typeof x === 'string');
}

/** The evidence lines and reading notes that are plain strings, less those another subject's code gave (`foreign`). */
export function plainSentences(e: Pick<Evaluation, 'evidence' | 'readings'>, foreign: readonly EvidenceItem[] = []): string[] {
  return strings(e).filter((x) => !foreign.includes(x));
}

/** The plain strings of other subjects' evaluations and readings, as `foreign` lines. */
export function sentencesOf(...parts: readonly Lines[]): string[] {
  return parts.flatMap(strings);
}
