import { distinctRequests, type ExperimentRequest, type ExperimentResults } from '../experiments/index.ts';
import { EVALUATORS } from './evaluators.ts';
import type { Claim, Ledger } from './ledger.ts';
import { robustnessOf, type Robustness } from './robustness.ts';
import { NOT_EVALUATED, type Evaluation, type Outcome } from './verdict.ts';

/** A claim with its evaluation (null where no evaluator is named for it). */
export interface ClaimEvaluation {
  readonly claim: Claim;
  readonly outcome: Outcome;
  readonly evaluation: Evaluation | null;
  /** The verdict under every combination of readings the evaluation computed (null where not evaluated). */
  readonly robustness: Robustness | null;
}

/** The experiments a claim needs, as data (none for analytic and consistency claims). */
export function needsOf(claim: Claim): ExperimentRequest[] {
  return EVALUATORS[claim.evaluator]?.needs(claim) ?? [];
}

/** Every experiment the claims need, each once. */
export function experimentsNeeded(claims: readonly Claim[]): ExperimentRequest[] {
  return distinctRequests(claims.flatMap(needsOf));
}

/** A pure function of the claim and the experiments' results: never runs an experiment, never renders. */
export function evaluateClaim(claim: Claim, results: ExperimentResults): ClaimEvaluation {
  const evaluator = EVALUATORS[claim.evaluator];
  const evaluation = evaluator ? evaluator.evaluate(claim, results) : null;
  return { claim, outcome: evaluation?.verdict ?? NOT_EVALUATED, evaluation, robustness: evaluation ? robustnessOf(evaluation) : null };
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
