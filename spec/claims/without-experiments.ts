import { describeTolerance, evaluateClaim, needsOf, type Claim } from '../../src/claims/index.ts';
import type { ExperimentResults } from '../../src/experiments/index.ts';
import { checkAgainstPin, type ClaimResult } from '../../src/pins/index.ts';
import { recordedResults } from '../fixtures/recorded.ts';

/** Results for claims that read no experiment: any read is a defect and throws. */
export const NO_EXPERIMENTS: ExperimentResults = new Proxy({ profile: 'full' } as ExperimentResults, {
  get: (target, key) => (key === 'profile' ? target.profile : () => { throw new Error(`read experiment ${String(key)}`); }),
});

/**
 * Claims that are not stochastic, evaluated and held against their pins as the pipeline does: those that read no
 * experiment with none at all, the rest (Appendix F's deterministic analysis) from the recorded results.
 */
export function evaluatedNonStochastic(claims: readonly Claim[]): ClaimResult[] {
  return claims.map((c) => checkAgainstPin(evaluateClaim(c, needsOf(c).length === 0 ? NO_EXPERIMENTS : recordedResults()), 'full'));
}

/** Each claim's tolerance in words, as the evaluate stage hands them to the report. */
export function tolerancesOf(results: readonly ClaimResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.claim.id, describeTolerance(r.claim.tolerance, r.claim.paper.value)]));
}
