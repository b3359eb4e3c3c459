import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import type { Claim } from '../../../src/claims/ledger.ts';
import { NO_EXPERIMENTS } from '../without-experiments.ts';
import { claimOf as claim, variantOf as variant } from '../claim-of.ts';

const verdictOf = (c: Claim) => evaluateClaim(c, NO_EXPERIMENTS).evaluation!;

describe('statements the paper\'s own text decides', () => {
  it('time unit: inconsistent across a learning-rate sweep, consistent for one rate and one batch', () => {
    expect(verdictOf(claim('sweep-time-unit')).verdict).toBe('inconsistent');
    expect(Number(verdictOf(claim('sweep-time-unit')).value)).toBeCloseTo(Math.log(10), 10);
    expect(verdictOf(variant('sweep-time-unit', { params: { lrs: ['0.002'], batches: [64] } })).verdict).toBe('reproduced');
  });

  it('slope error: 5.5 % implied against 33 % stated; a ± the fit implies agrees', () => {
    const e = verdictOf(claim('slope-error-from-r2'));
    expect(e.verdict).toBe('inconsistent');
    expect(Number(e.value)).toBeCloseTo(0.15 * 0.05502, 5);
    expect(verdictOf(variant('slope-error-from-r2', { paper: { quote: 'q', value: '0.008' } })).verdict).toBe('reproduced');
  });

  it('orders of magnitude: 10 to 10 000 is three; 10 to 1000 would be two', () => {
    expect(verdictOf(claim('two-orders-of-magnitude')).verdict).toBe('inconsistent');
    expect(verdictOf(variant('two-orders-of-magnitude', { params: { slowest: '1000' } })).verdict).toBe('reproduced');
  });

  it('App. G and the initialisation notation: inconsistent as printed, consistent where the places agree', () => {
    expect(verdictOf(claim('appendix-g-nonlinear')).verdict).toBe('inconsistent');
    expect(verdictOf(variant('appendix-g-nonlinear', { params: { shown: ['saddle-node bifurcations', 'coexisting phases', 'Arrhenius escape'] } })).verdict).toBe('reproduced');
    expect(verdictOf(claim('init-scale-notation')).verdict).toBe('inconsistent');
    expect(verdictOf(variant('init-scale-notation', { params: { width: 1 } })).verdict).toBe('reproduced');
  });
});
