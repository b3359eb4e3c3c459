// The evaluate stage: the claims ledger (golden/claims.json), evaluators as pure functions of experiment results,
// verdicts, and the figures as data. The only door other stages use.
export { CLAIM_GROUPS, CLAIMS_PATH, CLAIMS_SCHEMA, parseLedger } from './ledger.ts';
export { checkLedger, loadLedger } from './ledger-check.ts';
export type { Claim, ClaimGroup, ClaimKind, Ledger, PinnedOutcome } from './ledger.ts';
export { THESIS_PATH, checkThesis, judgePart, judgeThesis, loadThesis } from './thesis.ts';
export type { Thesis, ThesisDefinition, ThesisPart, ThesisSupport, ThesisVerdict } from './thesis.ts';
export { evaluateClaim, experimentsNeeded, needsOf, selectClaims } from './evaluate.ts';
export type { ClaimEvaluation } from './evaluate.ts';
export { EVALUATORS } from './evaluators.ts';
export type { Evaluator } from './evaluators.ts';
export { NOT_EVALUATED, VERDICTS } from './verdict.ts';
export { DIMENSIONS, placeReading, robustnessOf } from './robustness.ts';
export { robustnessFigure } from './robustness-figure.ts';
export type { Dimension, PlacedReading, Robustness } from './robustness.ts';
export type { Evaluation, EvidenceFigure, Outcome, PerSeedSeries, Reading, RuleCalibration, Verdict } from './verdict.ts';
export { compareToPrinted, describeTolerance, halfUnitOfLastDigit, toleranceWidth } from './tolerance.ts';
export type { NumericComparison, ToleranceRule } from './tolerance.ts';
export { analyticFigures, reportFigures } from './figures.ts';
export { FIGURE_IDS, isFigureId } from './figure-ids.ts';
export type { FigureId } from './figure-ids.ts';
export { escapeStatistics } from './common/escape-statistics.ts';
export type { EscapeStatistics } from './common/escape-statistics.ts';
