// Nonlinear networks (Section 4.1, Appendix G): hysteresis, the noise off the low-rank set, and escapes with tanh
// and sigmoid activations.
import type { ExperimentResults } from '../../experiments/index.ts';
import type { EvaluatorTable } from '../evaluator.ts';
import { finding, type Finding } from '../finding.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation } from '../verdict.ts';
import { evaluateNonlinearEscape, evaluateNonlinearHysteresis, evaluateNonlinearNoiseOffLowRank, nonlinearNeeds } from './nonlinear.ts';

type Evaluate = (claim: Claim, results: ExperimentResults) => Evaluation;

/** The evaluator with its rule's calibration (what keeps its size, or why none applies) as its evidence's last line. */
function withCalibration(evaluate: Evaluate, calibration: Finding): Evaluate {
  return (claim, results) => {
    const e = evaluate(claim, results);
    return { ...e, evidence: [...e.evidence, calibration] };
  };
}

export const NONLINEAR_EVALUATORS: EvaluatorTable = {
  'nonlinear-hysteresis': { needs: nonlinearNeeds, evaluate: withCalibration(evaluateNonlinearHysteresis, finding('nonlinear.calibration-sweeps', {})) },
  'nonlinear-noise-off-low-rank': { needs: nonlinearNeeds, evaluate: withCalibration(evaluateNonlinearNoiseOffLowRank, finding('nonlinear.calibration-noise', {})) },
  'nonlinear-escape': { needs: nonlinearNeeds, evaluate: withCalibration(evaluateNonlinearEscape, finding('nonlinear.calibration-escape', {})) },
};
