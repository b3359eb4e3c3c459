import type { ExperimentRequest, ExperimentResults } from '../../experiments/index.ts';
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
import { arrheniusNeeds, evaluateArrheniusR2, evaluateBatchCollapse } from './arrhenius.ts';
import { effectiveBarrierNeeds, evaluateEffectiveBarrier } from './effective-barrier.ts';
import {
  evaluateEq11Eq12Sign,
  evaluateKramersFactor,
  kramersNeeds,
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
import {
  evaluateJumpKinetics,
  evaluateJumpMemoryless,
  evaluateJumpSlopeBarrier,
  evaluateReferenceConsistency,
  oneWayJumpsNeeds,
  referenceConsistencyNeeds,
} from './one-way-jumps.ts';
import { evaluatePhaseDiagramSweep, phaseDiagramNeeds } from './phase-diagram.ts';
import {
  depthControlNeeds,
  evaluateDepthControl,
  evaluateModeControl,
  evaluateNetworkControl,
  evaluateUndertrained,
  modeControlNeeds,
  networkControlNeeds,
  undertrainedNeeds,
} from './escape-controls.ts';
import { evaluateEscapeTime, evaluateEscapeTimeLowerBound, evaluateTrainTestGap, trappingNeeds } from './stochastic-trapping.ts';

/**
 * An evaluator: what the claim needs (experiments as data, for the plan; none for analytic and consistency claims)
 * and a pure function from the claim and the experiments' results to its evaluation. It never starts a run and never
 * renders.
 */
export interface Evaluator {
  needs(claim: Claim): ExperimentRequest[];
  evaluate(claim: Claim, results: ExperimentResults): Evaluation;
}

const none = (): ExperimentRequest[] => [];

/** An evaluator that reads no experiment (the analytic core, or the paper's own text). */
function computed(evaluate: (claim: Claim) => Evaluation): Evaluator {
  return { needs: none, evaluate };
}

/** Evaluators by the name a claim gives in `evaluator`. A claim naming one not here is listed as not evaluated. */
export const EVALUATORS: Readonly<Record<string, Evaluator>> = {
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
  'regulariser-factor': computed(evaluateRegulariserFactor),
  'parameter-count': computed(evaluateParameterCount),
  'places-agree': computed(evaluatePlacesAgree),
  'critical-beta-indexing': computed(evaluateCriticalBetaIndexing),
  'steps-per-epoch': computed(evaluateStepsPerEpoch),
  'ratio-of-printed': computed(evaluateRatioOfPrinted),
  'arrhenius-r2': { needs: arrheniusNeeds, evaluate: evaluateArrheniusR2 },
  'batch-size-collapse': { needs: arrheniusNeeds, evaluate: evaluateBatchCollapse },
  'transverse-curvatures': { needs: kramersNeeds, evaluate: evaluateTransverseCurvatures },
  'noise-across-barrier': { needs: kramersNeeds, evaluate: evaluateNoiseAcrossBarrier },
  'eq11-eq12-sign': { needs: kramersNeeds, evaluate: evaluateEq11Eq12Sign },
  'temperature-scale': { needs: kramersNeeds, evaluate: evaluateTemperatureScale },
  'kramers-langer': { needs: kramersNeeds, evaluate: evaluateKramersFactor },
  'effective-barrier': { needs: effectiveBarrierNeeds, evaluate: evaluateEffectiveBarrier },
  'phase-diagram-sweep': { needs: phaseDiagramNeeds, evaluate: evaluatePhaseDiagramSweep },
  'escape-time': { needs: trappingNeeds, evaluate: evaluateEscapeTime },
  'escape-time-lower-bound': { needs: trappingNeeds, evaluate: evaluateEscapeTimeLowerBound },
  'train-test-gap': { needs: trappingNeeds, evaluate: evaluateTrainTestGap },
  'reference-18-consistency': { needs: referenceConsistencyNeeds, evaluate: evaluateReferenceConsistency },
  'jump-memoryless': { needs: oneWayJumpsNeeds, evaluate: evaluateJumpMemoryless },
  'jump-kinetics': { needs: oneWayJumpsNeeds, evaluate: evaluateJumpKinetics },
  'jump-slope-barrier': { needs: oneWayJumpsNeeds, evaluate: evaluateJumpSlopeBarrier },
  'control-one-mode': { needs: modeControlNeeds, evaluate: evaluateModeControl },
  'control-network-barrier': { needs: networkControlNeeds, evaluate: evaluateNetworkControl },
  'control-depth': { needs: depthControlNeeds, evaluate: evaluateDepthControl },
  'undertrained-escape-law': { needs: undertrainedNeeds, evaluate: evaluateUndertrained },
};
