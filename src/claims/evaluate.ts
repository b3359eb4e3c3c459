import { Decimal } from 'decimal.js';
import { EVALUATORS, type EvaluationContext } from './evaluators/index.ts';
import type { Claim, Ledger, PinnedOutcome } from './ledger.ts';
import { NOT_EVALUATED, type Evaluation, type Outcome } from './verdict.ts';

/** Relative movement of a pinned value that counts as a change (values are computed at 40 digits, pinned at 20). */
export const PINNED_VALUE_TOLERANCE = new Decimal('1e-12');

export interface ClaimResult {
  claim: Claim;
  outcome: Outcome;
  evaluation: Evaluation | null;
  /** Problems against the pinned outcome; empty when it matches (or when there is nothing to compare). */
  drift: string[];
  /** False where the pin does not apply: stochastic claims are pinned for the full profile only. */
  comparedToPin: boolean;
}

/** Whether a decimal value moved by more than PINNED_VALUE_TOLERANCE, relative (null equals only null). */
export function valueMoved(now: string | null, pinned: string | null): boolean {
  if (now === null || pinned === null) return now !== pinned;
  const a = new Decimal(now);
  const b = new Decimal(pinned);
  const scale = Decimal.max(a.abs(), b.abs());
  return !scale.isZero() && a.minus(b).abs().div(scale).gt(PINNED_VALUE_TOLERANCE);
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
export function pinApplies(claim: Claim, context: EvaluationContext): boolean {
  return claim.kind !== 'stochastic' || context.experiments.profile === 'full';
}

export async function evaluateClaim(claim: Claim, context: EvaluationContext): Promise<ClaimResult> {
  const evaluator = EVALUATORS[claim.evaluator];
  const evaluation = evaluator ? await evaluator(claim, context) : null;
  const comparedToPin = pinApplies(claim, context);
  return {
    claim,
    outcome: evaluation?.verdict ?? NOT_EVALUATED,
    evaluation,
    drift: comparedToPin ? driftFromPinned(claim, evaluation) : [],
    comparedToPin,
  };
}

/** Throws a RangeError naming the unknown ids, so `--only` typos do not pass as "nothing to check". */
export function selectClaims(ledger: Ledger, only: readonly string[] | undefined): Claim[] {
  if (!only || only.length === 0) return ledger.claims;
  const known = new Set(ledger.claims.map((c) => c.id));
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new RangeError(`unknown claim id(s): ${unknown.join(', ')} (see golden/claims.json)`);
  const wanted = new Set(only);
  return ledger.claims.filter((c) => wanted.has(c.id));
}

/** Evaluates claims in ledger order (experiments they share are computed once by the context's store). */
export async function evaluateClaims(
  claims: readonly Claim[],
  context: EvaluationContext,
  onProgress?: (done: number, total: number, id: string) => void,
): Promise<ClaimResult[]> {
  const results: ClaimResult[] = [];
  for (const [i, claim] of claims.entries()) {
    results.push(await evaluateClaim(claim, context));
    onProgress?.(i + 1, claims.length, claim.id);
  }
  return results;
}
