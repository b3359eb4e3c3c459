// The only door other stages use into the per-mode landscape (Section 2.1; Appendices C, D, E).
export { float64, decimalScalar, MIN_DECIMAL_DIGITS, MAX_DECIMAL_DIGITS, OutOfRangeError, type Scalar } from './scalar.ts';
export { CONVENTIONS, DEFAULT_CONVENTION, assertModeDomain, type Convention, type Mode, type ModeAt } from './mode.ts';
export { modeLoss, modeLossAboveZero, modeGradient, modeCurvature } from './loss.ts';
export { criticalBeta, criticalLambda, equalLossBeta, equalLossLambda } from './criticality.ts';
export { stationaryPoints, type StationaryPoints } from './stationary.ts';
export { modeBarriers, type Barriers } from './barrier.ts';
export { describeLandscape, globalPhase, type LandscapeSummary, type Phase } from './landscape.ts';
export { BracketError } from './root.ts';
