// Words for the findings of the kinetics subject (claims/kinetics/findings.ts).
import type { KineticsFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const KINETICS_WORDS: Words<KineticsFindings> = {};
