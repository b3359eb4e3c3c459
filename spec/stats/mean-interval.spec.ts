import { describe, expect, it } from 'vitest';
import { tIntervalOfMean } from '../../src/stats/mean-interval.ts';

describe('tIntervalOfMean', () => {
  it('is mean ± t(1 − α/2, n − 1)·s/√n', () => {
    // 1, 2, 3, 4, 5: mean 3, s = √2.5; t(0.975, 4) = 2.7764451051977987.
    const r = tIntervalOfMean([1, 2, 3, 4, 5], 0.05);
    expect(r.estimate).toBe(3);
    expect(r.sd).toBeCloseTo(Math.sqrt(2.5), 14);
    expect(r.upper - 3).toBeCloseTo((2.7764451051977987 * Math.sqrt(2.5)) / Math.sqrt(5), 10);
    expect(3 - r.lower).toBeCloseTo(r.upper - 3, 14);
    expect(r.seeds).toBe(5);
  });

  it('refuses fewer than two values and an alpha outside (0, 1)', () => {
    expect(() => tIntervalOfMean([1], 0.05)).toThrow(/at least 2/);
    expect(() => tIntervalOfMean([1, 2], 0)).toThrow(/alpha/);
  });
});
