// Nonlinear networks (Section 4.1, Appendix G): hysteresis, the noise off the low-rank set, and escapes with tanh
// and sigmoid activations.
import type { EvaluatorTable } from '../evaluator.ts';
import { withCalibrationNote } from '../controls/calibration-notes.ts';
import { evaluateNonlinearEscape, evaluateNonlinearHysteresis, evaluateNonlinearNoiseOffLowRank, nonlinearNeeds } from './nonlinear.ts';

export const NONLINEAR_EVALUATORS: EvaluatorTable = {
  'nonlinear-hysteresis': { needs: nonlinearNeeds, evaluate: withCalibrationNote(evaluateNonlinearHysteresis, 'none applies — the sweeps are full-batch descents on one data set, deterministic, and the rule reads each mode\'s loop as computed; there is no sampling error to give a size or a power.') },
  'nonlinear-noise-off-low-rank': { needs: nonlinearNeeds, evaluate: withCalibrationNote(evaluateNonlinearNoiseOffLowRank, 'none applies — the noise share is the exact per-sample gradient covariance of the data set at the trap, held to a floor above rounding; there is no sampling error to give a size or a power.') },
  'nonlinear-escape': { needs: nonlinearNeeds, evaluate: withCalibrationNote(evaluateNonlinearEscape, 'the exponential-shape test keeps its size at or below α by its Lilliefors-corrected construction, and the binomial tail against τ is exact; no power is stated (no alternative law is specified).') },
};
