// The paper's own text and printed numbers: statements its places decide against each other
// (inconsistent when they disagree), with no experiment.
import { computed, type EvaluatorTable } from '../evaluator.ts';
import { evaluateCriticalBetaIndexing, evaluateParameterCount, evaluatePlacesAgree, evaluateRatioOfPrinted, evaluateRegulariserFactor, evaluateStepsPerEpoch } from './consistency.ts';
import { evaluateSweepBudget } from './sweep-budget.ts';
import { evaluateCitedSupport, evaluateInitNotation, evaluateOrdersOfMagnitude, evaluateSlopeErrorFromR2, evaluateTimeUnit } from './statements.ts';

export const TEXT_EVALUATORS: EvaluatorTable = {
  'regulariser-factor': computed(evaluateRegulariserFactor),
  'parameter-count': computed(evaluateParameterCount),
  'places-agree': computed(evaluatePlacesAgree),
  'critical-beta-indexing': computed(evaluateCriticalBetaIndexing),
  'steps-per-epoch': computed(evaluateStepsPerEpoch),
  'ratio-of-printed': computed(evaluateRatioOfPrinted),
  'time-unit': computed(evaluateTimeUnit),
  'slope-error-from-r2': computed(evaluateSlopeErrorFromR2),
  'orders-of-magnitude': computed(evaluateOrdersOfMagnitude),
  'cited-support': computed(evaluateCitedSupport),
  'init-notation': computed(evaluateInitNotation),
  'sweep-budget': computed(evaluateSweepBudget),
};
