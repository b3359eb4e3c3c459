import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialAtMost } from '../../src/stats/distributions.ts';
import { medianInterval } from '../../src/stats/median-interval.ts';

describe('medianInterval', () => {
  it('takes the order statistics whose binomial tail is within alpha/2', () => {
    const values = Array.from({ length: 50 }, (_, i) => 50 - i); // 1 … 50, unsorted
    const m = medianInterval(values, 0.05);
    expect(m.estimate).toBe(25.5);
    // k = 18 for n = 50 at 95 %: P(Bin(50, ½) ≤ 17) ≈ 0.0164 ≤ 0.025 < P(≤ 18) ≈ 0.0325.
    expect(m.orders).toEqual([18, 33]);
    expect([m.lower, m.upper]).toEqual([18, 33]);
    expect(binomialAtMost(17, 50, 0.5)).toBeLessThanOrEqual(0.025);
    expect(binomialAtMost(18, 50, 0.5)).toBeGreaterThan(0.025);
  });

  it('is the whole line when too few values can give the level, and unbounded above on a censored upper end', () => {
    expect(medianInterval([3, 1, 2], 1e-6)).toMatchObject({ estimate: 2, lower: -Infinity, upper: Infinity, orders: null });
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    const censored = values.map((v) => v >= 15);
    expect(medianInterval(values, 0.05, censored).upper).toBe(Infinity);
    expect(medianInterval(values, 0.05).upper).toBe(15);
  });

  it('always brackets the sample median and keeps its order under any permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 80 }), fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (xs, alpha) => {
        const m = medianInterval(xs, alpha);
        expect(m.lower).toBeLessThanOrEqual(m.estimate);
        expect(m.upper).toBeGreaterThanOrEqual(m.estimate);
        expect(medianInterval([...xs].reverse(), alpha)).toEqual(m);
      }),
    );
  });
});
