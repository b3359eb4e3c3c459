import type { ExperimentStore } from '../../experiments/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation } from '../verdict.ts';
import {
  evaluateBarrierFromZero,
  evaluateBarrierMonotone,
  evaluateCriticalBeta,
  evaluateCriticalBetaOrdering,
  evaluateDepthBarrier,
  evaluateDepthCriticalBeta,
  evaluateDepthTwoContinuous,
  evaluateEq3FromEq2,
  evaluateHysteresisWindow,
  evaluatePhaseStructure,
  evaluateSaddleLambda,
} from './analytic.ts';
import {
  evaluateCriticalBetaIndexing,
  evaluateParameterCount,
  evaluatePlacesAgree,
  evaluateRatioOfPrinted,
  evaluateRegulariserFactor,
  evaluateStepsPerEpoch,
} from './consistency.ts';
import { evaluateEscapeTime, evaluateEscapeTimeLowerBound, evaluateTrainTestGap } from './stochastic-trapping.ts';

/** What a stochastic evaluator may use: the experiments of this run, computed once and shared. */
export interface EvaluationContext {
  readonly experiments: ExperimentStore;
}

export type Evaluator = (claim: Claim, context: EvaluationContext) => Evaluation | Promise<Evaluation>;

/** Evaluators by the name a claim gives in `evaluator`. A claim naming one not here is listed as not evaluated. */
export const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  'critical-beta': evaluateCriticalBeta,
  'saddle-lambda': evaluateSaddleLambda,
  'barrier-from-zero': evaluateBarrierFromZero,
  'phase-structure': evaluatePhaseStructure,
  'hysteresis-window': evaluateHysteresisWindow,
  'depth-two-continuous': evaluateDepthTwoContinuous,
  'barrier-monotone': evaluateBarrierMonotone,
  'critical-beta-ordering': evaluateCriticalBetaOrdering,
  'depth-critical-beta': evaluateDepthCriticalBeta,
  'depth-barrier': evaluateDepthBarrier,
  'eq3-from-eq2': evaluateEq3FromEq2,
  'regulariser-factor': evaluateRegulariserFactor,
  'parameter-count': evaluateParameterCount,
  'places-agree': evaluatePlacesAgree,
  'critical-beta-indexing': evaluateCriticalBetaIndexing,
  'steps-per-epoch': evaluateStepsPerEpoch,
  'ratio-of-printed': evaluateRatioOfPrinted,
  'escape-time': evaluateEscapeTime,
  'escape-time-lower-bound': evaluateEscapeTimeLowerBound,
  'train-test-gap': evaluateTrainTestGap,
};
