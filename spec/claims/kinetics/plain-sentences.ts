// What of an evaluation is still a sentence rather than a finding: the specs of this subject and of kramers-langer
// hold their evaluators to none, apart from the lines another subject's code adds (`foreign`).
import type { Evaluation } from '../../../src/claims/index.ts';

/** The evidence lines and reading notes that are plain strings, less those in `foreign`. */
export function plainSentences(e: Pick<Evaluation, 'evidence' | 'readings'>, foreign: readonly string[] = []): string[] {
  return [...e.evidence, ...e.readings.map((r) => r.note)].filter((x): x is string => typeof x === 'string' && !foreign.includes(x));
}
