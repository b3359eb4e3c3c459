// Words for the findings of the landscape subject (claims/landscape/findings.ts).
import type { LandscapeFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const LANDSCAPE_WORDS: Words<LandscapeFindings> = {};
