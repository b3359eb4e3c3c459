// Nonlinear networks (Section 4.1, Appendix G): hysteresis, the noise off the low-rank set, and escapes with tanh
// and sigmoid activations.
import type { EvaluatorTable } from '../evaluator.ts';
import { evaluateNonlinearEscape, evaluateNonlinearHysteresis, evaluateNonlinearNoiseOffLowRank, nonlinearNeeds } from './nonlinear.ts';

export const NONLINEAR_EVALUATORS: EvaluatorTable = {
  'nonlinear-hysteresis': { needs: nonlinearNeeds, evaluate: evaluateNonlinearHysteresis },
  'nonlinear-noise-off-low-rank': { needs: nonlinearNeeds, evaluate: evaluateNonlinearNoiseOffLowRank },
  'nonlinear-escape': { needs: nonlinearNeeds, evaluate: evaluateNonlinearEscape },
};
