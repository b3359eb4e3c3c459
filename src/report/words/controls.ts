// Words for the findings of the controls subject (claims/controls/findings.ts).
import type { ControlsFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const CONTROLS_WORDS: Words<ControlsFindings> = {};
