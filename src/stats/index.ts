// The only door other stages use into the statistics of escape times (censoring-aware estimates and tests).
export { type EscapeRun } from './runs.ts';
export {
  fitExponential,
  escapeCountTest,
  likelihoodRatioMeanTest,
  exponentialShapeTest,
  dkwHalfWidth,
  escapeDesign,
  type ExponentialFit,
  type MeanInterval,
  type TestDecision,
  type EscapeCountTest,
  type LikelihoodRatioTest,
  type ExponentialShapeTest,
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
  type LineFit,
  type LineFitOptions,
  type ModelCandidate,
  type RankedModel,
  type ModelComparison,
} from './regression.ts';
export { bootstrapInterval, type BootstrapOptions, type BootstrapInterval } from './bootstrap.ts';
