// Every pinned value and the one way of comparing with it: a value with its pin (compare.ts), a claim's outcome with
// its pin or with another audit's (outcome-changes.ts), as data that each caller words. Used by `npm test`'s gates,
// by `npm run reproduce` (a claim's drift from its pinned outcome), `metastable diff` and `npm run golden`. The only door.
export { movedBeyond, pinDifferences } from './compare.ts';
export { checkAgainstPin, driftFromPinned, pinApplies } from './claim-pins.ts';
export {
  PINNED_VALUE_TOLERANCE,
  changeSides,
  changeSubject,
  claimWidth,
  diffResults,
  formatChange,
  movesVerdict,
  outcomeChanges,
  snapshotOf,
  valueMoved,
} from './outcome-changes.ts';
export type { Change, ClaimDiff, RecordedClaim } from './outcome-changes.ts';
export type { ClaimResult } from './claim-pins.ts';
export {
  ANALYTIC_GOLDEN_PATH,
  ANALYTIC_GOLDEN_SCHEMA,
  GOLDEN_DIGITS,
  analyticDrift,
  computeAnalyticFloat64,
  computeAnalyticGolden,
  loadAnalyticGolden,
} from './analytic-golden.ts';
export type { AnalyticGolden, CriticalEntry, PointEntry } from './analytic-golden.ts';
export {
  TRAPPING_SMOKE_PATH,
  TRAPPING_SMOKE_SCHEMA,
  UPDATE_ALPHA,
  computeTrappingSmoke,
  smokeConsistency,
  trappingSmokeOf,
} from './trapping-smoke.ts';
export type { SmokeConsistency, SmokeGroup, TrappingSmoke } from './trapping-smoke.ts';
export {
  PHASE_DIAGRAM_SMOKE_PATH,
  PHASE_DIAGRAM_SMOKE_SCHEMA,
  computePhaseDiagramSmoke,
  loadPhaseDiagramSmoke,
  phaseDiagramSummary,
  writePhaseDiagramSmoke,
} from './phase-diagram-smoke.ts';
export type { PhaseDiagramSmoke, PinnedTransition } from './phase-diagram-smoke.ts';
