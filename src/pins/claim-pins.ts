import { Decimal } from 'decimal.js';
import type { Claim, ClaimEvaluation, Evaluation, PinnedOutcome } from '../claims/index.ts';
import type { Profile } from '../protocols/index.ts';
import { movedBeyond } from './compare.ts';

/** Relative movement of a pinned value that counts as a change (values are computed at 40 digits, pinned at 20). */
export const PINNED_VALUE_TOLERANCE = new Decimal('1e-12');

/** Whether a decimal value moved by more than PINNED_VALUE_TOLERANCE, relative (null equals only null). */
export function valueMoved(now: string | null, pinned: string | null): boolean {
  if (now === null || pinned === null) return now !== pinned;
  return movedBeyond(now, pinned, PINNED_VALUE_TOLERANCE);
}

/** What differs between an evaluation and the pinned outcome (DESIGN.md: no change may silently move a verdict). */
export function driftFromPinned(claim: Claim, evaluation: Evaluation | null): string[] {
  const pinned = claim.pinned;
  if (evaluation === null) return pinned === null ? [] : [`pinned ${pinned.verdict} but the claim was not evaluated`];
  if (pinned === null) return [`evaluated as ${evaluation.verdict} but nothing is pinned (run: npm run golden)`];
  const drift: string[] = [];
  if (evaluation.verdict !== pinned.verdict) drift.push(`verdict ${evaluation.verdict}, pinned ${pinned.verdict}`);
  if (valueMoved(evaluation.value, pinned.value)) drift.push(`value ${evaluation.value}, pinned ${pinned.value}`);
  for (const reading of evaluation.readings) {
    const p = pinned.readings[reading.label];
    if (!p) drift.push(`reading ${reading.label} is not pinned`);
    else {
      if (p.verdict !== reading.verdict) drift.push(`${reading.label}: verdict ${reading.verdict}, pinned ${p.verdict}`);
      if (valueMoved(reading.value, p.value)) drift.push(`${reading.label}: value ${reading.value}, pinned ${p.value}`);
    }
  }
  return drift;
}

export function pinnedOutcomeOf(evaluation: Evaluation): PinnedOutcome {
  return {
    verdict: evaluation.verdict,
    value: evaluation.value,
    readings: Object.fromEntries(evaluation.readings.map((r) => [r.label, { verdict: r.verdict, value: r.value }])),
  };
}

/** Stochastic outcomes are pinned for the paper's protocol as written (the full profile) only. */
export function pinApplies(claim: Claim, profile: Profile): boolean {
  return claim.kind !== 'stochastic' || profile === 'full';
}

/** An evaluated claim held against its pin. */
export interface ClaimResult extends ClaimEvaluation {
  /** Problems against the pinned outcome; empty when it matches (or when there is nothing to compare). */
  readonly drift: string[];
  /** False where the pin does not apply: stochastic claims are pinned for the full profile only. */
  readonly comparedToPin: boolean;
}

export function checkAgainstPin(evaluated: ClaimEvaluation, profile: Profile): ClaimResult {
  const comparedToPin = pinApplies(evaluated.claim, profile);
  return { ...evaluated, drift: comparedToPin ? driftFromPinned(evaluated.claim, evaluated.evaluation) : [], comparedToPin };
}
