import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapInterval, fitExponential, kaplanMeier } from '../../src/stats/index.ts';
import { censoredRuns, exponentialDraw, normalDraw, seededUniform } from './simulate.ts';

const mean = (values: readonly number[]): number => values.reduce((s, v) => s + v, 0) / values.length;

describe('bootstrapInterval', () => {
  it('is bit-identical for the same seed, for both methods', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 30 }), fc.integer(), fc.constantFrom('percentile' as const, 'bca' as const), (sample, seed, method) => {
        fc.pre(new Set(sample).size > 2);
        const run = () => {
          try {
            return bootstrapInterval(sample, mean, { resamples: 199, uniform: seededUniform(seed), alpha: 0.1, method });
          } catch (error) {
            return String(error); // BCa may refuse a degenerate sample — identically for the same seed
          }
        };
        expect(run()).toStrictEqual(run());
      }),
      { numRuns: 50 },
    );
  });

  it('reads the intervals at alsoAt off the same replicates as a separate call at that α', () => {
    const sample = Array.from({ length: 30 }, normalDraw(seededUniform(3)));
    const both = bootstrapInterval(sample, mean, { resamples: 1999, uniform: seededUniform(6), alpha: 0.001, alsoAt: [0.05] });
    const alone = bootstrapInterval(sample, mean, { resamples: 1999, uniform: seededUniform(6), alpha: 0.05 });
    expect(both.also).toEqual([{ alpha: 0.05, lower: alone.lower, upper: alone.upper }]);
    expect(both.lower).toBeLessThan(alone.lower);
    expect(() => bootstrapInterval(sample, mean, { resamples: 1999, uniform: seededUniform(6), alpha: 0.05, alsoAt: [0.05], method: 'bca' })).toThrow(/percentile/);
  });

  it('moves with the seed', () => {
    const sample = Array.from({ length: 20 }, normalDraw(seededUniform(1)));
    const a = bootstrapInterval(sample, mean, { resamples: 999, uniform: seededUniform(1), alpha: 0.05 });
    const b = bootstrapInterval(sample, mean, { resamples: 999, uniform: seededUniform(2), alpha: 0.05 });
    expect(a.lower).not.toBe(b.lower);
  });

  it('agrees with σ/√n for the mean of a large normal sample, and BCa with percentile there', () => {
    const sample = Array.from({ length: 400 }, normalDraw(seededUniform(4)));
    const m = mean(sample);
    const sd = Math.sqrt(sample.reduce((s, v) => s + (v - m) ** 2, 0) / (sample.length - 1));
    const halfWidth = (1.959963984540054 * sd) / Math.sqrt(sample.length);
    for (const method of ['percentile', 'bca'] as const) {
      const interval = bootstrapInterval(sample, mean, { resamples: 2000, uniform: seededUniform(5), alpha: 0.05, method });
      expect(interval.estimate).toBe(m);
      expect(Math.abs(interval.lower - (m - halfWidth))).toBeLessThan(0.15 * halfWidth);
      expect(Math.abs(interval.upper - (m + halfWidth))).toBeLessThan(0.15 * halfWidth);
    }
  });

  it('covers the mean escape time of censored exponential runs at about the nominal rate (150 replications, BCa)', () => {
    const uniform = seededUniform(13);
    const meanTime = (runs: readonly { time: number; escaped: boolean }[]) => fitExponential(runs, 0.05).meanTime ?? Infinity;
    let covered = 0;
    for (let r = 0; r < 150; r++) {
      const runs = censoredRuns(exponentialDraw(uniform, 5500), 50, 20_000);
      const interval = bootstrapInterval(runs, meanTime, { resamples: 499, uniform, alpha: 0.1, method: 'bca' });
      if (interval.lower <= 5500 && 5500 <= interval.upper) covered++;
    }
    // Nominal 0.90; Binomial(150, 0.9) has sd ≈ 0.025.
    expect(covered / 150).toBeGreaterThan(0.82);
    expect(covered / 150).toBeLessThan(0.97);
  });

  it('takes a statistic of censored runs that may be infinite (a median not reached)', () => {
    const runs = censoredRuns(exponentialDraw(seededUniform(8), 30_000), 50, 20_000);
    const median = (sample: readonly { time: number; escaped: boolean }[]) => kaplanMeier(sample, 0.05).median.estimate ?? Infinity;
    const interval = bootstrapInterval(runs, median, { resamples: 199, uniform: seededUniform(9), alpha: 0.1 });
    expect(interval.upper).toBe(Infinity);
    expect(Number.isFinite(interval.lower)).toBe(true);
  });

  it('refuses too few resamples for alpha, and a uniform source outside [0, 1)', () => {
    expect(() => bootstrapInterval([1, 2, 3], mean, { resamples: 10_000, uniform: seededUniform(1), alpha: 1e-6 })).toThrow(/1999999 are needed/);
    expect(() => bootstrapInterval([1, 2, 3], mean, { resamples: 99, uniform: () => 1, alpha: 0.05 })).toThrow(/outside \[0, 1\)/);
  });
});
