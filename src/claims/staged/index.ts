// Staged transitions (Section 4.1): one mode after another as β is swept, and the plateaus of a staged escape.
import type { EvaluatorTable } from '../evaluator.ts';
import { evaluateStagedEscapeSequence, evaluateStagedPlateauOrder, evaluateStagedPlateauTiming, evaluateStagedRankDrops, stagedEscapeNeeds, stagedPlateausNeeds, stagedSweepsNeeds } from './staged.ts';

export const STAGED_EVALUATORS: EvaluatorTable = {
  'staged-rank-drops': { needs: stagedSweepsNeeds, evaluate: evaluateStagedRankDrops },
  'staged-plateau-order': { needs: stagedPlateausNeeds, evaluate: evaluateStagedPlateauOrder },
  'staged-plateau-timing': { needs: stagedPlateausNeeds, evaluate: evaluateStagedPlateauTiming },
  'staged-escape-sequence': { needs: stagedEscapeNeeds, evaluate: evaluateStagedEscapeSequence },
};
