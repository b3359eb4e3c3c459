// The loss landscape of Sections 2.1 and 4.1 and Appendices C–E, from the analytic core: critical β,
// saddles, barriers, branches and their dependence on depth, with the figures that draw them (Figs. 2(a), 4).
import { computed, type EvaluatorTable } from '../evaluator.ts';
import { evaluateBarrierFromZero, evaluateBarrierMonotone, evaluateCriticalBeta, evaluateCriticalBetaOrdering, evaluateDepthBarrier, evaluateDepthCriticalBeta, evaluateDepthTwoContinuous, evaluateEq3FromEq2, evaluateHysteresisWindow, evaluatePhaseStructure, evaluateSaddleLambda } from './transitions.ts';
import { evaluateBarrierOrder, evaluateSaddleBarrier, evaluateSparseBarrier, saddleBarrierNeeds } from './escape-barriers.ts';
import { evaluateDepthTwoRoot, evaluateMetastableCount, evaluateUpperBranchMetastable } from './branches.ts';

export const LANDSCAPE_EVALUATORS: EvaluatorTable = {
  'critical-beta': computed(evaluateCriticalBeta),
  'saddle-lambda': computed(evaluateSaddleLambda),
  'barrier-from-zero': computed(evaluateBarrierFromZero),
  'phase-structure': computed(evaluatePhaseStructure),
  'hysteresis-window': computed(evaluateHysteresisWindow),
  'depth-two-continuous': computed(evaluateDepthTwoContinuous),
  'barrier-monotone': computed(evaluateBarrierMonotone),
  'critical-beta-ordering': computed(evaluateCriticalBetaOrdering),
  'depth-critical-beta': computed(evaluateDepthCriticalBeta),
  'depth-barrier': computed(evaluateDepthBarrier),
  'eq3-from-eq2': computed(evaluateEq3FromEq2),
  'metastable-count': computed(evaluateMetastableCount),
  'upper-branch': computed(evaluateUpperBranchMetastable),
  'depth-two-root': computed(evaluateDepthTwoRoot),
  'saddle-barrier': { needs: saddleBarrierNeeds, evaluate: evaluateSaddleBarrier },
  'sparse-barrier': computed(evaluateSparseBarrier),
  'barrier-order': computed(evaluateBarrierOrder),
};
