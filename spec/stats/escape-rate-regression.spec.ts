import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEscapeRateModels, fitEscapeRateLine, type EscapeGroup, type EscapeRun } from '../../src/stats/index.ts';
import { censoredRuns, exponentialDraw, seededUniform } from './simulate.ts';

// Appendix A: B = 64, η_lr ∈ {5e-4, 1e-3, 2e-3, 3e-3, 5e-3}, 50 seeds, 2×10⁴ epochs; x = B/η_lr.
const X = [5e-4, 1e-3, 2e-3, 3e-3, 5e-3].map((lr) => 64 / lr);
const BUDGET = 20_000;
// τ from ≈ 100 epochs at the largest η_lr to ≈ 3×10⁴ at the smallest: about half of those runs are censored.
const A = Math.log(100) - 5e-5 * 12_800;
const B = 5e-5;

function sweep(uniform: () => number, logMean: (x: number) => number): EscapeGroup[] {
  return X.map((x) => ({ x, runs: censoredRuns(exponentialDraw(uniform, Math.exp(logMean(x))), 50, BUDGET) }));
}

describe('fitEscapeRateLine', () => {
  it('through two settings without censoring passes through both τ̂ = E/d, with zero deviance', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 10 }),
        (first, second) => {
          const escaped = (times: number[]): EscapeRun[] => times.map((time) => ({ time, escaped: true }));
          const fit = fitEscapeRateLine([{ x: 1, runs: escaped(first) }, { x: 3, runs: escaped(second) }], 0.05);
          const logMean = (times: number[]) => Math.log(times.reduce((s, t) => s + t, 0) / times.length);
          expect(fit.slope).toBeCloseTo((logMean(second) - logMean(first)) / 2, 7);
          expect(fit.intercept + fit.slope).toBeCloseTo(logMean(first), 7);
          expect(fit.deviance).toBeLessThan(1e-8);
          expect(fit.linearityPValue).toBeNull();
        },
      ),
      { numRuns: 50 },
    );
  });

  it('covers the true slope at about the nominal rate on censored Arrhenius sweeps (200 replications)', () => {
    const uniform = seededUniform(2026);
    let covered = 0;
    let linearityRejected = 0;
    for (let r = 0; r < 200; r++) {
      const fit = fitEscapeRateLine(sweep(uniform, (x) => A + B * x), 0.05);
      if (fit.slopeInterval.lower <= B && B <= fit.slopeInterval.upper) covered++;
      if (fit.linearityPValue! < 0.05) linearityRejected++;
    }
    expect(covered / 200).toBeGreaterThan(0.91);
    expect(covered / 200).toBeLessThan(0.99);
    expect(linearityRejected / 200).toBeLessThan(0.1);
  });

  it('uses a setting where no seed escaped instead of dropping it', () => {
    const uniform = seededUniform(5);
    const groups = sweep(uniform, (x) => A + B * x);
    groups[0] = { x: X[0]!, runs: Array.from({ length: 50 }, () => ({ time: BUDGET, escaped: false })) };
    const fit = fitEscapeRateLine(groups, 0.05);
    expect(fit.perSetting[0]!.escapes).toBe(0);
    const withoutIt = fitEscapeRateLine(groups.slice(1), 0.05);
    // The censored setting says τ > 2×10⁴·50/χ² there: it can only pull the fitted τ at that x up.
    expect(fit.perSetting[0]!.fittedMeanTime).toBeGreaterThan(Math.exp(withoutIt.intercept + withoutIt.slope * X[0]!));
  });

  it('flags an escape time whose logarithm is not linear in x', () => {
    const uniform = seededUniform(9);
    // ln τ curving: the same ends as the line, bowed by 2 in the middle.
    const bowed = (x: number) => A + B * x + 2 * (1 - ((x - 70_400) / 57_600) ** 2);
    const fit = fitEscapeRateLine(sweep(uniform, bowed), 1e-6);
    expect(fit.linearityPValue).toBeLessThan(1e-6);
  });

  it('refuses a sweep where runs escaped at only one setting', () => {
    const censored = Array.from({ length: 5 }, () => ({ time: 100, escaped: false }));
    expect(() =>
      fitEscapeRateLine(
        [
          { x: 1, runs: [{ time: 10, escaped: true }] },
          { x: 2, runs: censored },
          { x: 3, runs: censored },
        ],
        0.05,
      ),
    ).toThrow(/not estimable/);
  });
});

describe('compareEscapeRateModels', () => {
  const candidates = [
    { label: 'arrhenius', x: X },
    { label: 'power-law', x: X.map(Math.log) },
  ];

  it('prefers the law the runs were drawn from, by AIC on the censored likelihood', () => {
    const uniform = seededUniform(12);
    const arrhenius = sweep(uniform, (x) => A + B * x).map((g) => g.runs);
    const first = compareEscapeRateModels(arrhenius, candidates, 0.05);
    expect(first.better).toBe('arrhenius');
    expect(first.decisive).toBe(true);
    expect(first.margin).toBeCloseTo(2 * (first.models[0]!.fit.logLikelihood - first.models[1]!.fit.logLikelihood), 9);
    // A power law with the same end points: ln τ = ln 100 + k·ln(x/12800).
    const k = (A + B * 128_000 - Math.log(100)) / Math.log(10);
    const powerLaw = sweep(uniform, (x) => Math.log(100) + k * Math.log(x / 12_800)).map((g) => g.runs);
    expect(compareEscapeRateModels(powerLaw, candidates, 0.05).better).toBe('power-law');
  });
});
