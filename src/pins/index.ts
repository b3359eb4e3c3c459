// Every pinned value and the one way of comparing with it (compare.ts), used by `npm test`'s gates, by
// `npm run reproduce` (a claim's drift from its pinned outcome) and by `npm run golden`. The only door.
export { movedBeyond, pinDifferences } from './compare.ts';
export { PINNED_VALUE_TOLERANCE, checkAgainstPin, driftFromPinned, pinApplies, pinnedOutcomeOf, valueMoved } from './claim-pins.ts';
export { claimWidth, diffResults, formatChange, outcomeChanges, snapshotOf } from './outcome-changes.ts';
export type { Change, ClaimDiff, OutcomeSnapshot, RecordedClaim } from './outcome-changes.ts';
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
