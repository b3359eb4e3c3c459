// Words for the findings of the nonlinear subject (claims/nonlinear/findings.ts).
import type { NonlinearFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const NONLINEAR_WORDS: Words<NonlinearFindings> = {};
