import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import type { Claim } from '../../../src/claims/ledger.ts';
import { NO_EXPERIMENTS } from '../without-experiments.ts';
import { claimOf as claim, variantOf as variant } from '../claim-of.ts';

const verdictOf = (c: Claim) => evaluateClaim(c, NO_EXPERIMENTS).evaluation!;

describe('branches of the landscape the analytic core decides', () => {
  it('counts 2^d − 1 metastable configurations: 3 for d = 2, and d = 1 agrees with "one per feature"', () => {
    expect(verdictOf(claim('metastable-state-count')).value).toBe('3');
    expect(verdictOf(claim('metastable-state-count')).verdict).toBe('deviates');
    const one = variant('metastable-state-count', { params: { etas: ['0.8'] }, paper: { quote: 'q', value: '1' } });
    expect(verdictOf(one).verdict).toBe('reproduced');
  });

  it('finds the rank-1 branch the global minimum below β*, a local minimum everywhere below βc', () => {
    const e = verdictOf(claim('rank1-branch-metastable-below-beta-c'));
    expect(e.verdict).toBe('deviates');
    expect(e.readings.find((r) => r.label === 'Eq. 2, metastable = locally stable')!.verdict).toBe('reproduced');
    expect(Number(e.value)).toBeCloseTo(0.29472, 4);
  });

  it('ends the positive root of L = 2 at β = η; below it the root is unique', () => {
    expect(verdictOf(claim('depth-two-unique-root')).verdict).toBe('deviates');
    expect(verdictOf(variant('depth-two-unique-root', { params: { betaOverEta: ['0.1', '0.5', '0.99'] } })).verdict).toBe('reproduced');
  });
});
