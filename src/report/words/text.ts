// Words for the findings of the text subject (claims/text/findings.ts).
import type { TextFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const TEXT_WORDS: Words<TextFindings> = {};
