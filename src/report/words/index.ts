// Every finding's words: the one place a claim's evidence becomes sentences and its numbers text.
import type { Finding, FindingValues } from '../../claims/index.ts';
import { COMMON_WORDS } from './common.ts';
import { CONTROLS_WORDS } from './controls.ts';
import { KINETICS_WORDS } from './kinetics.ts';
import { KRAMERS_LANGER_WORDS } from './kramers-langer.ts';
import { LANDSCAPE_WORDS } from './landscape.ts';
import { NONLINEAR_WORDS } from './nonlinear.ts';
import { PHASE_DIAGRAM_WORDS } from './phase-diagram.ts';
import { STAGED_WORDS } from './staged.ts';
import { TEXT_WORDS } from './text.ts';
import { TRAPPING_WORDS } from './trapping.ts';
import type { Words } from './words.ts';

export type { Words } from './words.ts';

const WORDS: Words<FindingValues> = {
  ...COMMON_WORDS,
  ...CONTROLS_WORDS,
  ...KINETICS_WORDS,
  ...KRAMERS_LANGER_WORDS,
  ...LANDSCAPE_WORDS,
  ...NONLINEAR_WORDS,
  ...PHASE_DIAGRAM_WORDS,
  ...STAGED_WORDS,
  ...TEXT_WORDS,
  ...TRAPPING_WORDS,
};

/** A finding in words: its kind's sentence (a finding held inside it worded the same way). */
export function wordEvidence(item: Finding): string {
  return (WORDS[item.kind] as (values: Finding, word: (item: Finding) => string) => string)(item, wordEvidence);
}
