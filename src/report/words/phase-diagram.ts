// Words for the findings of the phase-diagram subject (claims/phase-diagram/findings.ts).
import type { PhaseDiagramFindings } from '../../claims/index.ts';
import type { Words } from './words.ts';

export const PHASE_DIAGRAM_WORDS: Words<PhaseDiagramFindings> = {};
