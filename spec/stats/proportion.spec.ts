import { describe, expect, it } from 'vitest';
import { mcnemarExact, proportionInterval, slopeRelativeErrorFromR2, tAlphaForHalfWidth, tIntervalFromSummary, tIntervalOfMean, fitLine } from '../../src/stats/index.ts';

describe('proportions and the slope error R² implies', () => {
  it('Clopper–Pearson: 0 of n has upper bound 1 − (α/2)^(1/n); k of n brackets k/n', () => {
    expect(proportionInterval(0, 50, 2e-6).upper).toBeCloseTo(1 - 1e-6 ** (1 / 50), 9);
    const i = proportionInterval(9, 50, 0.05);
    expect(i.lower).toBeCloseTo(0.0858, 3); // the textbook exact interval of 9/50
    expect(i.upper).toBeCloseTo(0.3144, 3);
  });

  it('McNemar: all discordant pairs one way is significant, an even split is not', () => {
    expect(mcnemarExact(25, 0)).toBeLessThan(1e-6);
    expect(mcnemarExact(5, 5)).toBe(1);
    expect(mcnemarExact(0, 0)).toBe(1);
  });

  it('R² over n points gives the least-squares slope\'s relative error', () => {
    const x = [1, 2, 3, 4, 5];
    const y = [1.1, 1.9, 3.2, 3.9, 5.1];
    const fit = fitLine(x, y, 0.05);
    expect(slopeRelativeErrorFromR2(fit.rSquared, 5)).toBeCloseTo(fit.slopeStandardError / fit.slope, 10);
    expect(slopeRelativeErrorFromR2(0.991, 5)).toBeCloseTo(0.0550, 4);
  });

  it('the t interval from a summary equals the one from the values; the α of a width inverts the critical value', () => {
    const v = [1, 2, 4, 8, 3];
    const n = v.length;
    const mean = v.reduce((a, b) => a + b) / n;
    const sd = Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(tIntervalFromSummary(mean, sd, n, 0.01).upper).toBeCloseTo(tIntervalOfMean(v, 0.01).upper, 12);
    expect(tAlphaForHalfWidth(3.182446305284263, 3)).toBeCloseTo(0.05, 6);
  });
});
