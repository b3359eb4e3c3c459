// Fig. 1 against Fig. 2(b): the Arrhenius sweep starts from the same rank-1 trap at the same β and B as Fig. 1, at
// learning rates 16–160 times smaller. An epoch is N/B steps of size ηlr, so it covers ηlr·N/B of gradient-flow time;
// an escape that takes τ epochs at ηlr = 0.08 takes at least τ·0.08/ηlr epochs at a smaller ηlr, and longer still by
// Eq. 5, whose T_eff ∝ ηlr/B falls with ηlr (ΔE_eff > 0).
import type { Claim } from '../ledger.ts';
import type { Evaluation, Verdict } from '../verdict.ts';

import { COUNT, decimalListParam, decimalParam, integerParam } from '../common/params.ts';
import { finding } from '../finding.ts';

/** The fewest epochs an escape of `tau` epochs at `lr` takes at each of `sweep`: the same gradient-flow time. */
export function rescaledEscapeEpochs(tau: number, lr: number, sweep: readonly number[]): number[] {
  return sweep.map((x) => (tau * lr) / x);
}

export function evaluateSweepBudget(claim: Claim): Evaluation {
  const tau = decimalParam(claim, 'tau');
  const lr = decimalParam(claim, 'lr');
  const sweep = decimalListParam(claim, 'sweepLrs', 'positive');
  const budget = integerParam(claim, 'budgetEpochs', COUNT);
  const bounds = rescaledEscapeEpochs(Number(tau), Number(lr), sweep.map(Number));
  const shortest = Math.min(...bounds);
  const verdict: Verdict = shortest > budget ? 'inconsistent' : 'reproduced';
  const value = String(shortest / budget);
  return {
    verdict,
    value,
    readings: [{ label: 'as printed', value, verdict }],
    evidence: [
      finding('text.sweep-budget', { tau: Number(tau), lr: Number(lr), sweep: sweep.map(Number), bounds, shortestOverBudget: shortest / budget, budget }),
      finding('text.sweep-budget-bound', {}),
      finding('text.sweep-budget-value', {}),
    ],
    places: [
      'Section 3.1 (ii) and Appendix A: "τ ≈ 5500 epochs" at ηlr = 0.08, B = 64, runs of 2×10⁴ epochs from the rank-1 trap',
      'Section 3.3 and Appendix A (Arrhenius sweep): escape times measured "starting from the rank-1 trap initialisation above" at B = 64 and ηlr ∈ {5×10⁻⁴, …, 5×10⁻³}',
    ],
  };
}
