import { describe, expect, it } from 'vitest';
import { evaluateSweepBudget, rescaledEscapeEpochs } from '../../../src/claims/text/sweep-budget.ts';
import { claimOf as claim, variantOf as variant } from '../claim-of.ts';

describe('fig1-sweep-epoch-budget: τ ≈ 5500 epochs at ηlr = 0.08 carried to the sweep\'s learning rates', () => {
  it('needs at least 8.8×10⁴ … 8.8×10⁵ epochs, 4.4 times the 2×10⁴-epoch budget at the largest rate: inconsistent', () => {
    expect(rescaledEscapeEpochs(5500, 0.08, [0.005, 0.0005]).map((x) => Math.round(x))).toEqual([88_000, 880_000]);
    const e = evaluateSweepBudget(claim('fig1-sweep-epoch-budget'));
    expect(e.verdict).toBe('inconsistent');
    expect(Number(e.value)).toBeCloseTo(4.4, 12);
    expect(e.places).toHaveLength(2);
  });

  it('is consistent with a budget past the longest bound', () => {
    expect(evaluateSweepBudget(variant('fig1-sweep-epoch-budget', { params: { budgetEpochs: 1_000_000 } })).verdict).toBe('reproduced');
  });
});
