// The phase diagram (Fig. 3, Appendix B): the located transitions of the quasi-static β sweeps against Eq. 3, and
// Appendix B's explanation of the offset.
import type { EvaluatorTable } from '../evaluator.ts';
import { evaluatePhaseDiagramSweep, phaseDiagramNeeds } from './sweep.ts';
import { evaluateOutputBias, outputBiasNeeds } from './output-bias.ts';

export const PHASE_DIAGRAM_EVALUATORS: EvaluatorTable = {
  'phase-diagram-sweep': { needs: phaseDiagramNeeds, evaluate: evaluatePhaseDiagramSweep },
  'output-bias': { needs: outputBiasNeeds, evaluate: evaluateOutputBias },
};
