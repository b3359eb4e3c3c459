// The random-init convergence-time rule: each verdict reachable, and its calibration at the full profile's 50 seeds.
import { describe, expect, it } from 'vitest';
import { convergenceCalibration, decideConvergenceTime } from '../../../src/claims/trapping/convergence-time.ts';
import { DEFAULT_ALPHA, REPRODUCE_ALPHA } from '../../../src/stats/index.ts';

const TEN = { value: 10, tolerance: 5, printed: '10' };
const seeds = (epochs: number[], censored = false) => epochs.map((epoch) => ({ epoch, censored }));

describe('decideConvergenceTime', () => {
  it('returns each verdict', () => {
    expect(decideConvergenceTime(seeds([7, 8, 9, 10, 11, 9, 10, 8, 12, 10]), TEN, DEFAULT_ALPHA)?.verdict).toBe('reproduced');
    expect(decideConvergenceTime(seeds(Array.from({ length: 50 }, (_, i) => 1 + (i % 2))), TEN, DEFAULT_ALPHA)?.verdict).toBe('deviates');
    expect(decideConvergenceTime(seeds([2, 30]), TEN, DEFAULT_ALPHA)?.verdict).toBe('inconclusive');
    expect(decideConvergenceTime(seeds([9]), TEN, DEFAULT_ALPHA)).toBeNull();
  });

  it('reads seeds that never settled as lower bounds: they can show a deviation upwards, never an agreement', () => {
    expect(decideConvergenceTime([...seeds([9, 10]), ...seeds([200], true)], TEN, DEFAULT_ALPHA)?.verdict).toBe('inconclusive');
    expect(decideConvergenceTime(seeds(Array.from({ length: 50 }, () => 200), true), TEN, DEFAULT_ALPHA)?.verdict).toBe('deviates');
  });
});

describe('its calibration at 50 seeds (log-normal epochs, spread 0.7 in ln τ: a heavy tail like the runs\' 2 … 112 epochs)', () => {
  it('reproduces a true τ = 10, never calls it deviates, and detects ×6 (÷2 = 5 lies in the printed band 10 ± 5)', () => {
    const c = convergenceCalibration(50, 0.7, TEN, DEFAULT_ALPHA);
    expect(c.reproduceAlpha).toBe(REPRODUCE_ALPHA);
    expect(c.reproducedWhenTrue).toBeGreaterThanOrEqual(0.9);
    expect(c.size).toBe(0);
    expect(c.power).toBe(0);
    expect(c.detectable).toBe('×6');
    expect(c.falseReproduce).toBeLessThanOrEqual(0.15);
  });

  it('judges the typical run: a heavy tail that pulls the mean to twice the median does not move the verdict', () => {
    const typical = Array.from({ length: 50 }, (_, i) => 8 + (i % 5));
    const tail = typical.map((e, i) => (i % 5 === 0 ? 110 : e));
    expect(decideConvergenceTime(seeds(typical), TEN, DEFAULT_ALPHA)?.verdict).toBe('reproduced');
    expect(tail.reduce((s, x) => s + x, 0) / tail.length).toBeGreaterThan(25);
    expect(decideConvergenceTime(seeds(tail), TEN, DEFAULT_ALPHA)?.verdict).toBe('reproduced');
  });
});
