// Words for the findings of the staged subject (claims/staged/findings.ts).
import type { StagedFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const STAGED_WORDS: Words<StagedFindings> = {};
