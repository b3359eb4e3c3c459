import type { Claim, ClaimEvaluation, Evaluation } from '../claims/index.ts';
import type { Profile } from '../protocols/index.ts';
import { claimWidth, outcomeChanges, snapshotOf, type Change } from './outcome-changes.ts';

/**
 * What moved between the pinned outcome and an evaluation (DESIGN.md: no change may silently move a verdict), as
 * data: outcomeChanges, pinned before, evaluated after (null where the claim was not evaluated or nothing is pinned).
 */
export function driftFromPinned(claim: Claim, evaluation: Evaluation | null): Change[] {
  return outcomeChanges(claim.pinned, evaluation === null ? null : snapshotOf(evaluation), claimWidth(claim));
}

/** Stochastic outcomes are pinned for the paper's protocol as written (the full profile) only. */
export function pinApplies(claim: Claim, profile: Profile): boolean {
  return claim.kind !== 'stochastic' || profile === 'full';
}

/** An evaluated claim held against its pin. */
export interface ClaimResult extends ClaimEvaluation {
  /** What moved from the pinned outcome; empty when it matches (or when there is nothing to compare). */
  readonly drift: readonly Change[];
  /** False where the pin does not apply: stochastic claims are pinned for the full profile only. */
  readonly comparedToPin: boolean;
}

export function checkAgainstPin(evaluated: ClaimEvaluation, profile: Profile): ClaimResult {
  const comparedToPin = pinApplies(evaluated.claim, profile);
  return { ...evaluated, drift: comparedToPin ? driftFromPinned(evaluated.claim, evaluated.evaluation) : [], comparedToPin };
}
