// Words for the findings of the trapping subject (claims/trapping/findings.ts).
import type { TrappingFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const TRAPPING_WORDS: Words<TrappingFindings> = {};
