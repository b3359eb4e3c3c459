import { describe, expect, it } from 'vitest';
import {
  binomialAtLeast,
  binomialAtMost,
  chiSquare1UpperTail,
  chiSquareUpperTail,
  twoSidedNormalCritical,
  twoSidedTCritical,
} from '../../src/stats/distributions.ts';

describe('distribution tails', () => {
  it('give the textbook critical values', () => {
    expect(twoSidedNormalCritical(0.05)).toBeCloseTo(1.959963984540054, 12);
    expect(twoSidedNormalCritical(1e-6)).toBeCloseTo(4.891638475698358, 9);
    expect(twoSidedTCritical(0.05, 3)).toBeCloseTo(3.182446305284263, 9);
  });

  it('keep far upper tails that 1 − cdf would round to 0', () => {
    // P(χ²₁ > 400) = P(|Z| > 20) = erfc(20/√2) ≈ 5.5e-89
    expect(chiSquare1UpperTail(400)).toBeGreaterThan(5.5e-89);
    expect(chiSquare1UpperTail(400)).toBeLessThan(5.6e-89);
    expect(chiSquare1UpperTail(0)).toBe(1);
    expect(chiSquareUpperTail(400, 1) / chiSquare1UpperTail(400)).toBeCloseTo(1, 10);
    expect(chiSquareUpperTail(2 * 30, 2)).toBeCloseTo(Math.exp(-30), 25); // χ²₂ is exponential with mean 2
    expect(binomialAtLeast(50, 50, 1e-3) / 1e-150).toBeCloseTo(1, 10); // P(all 50 escape) = p⁵⁰
  });

  it('have complementary binomial tails that sum to 1 + P(K = k)', () => {
    const n = 7;
    const p = 0.3;
    const pmf = (k: number): number => {
      let c = 1;
      for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
      return c * p ** k * (1 - p) ** (n - k);
    };
    for (let k = 0; k <= n; k++) {
      expect(binomialAtMost(k, n, p) + binomialAtLeast(k, n, p)).toBeCloseTo(1 + pmf(k), 12);
    }
  });
});
