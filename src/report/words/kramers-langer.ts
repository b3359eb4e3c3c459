// Words for the findings of the kramers-langer subject (claims/kramers-langer/findings.ts).
import type { KramersLangerFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const KRAMERS_LANGER_WORDS: Words<KramersLangerFindings> = {};
