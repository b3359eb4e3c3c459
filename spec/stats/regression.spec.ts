import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLineModels, fitLine } from '../../src/stats/index.ts';
import { normalDraw, seededUniform } from './simulate.ts';

// B/η_lr of the Arrhenius sweep, Appendix A: B = 64, η_lr ∈ {5e-4, 1e-3, 2e-3, 3e-3, 5e-3}.
const ARRHENIUS_X = [5e-4, 1e-3, 2e-3, 3e-3, 5e-3].map((lr) => 64 / lr);

describe('fitLine', () => {
  it('recovers an exact line exactly, with R² = 1 and zero standard errors', () => {
    // A slope of 0 is left out: a constant y has no variance to explain, and R² is 0/0 up to rounding.
    const slope = fc.double({ min: 1e-3, max: 100, noNaN: true }).chain((b) => fc.constantFrom(b, -b));
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        slope,
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 20 }),
        (a, b, x) => {
          const fit = fitLine(x, x.map((xi) => a + b * xi), 0.05);
          expect(fit.slope).toBeCloseTo(b, 9);
          expect(fit.intercept).toBeCloseTo(a, 6);
          expect(fit.rSquared).toBeCloseTo(1, 12);
          expect(fit.slopeStandardError).toBeLessThan(1e-9 * (1 + Math.abs(b)));
        },
      ),
    );
  });

  it('matches a hand computation on four points', () => {
    const fit = fitLine([1, 2, 3, 4], [2, 4, 5, 4], 0.05);
    expect(fit.slope).toBeCloseTo(0.7, 14);
    expect(fit.intercept).toBeCloseTo(2, 14);
    expect(fit.residualSumOfSquares).toBeCloseTo(2.3, 14);
    expect(fit.rSquared).toBeCloseTo(1 - 2.3 / 4.75, 14);
    expect(fit.slopeStandardError).toBeCloseTo(Math.sqrt(1.15 / 5), 14);
    expect(fit.interceptStandardError).toBeCloseTo(Math.sqrt(1.15 * (1 / 4 + 2.5 ** 2 / 5)), 14);
    const t = 4.302652729749464; // t(0.975; 2)
    expect(fit.slopeInterval.upper).toBeCloseTo(0.7 + t * Math.sqrt(1.15 / 5), 9);
  });

  it('gives a point of weight 2 the pull of two copies of it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: -50, max: 50 })), { minLength: 3, maxLength: 12 }), (points) => {
        const x = points.map(([xi]) => xi);
        fc.pre(new Set(x).size > 1);
        const y = points.map(([, yi]) => yi);
        const weighted = fitLine(x, y, 0.05, { weights: x.map((_, i) => (i === 0 ? 2 : 1)) });
        const copied = fitLine([x[0]!, ...x], [y[0]!, ...y], 0.05);
        expect(weighted.slope).toBeCloseTo(copied.slope, 9);
        expect(weighted.intercept).toBeCloseTo(copied.intercept, 9);
        expect(weighted.rSquared).toBeCloseTo(copied.rSquared, 9);
      }),
    );
  });

  it('covers the true slope at about the nominal rate with Gaussian scatter on the five Arrhenius points', () => {
    const normal = normalDraw(seededUniform(99));
    let covered = 0;
    const replications = 400;
    for (let r = 0; r < replications; r++) {
      const y = ARRHENIUS_X.map((x) => 2 + 1e-4 * x + 0.3 * normal());
      const { slopeInterval } = fitLine(ARRHENIUS_X, y, 0.05);
      if (slopeInterval.lower <= 1e-4 && 1e-4 <= slopeInterval.upper) covered++;
    }
    expect(covered / replications).toBeGreaterThan(0.915);
    expect(covered / replications).toBeLessThan(0.985);
  });

  it('refuses fewer than three points and a constant x', () => {
    expect(() => fitLine([1, 2], [1, 2], 0.05)).toThrow(RangeError);
    expect(() => fitLine([1, 1, 1], [1, 2, 3], 0.05)).toThrow(/slope is not determined/);
  });
});

describe('compareLineModels', () => {
  const models = (x: readonly number[]) => [
    { label: 'arrhenius', x },
    { label: 'power-law', x: x.map(Math.log) },
  ];

  it('prefers the law the data were made from, ranking as R² does', () => {
    const normal = normalDraw(seededUniform(3));
    const arrhenius = ARRHENIUS_X.map((x) => 1 + 5e-5 * x + 0.01 * normal());
    const powerLaw = ARRHENIUS_X.map((x) => 1 + 0.8 * Math.log(x) + 0.01 * normal());
    const first = compareLineModels(arrhenius, models(ARRHENIUS_X), 0.05);
    expect(first.better).toBe('arrhenius');
    expect(first.decisive).toBe(true);
    const second = compareLineModels(powerLaw, models(ARRHENIUS_X), 0.05);
    expect(second.better).toBe('power-law');
    for (const comparison of [first, second]) {
      expect(comparison.models[0]!.fit.rSquared).toBeGreaterThanOrEqual(comparison.models[1]!.fit.rSquared);
      expect(comparison.margin).toBeCloseTo(5 * Math.log(comparison.models[1]!.fit.residualSumOfSquares / comparison.models[0]!.fit.residualSumOfSquares), 9);
    }
  });
});
