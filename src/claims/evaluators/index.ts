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
import { evaluateNonlinearEscape, evaluateNonlinearHysteresis, evaluateNonlinearNoiseOffLowRank, nonlinearNeeds } from './nonlinear.ts';
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
import { evaluateDepthTwoRoot, evaluateMetastableCount, evaluateUpperBranchMetastable } from './coverage-analytic.ts';
import { evaluateCitedSupport, evaluateInitNotation, evaluateOrdersOfMagnitude, evaluateSlopeErrorFromR2, evaluateTimeUnit } from './coverage-consistency.ts';
import {
  abruptNeeds,
  checkpointPhaseNeeds,
  coincideNeeds,
  denseGapNeeds,
  denseNeeds,
  evaluateAbruptEscape,
  evaluateBalance,
  evaluateBayesFloor,
  evaluateCannotCoincide,
  evaluateCheckpointPhase,
  evaluateDenseGap,
  evaluateDenseMonotone,
  evaluateInitSensitivity,
  evaluateRandomInitTrapping,
  evaluateSparsePlateauOrder,
  randomInitNeeds,
  sensitivityNeeds,
  sparseNeeds,
} from './coverage-runs.ts';
import {
  evaluateDeeperLongerDelays,
  evaluateEscapeTimeGrowsWithBeta,
  evaluateGradientNoise,
  evaluateMultiplicativeNoise,
  evaluateOutputBias,
  betaKineticNeeds,
  depthKineticNeeds,
  gradientNoiseNeeds,
  multiplicativeNeeds,
  outputBiasNeeds,
} from './coverage-noise.ts';
import {
  evaluateStagedEscapeSequence,
  evaluateStagedPlateauOrder,
  evaluateStagedPlateauTiming,
  evaluateStagedRankDrops,
  stagedEscapeNeeds,
  stagedPlateausNeeds,
  stagedSweepsNeeds,
} from './staged.ts';
import { evaluateSgdNoiseAddsToT, sgdNoiseNeeds } from './sgld-sweeps.ts';

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
  'coverage-metastable-count': computed(evaluateMetastableCount),
  'coverage-upper-branch': computed(evaluateUpperBranchMetastable),
  'coverage-depth-two-root': computed(evaluateDepthTwoRoot),
  'coverage-time-unit': computed(evaluateTimeUnit),
  'coverage-slope-error-from-r2': computed(evaluateSlopeErrorFromR2),
  'coverage-orders-of-magnitude': computed(evaluateOrdersOfMagnitude),
  'coverage-cited-support': computed(evaluateCitedSupport),
  'coverage-init-notation': computed(evaluateInitNotation),
  'coverage-escape-grows-with-beta': { needs: betaKineticNeeds, evaluate: evaluateEscapeTimeGrowsWithBeta },
  'coverage-deeper-longer-delays': { needs: depthKineticNeeds, evaluate: evaluateDeeperLongerDelays },
  'coverage-random-init-trapping': { needs: randomInitNeeds, evaluate: evaluateRandomInitTrapping },
  'coverage-checkpoint-phase': { needs: checkpointPhaseNeeds, evaluate: evaluateCheckpointPhase },
  'coverage-init-sensitivity': { needs: sensitivityNeeds, evaluate: evaluateInitSensitivity },
  'coverage-sparse-plateau-order': { needs: sparseNeeds, evaluate: evaluateSparsePlateauOrder },
  'coverage-bayes-floor': { needs: sparseNeeds, evaluate: evaluateBayesFloor },
  'coverage-cannot-coincide': { needs: coincideNeeds, evaluate: evaluateCannotCoincide },
  'coverage-dense-monotone': { needs: denseNeeds, evaluate: evaluateDenseMonotone },
  'coverage-dense-gap': { needs: denseGapNeeds, evaluate: evaluateDenseGap },
  'coverage-balance': { needs: denseNeeds, evaluate: evaluateBalance },
  'coverage-abrupt-escape': { needs: abruptNeeds, evaluate: evaluateAbruptEscape },
  'coverage-gradient-noise': { needs: gradientNoiseNeeds, evaluate: evaluateGradientNoise },
  'coverage-output-bias': { needs: outputBiasNeeds, evaluate: evaluateOutputBias },
  'coverage-multiplicative-noise': { needs: multiplicativeNeeds, evaluate: evaluateMultiplicativeNoise },
  'staged-rank-drops': { needs: stagedSweepsNeeds, evaluate: evaluateStagedRankDrops },
  'staged-plateau-order': { needs: stagedPlateausNeeds, evaluate: evaluateStagedPlateauOrder },
  'staged-plateau-timing': { needs: stagedPlateausNeeds, evaluate: evaluateStagedPlateauTiming },
  'staged-escape-sequence': { needs: stagedEscapeNeeds, evaluate: evaluateStagedEscapeSequence },
  'nonlinear-hysteresis': { needs: nonlinearNeeds, evaluate: evaluateNonlinearHysteresis },
  'nonlinear-noise-off-low-rank': { needs: nonlinearNeeds, evaluate: evaluateNonlinearNoiseOffLowRank },
  'nonlinear-escape': { needs: nonlinearNeeds, evaluate: evaluateNonlinearEscape },
  'sgld-noise-adds-to-temperature': { needs: sgdNoiseNeeds, evaluate: evaluateSgdNoiseAddsToT },
};
