import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger, type Claim } from '../../../src/claims/ledger.ts';
import { NO_EXPERIMENTS } from '../without-experiments.ts';
import { recordedResults } from '../../fixtures/recorded.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;
const variant = (id: string, change: Partial<Claim> & { params?: Record<string, unknown> }): Claim => {
  const c = claim(id);
  return { ...c, ...change, params: { ...c.params, ...(change.params ?? {}) } };
};
const verdictOf = (c: Claim) => evaluateClaim(c, NO_EXPERIMENTS).evaluation!;

describe('coverage claims the analytic core decides', () => {
  it('counts 2^d − 1 metastable configurations: 3 for d = 2, and d = 1 agrees with "one per feature"', () => {
    expect(verdictOf(claim('metastable-state-count')).value).toBe('3');
    expect(verdictOf(claim('metastable-state-count')).verdict).toBe('deviates');
    const one = variant('metastable-state-count', { params: { etas: ['0.8'] }, paper: { quote: 'q', value: '1' } });
    expect(verdictOf(one).verdict).toBe('reproduced');
  });

  it('finds the rank-1 branch the global minimum below β*, a local minimum everywhere below βc', () => {
    const e = verdictOf(claim('rank1-branch-metastable-below-beta-c'));
    expect(e.verdict).toBe('deviates');
    expect(e.readings.find((r) => r.label === 'eq2, metastable = locally stable')!.verdict).toBe('reproduced');
    expect(Number(e.value)).toBeCloseTo(0.29472, 4);
  });

  it('ends the positive root of L = 2 at β = η; below it the root is unique', () => {
    expect(verdictOf(claim('depth-two-unique-root')).verdict).toBe('deviates');
    expect(verdictOf(variant('depth-two-unique-root', { params: { betaOverEta: ['0.1', '0.5', '0.99'] } })).verdict).toBe('reproduced');
  });

  it('reads the kinetic halves on the paper\'s SGD (not reproducible as specified), with the analytic halves beside them', () => {
    for (const id of ['escape-time-grows-with-beta', 'deeper-networks-longer-delays']) {
      const e = evaluateClaim(claim(id), recordedResults()).evaluation!;
      expect(e.verdict).toBe('deviates');
      expect(e.notReproducible).toMatch(/no budget and no seed count produces the escape times/);
      expect(e.readings.filter((r) => r.label.startsWith('analytic half')).every((r) => r.verdict === 'reproduced')).toBe(true);
    }
  });
});

describe('coverage claims the paper\'s own text decides', () => {
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
