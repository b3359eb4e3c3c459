// The random-init convergence-time rule: each verdict reachable, and its calibration at the full profile's 50 seeds.
import { describe, expect, it } from 'vitest';
import { convergenceCalibration, decideConvergenceTime } from '../../../src/claims/evaluators/convergence-time.ts';
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

describe('its calibration at 50 seeds (spread 1.5 epochs, as the engine gives)', () => {
  it('reproduces a true τ = 10, never calls it deviates, and detects ×3 (÷2 = 5 lies in the printed band 10 ± 5)', () => {
    const c = convergenceCalibration(50, 1.5, TEN, DEFAULT_ALPHA);
    expect(c.reproduceAlpha).toBe(REPRODUCE_ALPHA);
    expect(c.reproducedWhenTrue).toBeGreaterThanOrEqual(0.9);
    expect(c.size).toBe(0);
    expect(c.power).toBe(0);
    expect(c.detectable).toBe('×3');
    expect(c.falseReproduce).toBeLessThanOrEqual(0.025 + 3 * Math.sqrt((0.025 * 0.975) / c.replications));
  });
});
