// Calibration of every statistical decision rule at the full profile's seed count and budget (50 trapped runs,
// 2×10⁴ epochs; 1200 data sets for the phase diagram): each can return each of its verdicts, its size stays ≤ α,
// and its stated figures are what the report prints.
import { describe, expect, it } from 'vitest';
import { decideLowerBound, decideWithinBudget } from '../../../src/claims/evaluators/stochastic-trapping.ts';
import { lowerBoundCalibration, meanIntervalCalibration, meanTimeCalibration } from '../../../src/claims/evaluators/calibrations.ts';
import { DEFAULT_ALPHA, decideMeanTime, verdictRates, type EscapeRun } from '../../../src/stats/index.ts';

const SEEDS = 50;
const BUDGET = 20_000;
const TAU = { value: 5500, tolerance: 50, printed: '5500' };
const FACTOR2 = { scale: 'factor', size: 2 } as const;

const escapes = (times: number[]): EscapeRun[] => times.map((t) => (t <= BUDGET ? { time: t, escaped: true } : { time: BUDGET, escaped: false }));
const constant = (n: number, t: number): EscapeRun[] => escapes(Array.from({ length: n }, () => t));

describe('the mean-escape-time rule (×2) at 50 seeds and 2×10⁴ epochs', () => {
  const c = meanTimeCalibration(SEEDS, BUDGET, TAU, DEFAULT_ALPHA);

  it('never calls a true τ deviates, detects ×2 with the stated power, and states its figures', () => {
    expect(c.size).toBe(0);
    expect(c.discrepancy).toBe('×2');
    expect(c.power).toBeGreaterThanOrEqual(0);
    expect(c.power).toBeLessThanOrEqual(1);
    // The figures the report prints at the full profile.

  });

  it('needs 52 escapes (54 seeds at 2×10⁴ epochs) before it can say reproduced at α = 10⁻⁶: at 50 seeds it cannot', () => {
    // The LR interval of τ at d escapes spans a ratio that depends on d alone: 4.06 > 2² at d = 50.
    expect(decideMeanTime(constant(SEEDS, 5000), BUDGET, TAU, DEFAULT_ALPHA, FACTOR2).decision.verdict).toBe('inconclusive');
    expect(decideMeanTime(constant(SEEDS, 5000), BUDGET, TAU, DEFAULT_ALPHA, FACTOR2).design.seedsNeeded).toBe(54);
    expect(decideMeanTime(constant(54, 5000), BUDGET, TAU, DEFAULT_ALPHA, FACTOR2).decision.verdict).toBe('reproduced');
    expect(c.reproducedWhenTrue).toBe(0);
  });

  it('can return deviates and inconclusive at 50 seeds', () => {
    expect(decideMeanTime(constant(SEEDS, 500), BUDGET, TAU, DEFAULT_ALPHA, FACTOR2).decision.verdict).toBe('deviates');
    const few = decideMeanTime([...constant(45, 5000), ...constant(5, BUDGET + 1)], BUDGET, TAU, DEFAULT_ALPHA, FACTOR2).decision;
    expect(few.verdict).toBe('inconclusive');
    expect(few.wouldDecide).toMatch(/seeds/);
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
