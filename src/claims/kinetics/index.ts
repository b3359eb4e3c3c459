// Escape kinetics (Section 3.2, Fig. 5, Appendices F.3 and G): Arrhenius law in B/ηlr, the effective barrier, the
// batch-size collapse, one-way jumps, SGD's noise and the trends of escape time with β and depth.
import type { EvaluatorTable } from '../evaluator.ts';
import { finding } from '../finding.ts';
import { withCalibrationLine } from './notes.ts';
import { arrheniusNeeds, evaluateArrheniusR2, evaluateBatchCollapse } from './arrhenius.ts';
import { effectiveBarrierNeeds, evaluateEffectiveBarrier } from './effective-barrier.ts';
import { evaluateJumpKinetics, evaluateJumpMemoryless, evaluateJumpSlopeBarrier, evaluateReferenceConsistency, oneWayJumpsNeeds, referenceConsistencyNeeds } from './one-way-jumps.ts';
import { evaluateGradientNoise, evaluateMultiplicativeNoise, gradientNoiseNeeds, multiplicativeNeeds } from './sgd-noise.ts';
import { betaKineticNeeds, depthKineticNeeds, evaluateDeeperLongerDelays, evaluateEscapeTimeGrowsWithBeta } from './escape-trends.ts';

export const KINETICS_EVALUATORS: EvaluatorTable = {
  'arrhenius-r2': { needs: arrheniusNeeds, evaluate: evaluateArrheniusR2 },
  'batch-size-collapse': { needs: arrheniusNeeds, evaluate: evaluateBatchCollapse },
  'effective-barrier': { needs: effectiveBarrierNeeds, evaluate: evaluateEffectiveBarrier },
  'reference-18-consistency': { needs: referenceConsistencyNeeds, evaluate: withCalibrationLine(evaluateReferenceConsistency, finding('kinetics.calibration-exact-share', {})) },
  'jump-memoryless': { needs: oneWayJumpsNeeds, evaluate: withCalibrationLine(evaluateJumpMemoryless, finding('kinetics.calibration-shape-family', {})) },
  'jump-kinetics': { needs: oneWayJumpsNeeds, evaluate: withCalibrationLine(evaluateJumpKinetics, finding('kinetics.calibration-law-ranking', {})) },
  'jump-slope-barrier': { needs: oneWayJumpsNeeds, evaluate: withCalibrationLine(evaluateJumpSlopeBarrier, finding('kinetics.calibration-slope-ratio', {})) },
  'gradient-noise': { needs: gradientNoiseNeeds, evaluate: evaluateGradientNoise },
  'multiplicative-noise': { needs: multiplicativeNeeds, evaluate: evaluateMultiplicativeNoise },
  'escape-grows-with-beta': { needs: betaKineticNeeds, evaluate: evaluateEscapeTimeGrowsWithBeta },
  'deeper-longer-delays': { needs: depthKineticNeeds, evaluate: evaluateDeeperLongerDelays },
};
