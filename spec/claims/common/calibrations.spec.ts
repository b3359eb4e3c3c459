// Calibration of every statistical decision rule at the full profile's seed count and budget (50 trapped runs,
// 2×10⁴ epochs; 1200 data sets for the phase diagram): each can return each of its verdicts, its size stays ≤ α,
// and its stated figures are what the report prints.
import { describe, expect, it } from 'vitest';
import { decideLowerBound, decideWithinBudget } from '../../../src/claims/trapping/escape-time.ts';
import { lowerBoundCalibration, meanIntervalCalibration, meanTimeCalibration } from '../../../src/claims/common/calibrations.ts';
import { DEFAULT_ALPHA, REPRODUCE_ALPHA, decideMeanTime, verdictRates, type EscapeRun } from '../../../src/stats/index.ts';
import { wouldDecideWords } from '../../../src/report/words/common.ts';

const SEEDS = 50;
const BUDGET = 20_000;
const TAU = { value: 5500, tolerance: 50, printed: '5500' };
const FACTOR2 = { scale: 'factor', size: 2 } as const;

const escapes = (times: number[]): EscapeRun[] => times.map((t) => (t <= BUDGET ? { time: t, escaped: true } : { time: BUDGET, escaped: false }));
const constant = (n: number, t: number): EscapeRun[] => escapes(Array.from({ length: n }, () => t));

describe('the mean-escape-time rule (×2; reproduced at its own level 0.05) at 50 seeds and 2×10⁴ epochs', () => {
  const c = meanTimeCalibration(SEEDS, BUDGET, TAU, DEFAULT_ALPHA);

  it('says reproduced for a true τ with probability ≥ 0.9, never deviates, and rarely reproduces a τ off by ×2', () => {
    expect(c.reproduceAlpha).toBe(REPRODUCE_ALPHA);
    expect(c.reproducedWhenTrue).toBeGreaterThanOrEqual(0.9);
    expect(c.size).toBe(0);
    expect(c.discrepancy).toBe('×2');
    // ≤ REPRODUCE_ALPHA/2 by the interval's coverage, plus three binomial standard errors of 300 replications.
    expect(c.falseReproduce).toBeLessThanOrEqual(0.025 + 3 * Math.sqrt((0.025 * 0.975) / c.replications));
    expect(c.power).toBeGreaterThan(0);
    expect(c.power).toBeLessThan(0.9);
    expect(c.detectable).toBe('×3');
  });

  it('can return each verdict at 50 seeds', () => {
    expect(decideMeanTime(constant(SEEDS, 5000), BUDGET, TAU, DEFAULT_ALPHA, FACTOR2).decision.verdict).toBe('reproduced');
    expect(decideMeanTime(constant(SEEDS, 500), BUDGET, TAU, DEFAULT_ALPHA, FACTOR2).decision.verdict).toBe('deviates');
    const few = decideMeanTime([...constant(45, 5000), ...constant(5, BUDGET + 1)], BUDGET, TAU, DEFAULT_ALPHA, FACTOR2);
    expect(few.decision.verdict).toBe('reproduced');
    // Three escapes: the 95 % interval spans more than ×2 either way.
    const three = decideMeanTime([...constant(3, 5000), ...constant(47, BUDGET + 1)], BUDGET, { value: 100_000, tolerance: 50_000 }, DEFAULT_ALPHA, FACTOR2).decision;
    expect(three.verdict).toBe('inconclusive');
    expect(wouldDecideWords(three.wouldDecide!)).toMatch(/seeds/);
    expect(decideMeanTime(constant(SEEDS, BUDGET + 1), BUDGET, TAU, DEFAULT_ALPHA, FACTOR2).decision.verdict).toBe('deviates');
  });

  it('at τ = 10 (random init, every run escapes) reproduces the truth and rejects ×2 beside it', () => {
    const ten = meanTimeCalibration(SEEDS, BUDGET, { value: 10, tolerance: 5, printed: '10' }, DEFAULT_ALPHA);
    expect(ten.reproducedWhenTrue).toBeGreaterThanOrEqual(0.9);
    expect(ten.size).toBe(0);
  });

  it('has size near its nominal level where a few hundred replications can see it (α = 0.05)', () => {
    const loose = meanTimeCalibration(SEEDS, BUDGET, TAU, 0.05);
    expect(loose.size).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / loose.replications));
    expect(loose.power).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the lower-bound rule "τ > 7000" and the within-budget rule of Fig. 1(a)', () => {
  it('can return each verdict at 50 seeds', () => {
    expect(decideLowerBound(constant(SEEDS, 15_000), BUDGET, 7000, DEFAULT_ALPHA).verdict).toBe('reproduced');
    expect(decideLowerBound(constant(SEEDS, 1000), BUDGET, 7000, DEFAULT_ALPHA).verdict).toBe('deviates');
    expect(decideLowerBound(constant(SEEDS, BUDGET + 1), BUDGET, 7000, DEFAULT_ALPHA).verdict).toBe('inconclusive');
    expect(decideWithinBudget(constant(SEEDS, 9000), BUDGET, 7000, DEFAULT_ALPHA).verdict).toBe('reproduced');
    expect(decideWithinBudget(constant(SEEDS, BUDGET + 1), BUDGET, 7000, DEFAULT_ALPHA).verdict).toBe('deviates');
    expect(decideWithinBudget([...constant(20, 9000), ...constant(30, BUDGET + 1)], BUDGET, 7000, DEFAULT_ALPHA).verdict).toBe('inconclusive');
  });

  it('states size at the bound, P(reproduced) at twice the bound and power at half of it', () => {
    const c = lowerBoundCalibration('lower bound', SEEDS, BUDGET, 7000, DEFAULT_ALPHA, (runs) => decideLowerBound(runs, BUDGET, 7000, DEFAULT_ALPHA).verdict);
    expect(c.size).toBe(0);

  });
});

describe('the mean-transition rule (± 0.02) at 1200 data sets', () => {
  it('reproduces a true mean, rejects one 0.02 off, and states its figures', () => {
    const c = meanIntervalCalibration(400, 0.025, { value: 0.36, tolerance: 0.0005 }, DEFAULT_ALPHA);
    expect(c.size).toBe(0);
    expect(c.reproducedWhenTrue).toBeGreaterThanOrEqual(0.9);
    expect(c.power).toBeGreaterThanOrEqual(0.9);

  });

  it('is inconclusive with too few data sets', () => {
    const c = meanIntervalCalibration(3, 0.025, { value: 0.36, tolerance: 0.0005 }, DEFAULT_ALPHA);
    expect(c.reproducedWhenTrue).toBe(0);
  });
});

describe('verdictRates', () => {
  it('counts shares that sum to one', () => {
    let i = 0;
    const r = verdictRates(() => (['reproduced', 'deviates', 'inconclusive'] as const)[i++ % 3]!, 1, 30);
    expect(r.reproduced + r.deviates + r.inconclusive).toBeCloseTo(1);
  });
});
