// The only door other stages use into the statistics of escape times (censoring-aware estimates and tests).
export { countEscapes, escapeTimes, type EscapeRun } from './runs.ts';
export { FirstCrossing } from './first-crossing.ts';
export { NOT_TRAPPED, escapeSample, escapes, exposure, runsOf } from './escape-sample.ts';
export type { EscapeOutcome, EscapeSample, SetAside } from './escape-sample.ts';
export {
  fitExponential,
  escapeCountTest,
  likelihoodRatioMeanTest,
  escapeDesign,
  decideMeanTime,
  type MeanTimeDecision,
  type ExponentialFit,
  type MeanInterval,
  type TestDecision,
  type EscapeCountTest,
  type LikelihoodRatioTest,
  type EscapeDesign,
} from './exponential.ts';
export {
  kaplanMeier,
  survivalAt,
  restrictedMean,
  type KaplanMeier,
  type SurvivalStep,
  type MedianEscape,
  type RestrictedMean,
} from './survival.ts';
export {
  fitLine,
  compareLineModels,
  type Interval,
  type LineEstimate,
  type LineFit,
  type LineFitOptions,
  type ModelCandidate,
  type RankedModel,
  type ModelComparison,
} from './regression.ts';
export { bootstrapInterval, type BootstrapOptions, type BootstrapInterval } from './bootstrap.ts';
export {
  DEFAULT_ALPHA,
  REPRODUCE_ALPHA,
  decideAgainstClaim,
  seedsToResolve,
  familyFalseFailureRate,
  perCheckAlpha,
  type StatisticalVerdict,
  type ClaimBand,
  type IntervalEstimate,
  type DecisionOptions,
  type Discrepancy,
  describeDiscrepancy,
  type StatisticalDecision,
  type WouldDecide,
  type DecisionGrounds,
} from './decision.ts';
export { SHAPE_TEST_MIN_DISTINCT, SHAPE_TEST_MIN_ESCAPES, distinctEscapeTimes, exponentialShapeTest, dkwHalfWidth, shapeTestable, type ExponentialShapeTest, type ShapeTestOptions } from './exponential-shape.ts';
export { fitEscapeRateLine, compareEscapeRateModels, type EscapeGroup, type EscapeRateFit } from './escape-rate-regression.ts';
export { chiSquareUpperTail, standardNormalCdf } from './distributions.ts';
export { tIntervalOfMean, type MeanWithInterval } from './mean-interval.ts';
export { medianInterval, type MedianWithInterval } from './median-interval.ts';
export {
  calibrateRule,
  verdictRates,
  TARGET_POWER,
  type RuleCalibration,
  type RuleTrial,
  type CalibrationSpec,
} from './calibration.ts';
export {
  mcnemarExact,
  proportionInterval,
  slopeRelativeErrorFromR2,
  tAlphaForHalfWidth,
  tIntervalFromSummary,
  type ProportionInterval,
} from './proportion.ts';
export { twoSidedNormalCritical, twoSidedTCritical } from './distributions.ts';
export { rankShift, type RankShift } from './rank-shift.ts';
