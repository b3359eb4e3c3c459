// The phase diagram (Fig. 3, Appendix B): the located transitions of the quasi-static β sweeps against Eq. 3, and
// Appendix B's explanation of the offset, its measured drops against Eq. 3 and its decreasing sweep as written.
import type { EvaluatorTable } from '../evaluator.ts';
import { evaluatePhaseDiagramSweep, phaseDiagramNeeds } from './sweep.ts';
import { evaluateOutputBias, outputBiasNeeds } from './output-bias.ts';
import { evaluateDropsVsEq3 } from './drops-vs-eq3.ts';
import { evaluateDecreasingSweep } from './decreasing-sweep.ts';

export const PHASE_DIAGRAM_EVALUATORS: EvaluatorTable = {
  'phase-diagram-sweep': { needs: phaseDiagramNeeds, evaluate: evaluatePhaseDiagramSweep },
  'output-bias': { needs: outputBiasNeeds, evaluate: evaluateOutputBias },
  'measured-drops-vs-eq3': { needs: phaseDiagramNeeds, evaluate: evaluateDropsVsEq3 },
  'decreasing-sweep': { needs: phaseDiagramNeeds, evaluate: evaluateDecreasingSweep },
};
