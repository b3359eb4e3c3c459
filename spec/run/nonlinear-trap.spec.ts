import { describe, expect, it } from 'vitest';
import { modeCrossing, nonlinearTrapPlan, watchedRun, type NonlinearSweepPoint } from '../../src/run/index.ts';
import { FirstCrossing } from '../../src/stats/index.ts';

const point = (beta: number, s1: number, s2: number, converged = true): NonlinearSweepPoint => ({
  beta,
  trainMse: 0,
  testMse: 0,
  response: [s1, s2],
  effectiveRank: 0,
  steps: 1,
  gradientNorm: 0,
  converged,
});
// Loses σ2 in (0.3, 0.35] and σ1 in (0.35, 0.4].
const up = [point(0, 0.9, 0.8), point(0.1, 0.8, 0.7), point(0.2, 0.7, 0.5), point(0.3, 0.5, 0.3), point(0.35, 0.4, 1e-15), point(0.4, 1e-15, 1e-16, false)];
const rule = { reading: 'ratio-to-weak-loss' as const, paperBeta: 0.32, paperWeakLoss: 0.36, paperStrongLoss: 0.42 };

describe('modeCrossing', () => {
  it('finds where a mode leaves (or, from a start without it, first comes back), with the new side\'s convergence', () => {
    expect(modeCrossing(up, 2, 1e-3)).toEqual({ from: 0.3, to: 0.35, before: 0.3, after: 1e-15, converged: true });
    expect(modeCrossing(up, 1, 1e-3)).toMatchObject({ from: 0.35, to: 0.4, converged: false });
    expect(modeCrossing([...up].reverse(), 1, 1e-3)).toMatchObject({ from: 0.4, to: 0.35 });
    expect(modeCrossing(up.slice(0, 3), 2, 1e-3)).toBeNull();
  });
});

describe('nonlinearTrapPlan', () => {
  it('puts β_trap at 0.32/0.36 of the weak mode\'s loss, anneals past it, and gives the other reading beside it', () => {
    const plan = nonlinearTrapPlan(up, rule, 1e-3, 0.5)!;
    expect(plan.beta).toBeCloseTo((0.32 / 0.36) * 0.325, 12);
    expect(plan.readings['fraction-between-transitions']).toBeCloseTo(0.325 - (2 / 3) * 0.05, 12);
    expect(plan.annealing).toEqual([0, 0.35]);
    expect(plan.rankTwoSigma).toBe(0.5);
    expect(plan.riseThreshold).toBe(0.25);
    expect(nonlinearTrapPlan(up, { ...rule, reading: 'fraction-between-transitions' }, 1e-3, 0.5)!.beta).toBeCloseTo(0.325 - (2 / 3) * 0.05, 12);
    expect(nonlinearTrapPlan(up.slice(0, 3), rule, 1e-3, 0.5)).toBeNull();
  });
});

describe('watchedRun', () => {
  it('stops at the first crossing, or is censored at the budget', () => {
    const train = (epochs: number) => (after: (e: number) => boolean) => {
      for (let e = 1; e <= epochs && !after(e); e++);
    };
    expect(watchedRun(10, train(10), new FirstCrossing(6.5, 'above'), (e) => e)).toEqual({ time: 7, escaped: true });
    expect(watchedRun(10, train(10), new FirstCrossing(6.5, 'above'), (e) => (e % 2 === 0 ? e : null))).toEqual({ time: 8, escaped: true });
    expect(watchedRun(10, train(10), new FirstCrossing(0, 'below'), () => 1)).toEqual({ time: 10, escaped: false });
  });
});
