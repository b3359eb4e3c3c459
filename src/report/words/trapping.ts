// Words for the findings of the trapping subject (claims/trapping/findings.ts).
import type { TrappingFindings } from '../../claims/index.ts';
import { COMMON_WORDS } from './common.ts';
import type { Words } from './words.ts';

type Values<K extends keyof TrappingFindings> = TrappingFindings[K];
type WrappedNote = NonNullable<Values<'trapping.not-reproducible'>['note']>;

/** A wrapped note in words: by its own kind's sentence, common or of this subject. */
function noteWords(note: WrappedNote): string {
  const table = (note.kind.startsWith('common.') ? COMMON_WORDS : TRAPPING_WORDS) as unknown as Record<string, (values: WrappedNote) => string>;
  return table[note.kind]!(note);
}

export const TRAPPING_WORDS: Words<TrappingFindings> = {
  'trapping.no-rule-invariant': () =>
    'No statistical rule decides this verdict, so it has no size or power: it follows from the invariance of the trap (an exact property of every SGD step of a bias-free linear network), not from a count of seeds.',
  'trapping.not-reproducible': ({ note }) => `not reproducible as specified${note === null ? '' : ` (${noteWords(note)})`}`,
};
