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
import { evaluateArrheniusR2, evaluateBatchCollapse } from './arrhenius.ts';
import { evaluateEffectiveBarrier } from './effective-barrier.ts';
import {
  evaluateEq11Eq12Sign,
  evaluateKramersFactor,
  evaluateNoiseAcrossBarrier,
  evaluateTemperatureScale,
  evaluateTransverseCurvatures,
} from './kramers.ts';
import {
  evaluateCriticalBetaIndexing,
  evaluateParameterCount,
  evaluatePlacesAgree,
  evaluateRatioOfPrinted,
  evaluateRegulariserFactor,
  evaluateStepsPerEpoch,
} from './consistency.ts';
import { evaluatePhaseDiagramSweep } from './phase-diagram.ts';
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
  'arrhenius-r2': evaluateArrheniusR2,
  'batch-size-collapse': evaluateBatchCollapse,
  'transverse-curvatures': evaluateTransverseCurvatures,
  'noise-across-barrier': evaluateNoiseAcrossBarrier,
  'eq11-eq12-sign': evaluateEq11Eq12Sign,
  'temperature-scale': evaluateTemperatureScale,
  'kramers-langer': evaluateKramersFactor,
  'effective-barrier': evaluateEffectiveBarrier,
  'phase-diagram-sweep': evaluatePhaseDiagramSweep,
  'escape-time': evaluateEscapeTime,
  'escape-time-lower-bound': evaluateEscapeTimeLowerBound,
  'train-test-gap': evaluateTrainTestGap,
};
