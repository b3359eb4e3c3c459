// Trapping in a metastable phase (Section 3.1, Fig. 1, Appendix A): escape times from the paper's checkpoints,
// the training curves' shapes, and whether the trap is invariant under SGD.
import type { EvaluatorTable } from '../evaluator.ts';
import { evaluateInitSensitivity, sensitivityNeeds } from './init-sensitivity.ts';
import { evaluatePremiseTrap, premiseTrapNeeds } from './premise-trap.ts';
import { evaluateEscapeTime, evaluateEscapeTimeLowerBound, evaluateTrainTestGap, trappingNeeds } from './escape-time.ts';
import { evaluateSettlesNearRank2 } from './best-fits.ts';
import { abruptNeeds, checkpointPhaseNeeds, coincideNeeds, denseGapNeeds, denseNeeds, evaluateAbruptEscape, evaluateBalance, evaluateBayesFloor, evaluateCannotCoincide, evaluateCheckpointPhase, evaluateDenseGap, evaluateDenseMonotone, evaluateRandomInitTrapping, evaluateSparsePlateauOrder, randomInitNeeds, sparseNeeds } from './curves.ts';

export const TRAPPING_EVALUATORS: EvaluatorTable = {
  'escape-time': { needs: trappingNeeds, evaluate: evaluateEscapeTime },
  'escape-time-lower-bound': { needs: trappingNeeds, evaluate: evaluateEscapeTimeLowerBound },
  'train-test-gap': { needs: trappingNeeds, evaluate: evaluateTrainTestGap },
  'random-init-trapping': { needs: randomInitNeeds, evaluate: evaluateRandomInitTrapping },
  'checkpoint-phase': { needs: checkpointPhaseNeeds, evaluate: evaluateCheckpointPhase },
  'init-sensitivity': { needs: sensitivityNeeds, evaluate: evaluateInitSensitivity },
  'sparse-plateau-order': { needs: sparseNeeds, evaluate: evaluateSparsePlateauOrder },
  'bayes-floor': { needs: sparseNeeds, evaluate: evaluateBayesFloor },
  'settles-near-rank2': { needs: sparseNeeds, evaluate: evaluateSettlesNearRank2 },
  'cannot-coincide': { needs: coincideNeeds, evaluate: evaluateCannotCoincide },
  'dense-monotone': { needs: denseNeeds, evaluate: evaluateDenseMonotone },
  'dense-gap': { needs: denseGapNeeds, evaluate: evaluateDenseGap },
  'balance': { needs: denseNeeds, evaluate: evaluateBalance },
  'abrupt-escape': { needs: abruptNeeds, evaluate: evaluateAbruptEscape },
  'premise-trap': { needs: premiseTrapNeeds, evaluate: evaluatePremiseTrap },
};
