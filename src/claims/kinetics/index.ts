// Escape kinetics (Section 3.2, Fig. 5, Appendices F.3 and G): Arrhenius law in B/ηlr, the effective barrier, the
// batch-size collapse, one-way jumps, SGD's noise and the trends of escape time with β and depth.
import type { EvaluatorTable } from '../evaluator.ts';
import { arrheniusNeeds, evaluateArrheniusR2, evaluateBatchCollapse } from './arrhenius.ts';
import { effectiveBarrierNeeds, evaluateEffectiveBarrier } from './effective-barrier.ts';
import { evaluateJumpKinetics, evaluateJumpMemoryless, evaluateJumpSlopeBarrier, evaluateReferenceConsistency, oneWayJumpsNeeds, referenceConsistencyNeeds } from './one-way-jumps.ts';
import { evaluateGradientNoise, evaluateMultiplicativeNoise, gradientNoiseNeeds, multiplicativeNeeds } from './sgd-noise.ts';
import { betaKineticNeeds, depthKineticNeeds, evaluateDeeperLongerDelays, evaluateEscapeTimeGrowsWithBeta } from './escape-trends.ts';

export const KINETICS_EVALUATORS: EvaluatorTable = {
  'arrhenius-r2': { needs: arrheniusNeeds, evaluate: evaluateArrheniusR2 },
  'batch-size-collapse': { needs: arrheniusNeeds, evaluate: evaluateBatchCollapse },
  'effective-barrier': { needs: effectiveBarrierNeeds, evaluate: evaluateEffectiveBarrier },
  'reference-18-consistency': { needs: referenceConsistencyNeeds, evaluate: evaluateReferenceConsistency },
  'jump-memoryless': { needs: oneWayJumpsNeeds, evaluate: evaluateJumpMemoryless },
  'jump-kinetics': { needs: oneWayJumpsNeeds, evaluate: evaluateJumpKinetics },
  'jump-slope-barrier': { needs: oneWayJumpsNeeds, evaluate: evaluateJumpSlopeBarrier },
  'gradient-noise': { needs: gradientNoiseNeeds, evaluate: evaluateGradientNoise },
  'multiplicative-noise': { needs: multiplicativeNeeds, evaluate: evaluateMultiplicativeNoise },
  'escape-grows-with-beta': { needs: betaKineticNeeds, evaluate: evaluateEscapeTimeGrowsWithBeta },
  'deeper-longer-delays': { needs: depthKineticNeeds, evaluate: evaluateDeeperLongerDelays },
};
