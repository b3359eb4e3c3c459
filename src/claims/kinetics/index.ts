// Escape kinetics (Section 3.2, Fig. 5, Appendices F.3 and G): Arrhenius law in B/ηlr, the effective barrier, the
// batch-size collapse, one-way jumps, SGD's noise and the trends of escape time with β and depth.
import type { EvaluatorTable } from '../evaluator.ts';
import { withCalibrationNote } from '../controls/calibration-notes.ts';
import { arrheniusNeeds, evaluateArrheniusR2, evaluateBatchCollapse } from './arrhenius.ts';
import { effectiveBarrierNeeds, evaluateEffectiveBarrier } from './effective-barrier.ts';
import { evaluateJumpKinetics, evaluateJumpMemoryless, evaluateJumpSlopeBarrier, evaluateReferenceConsistency, oneWayJumpsNeeds, referenceConsistencyNeeds } from './one-way-jumps.ts';
import { evaluateGradientNoise, evaluateMultiplicativeNoise, gradientNoiseNeeds, multiplicativeNeeds } from './sgd-noise.ts';
import { betaKineticNeeds, depthKineticNeeds, evaluateDeeperLongerDelays, evaluateEscapeTimeGrowsWithBeta } from './escape-trends.ts';

export const KINETICS_EVALUATORS: EvaluatorTable = {
  'arrhenius-r2': { needs: arrheniusNeeds, evaluate: evaluateArrheniusR2 },
  'batch-size-collapse': { needs: arrheniusNeeds, evaluate: evaluateBatchCollapse },
  'effective-barrier': { needs: effectiveBarrierNeeds, evaluate: evaluateEffectiveBarrier },
  'reference-18-consistency': { needs: referenceConsistencyNeeds, evaluate: withCalibrationNote(evaluateReferenceConsistency, 'none applies — the noise share is an exact computation at the trap, not a sampled statistic.') },
  'jump-memoryless': { needs: oneWayJumpsNeeds, evaluate: withCalibrationNote(evaluateJumpMemoryless, 'the family of exponential-shape tests keeps its size at or below α by the Bonferroni split of level-α tests (Lilliefors-corrected); no power is stated (no alternative waiting-time law is specified).') },
  'jump-kinetics': { needs: oneWayJumpsNeeds, evaluate: withCalibrationNote(evaluateJumpKinetics, 'none — the rule ranks three fitted laws by AIC (a margin of 2, a likelihood ratio of e); it tests no printed value, so it has no size or power.') },
  'jump-slope-barrier': { needs: oneWayJumpsNeeds, evaluate: withCalibrationNote(evaluateJumpSlopeBarrier, 'the slope ratio\'s Wald interval at 1 − α gives a size of at most α, asymptotically in the falls; no power is stated.') },
  'gradient-noise': { needs: gradientNoiseNeeds, evaluate: evaluateGradientNoise },
  'multiplicative-noise': { needs: multiplicativeNeeds, evaluate: evaluateMultiplicativeNoise },
  'escape-grows-with-beta': { needs: betaKineticNeeds, evaluate: evaluateEscapeTimeGrowsWithBeta },
  'deeper-longer-delays': { needs: depthKineticNeeds, evaluate: evaluateDeeperLongerDelays },
};
