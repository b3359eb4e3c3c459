import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeCountTest,
  escapeDesign,
  fitExponential,
  likelihoodRatioMeanTest,
  type EscapeRun,
} from '../../src/stats/index.ts';
import { censoredRuns, exponentialDraw, seededUniform } from './simulate.ts';

const BUDGET = 20_000; // Appendix A: 2×10⁴ epochs
const SEEDS = 50; // Appendix A: seeds 42–91

const allCensored = (n: number, budget: number): EscapeRun[] => Array.from({ length: n }, () => ({ time: budget, escaped: false }));

describe('fitExponential', () => {
  it('is escapes over total exposure, censored runs contributing their time at risk', () => {
    const runs: EscapeRun[] = [
      { time: 100, escaped: true },
      { time: 300, escaped: true },
      { time: 1000, escaped: false },
    ];
    const fit = fitExponential(runs, 0.05);
    expect(fit.exposure).toBe(1400);
    expect(fit.rate).toBe(2 / 1400);
    expect(fit.meanTime).toBe(700);
    expect(fit.interval.lower).toBeLessThan(700);
    expect(fit.interval.upper).toBeGreaterThan(700);
  });

  it('with every run censored gives no estimate and only the exact one-sided bound E/ln(1/α) on τ', () => {
    const fit = fitExponential(allCensored(SEEDS, BUDGET), 0.05);
    expect(fit.meanTime).toBeNull();
    expect(fit.interval.upper).toBe(Infinity);
    expect(fit.interval.lower).toBeCloseTo((SEEDS * BUDGET) / Math.log(20), 6);
    // At that τ the chance of no escape in the whole exposure is exactly α.
    expect(Math.exp((-SEEDS * BUDGET) / fit.interval.lower)).toBeCloseTo(0.05, 12);
    expect(fit.poissonInterval.upper).toBe(Infinity);
  });

  it('has LR bounds where the likelihood-ratio test has p = alpha (the interval inverts the test)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 1, max: 1e7, noNaN: true }), fc.constantFrom(0.05, 1e-3, 1e-6), (d, exposure, alpha) => {
        const runs: EscapeRun[] = [...Array.from({ length: d - 1 }, () => ({ time: 0, escaped: true })), { time: exposure, escaped: true }];
        const { interval } = fitExponential(runs, alpha);
        for (const bound of [interval.lower, interval.upper]) {
          expect(likelihoodRatioMeanTest(runs, bound, alpha).pValue / alpha).toBeCloseTo(1, 6);
        }
      }),
    );
  });

  it('covers the true mean at about the nominal rate on simulated exponential escapes (400 replications)', () => {
    const uniform = seededUniform(20260615);
    const mean = 5500;
    const alpha = 0.05;
    let lrCovers = 0;
    let poissonCovers = 0;
    const replications = 400;
    for (let r = 0; r < replications; r++) {
      const fit = fitExponential(censoredRuns(exponentialDraw(uniform, mean), SEEDS, BUDGET), alpha);
      if (fit.interval.lower <= mean && mean <= fit.interval.upper) lrCovers++;
      if (fit.poissonInterval.lower <= mean && mean <= fit.poissonInterval.upper) poissonCovers++;
    }
    // Binomial(400, 0.95) has sd ≈ 0.011: the bands are about 3 sd wide.
    expect(lrCovers / replications).toBeGreaterThan(0.915);
    expect(lrCovers / replications).toBeLessThan(0.985);
    expect(poissonCovers / replications).toBeGreaterThan(0.93);
  });
});

describe('escapeCountTest', () => {
  it('gives P(0 escapes in 50 runs of 20000 epochs | τ0 = 5500) = e^{−50·20000/5500} ≈ 1.09e-79', () => {
    const test = escapeCountTest(allCensored(SEEDS, BUDGET), BUDGET, 5500, 1e-6);
    const byHand = Math.exp((-SEEDS * BUDGET) / 5500); // (e^{−T/τ0})^n
    expect(byHand).toBeCloseTo(1.0898505e-79, 85);
    expect(test.atMost / byHand).toBeCloseTo(1, 10);
    expect(test.pValue / (2 * byHand)).toBeCloseTo(1, 10);
    expect(test.rejects).toBe(true);
  });

  it('matches Binomial(2, p) by hand', () => {
    const p = -Math.expm1(-1);
    const runs: EscapeRun[] = [
      { time: 0.5, escaped: true },
      { time: 1, escaped: false },
    ];
    const test = escapeCountTest(runs, 1, 1, 0.05);
    expect(test.atMost).toBeCloseTo(1 - p * p, 14);
    expect(test.atLeast).toBeCloseTo(1 - (1 - p) ** 2, 14);
  });

  it('rejects exactly the counts outside its stated acceptance region', () => {
    const n = 50;
    const probe = (k: number) =>
      escapeCountTest(
        Array.from({ length: n }, (_, i) => (i < k ? { time: 1, escaped: true } : { time: BUDGET, escaped: false })),
        BUDGET,
        5500,
        1e-6,
      );
    const region = probe(0);
    expect(region.rejectsAtMost).not.toBeNull();
    expect(region.rejectsAtLeast).toBeNull(); // at τ0 = 5500 97% of runs escape: no count is too high at 1e-6
    for (let k = 0; k <= n; k++) {
      expect(probe(k).rejects).toBe(k <= region.rejectsAtMost!);
    }
    expect(region.detectableMeanAbove).toBeGreaterThan(5500);
  });

  it('refuses a censored run that did not reach the budget', () => {
    expect(() => escapeCountTest([{ time: 10, escaped: false }], BUDGET, 5500, 0.05)).toThrow(RangeError);
  });
});

describe('likelihoodRatioMeanTest', () => {
  it('with no escapes is Λ = 2E/τ0', () => {
    const test = likelihoodRatioMeanTest(allCensored(SEEDS, BUDGET), 5500, 1e-6);
    expect(test.statistic).toBeCloseTo((2 * SEEDS * BUDGET) / 5500, 9);
    expect(test.rejects).toBe(true);
  });

  it('does not reject the MLE itself (Λ = 0, p = 1)', () => {
    const runs: EscapeRun[] = [
      { time: 2000, escaped: true },
      { time: 6000, escaped: true },
      { time: BUDGET, escaped: false },
    ];
    const test = likelihoodRatioMeanTest(runs, fitExponential(runs, 0.05).meanTime!, 1e-6);
    expect(test.statistic).toBeCloseTo(0, 9);
    expect(test.pValue).toBeCloseTo(1, 6);
  });
});

describe('escapeDesign', () => {
  // d escapes with total exposure d·τ0: the sample whose estimate is exactly τ0.
  const halfWidthAt = (escapes: number, mean: number, alpha: number): number => {
    const runs: EscapeRun[] = Array.from({ length: escapes }, () => ({ time: mean, escaped: true }));
    const { interval } = fitExponential(runs, alpha);
    return (interval.upper - interval.lower) / 2;
  };

  it('asks for the fewest escapes whose LR interval is within the tolerance, more than (z·τ0/tolerance)²', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 2, noNaN: true }), fc.constantFrom(0.05, 1e-6), (relative, alpha) => {
        const design = escapeDesign(5500, relative * 5500, alpha, SEEDS, BUDGET);
        expect(halfWidthAt(design.escapesNeeded, 5500, alpha)).toBeLessThanOrEqual(relative * 5500 * (1 + 1e-9));
        if (design.escapesNeeded > 1) expect(halfWidthAt(design.escapesNeeded - 1, 5500, alpha)).toBeGreaterThan(relative * 5500);
      }),
      { numRuns: 30 },
    );
    expect(escapeDesign(5500, 550, 0.05, SEEDS, BUDGET).escapesNeeded).toBeGreaterThanOrEqual(Math.ceil((1.959963984540054 * 10) ** 2));
  });

  it('turns the escapes into seeds at this budget, or a budget for these seeds', () => {
    const design = escapeDesign(5500, 550, 0.05, SEEDS, BUDGET);
    expect(design.seedsNeeded).toBe(Math.ceil(design.escapesNeeded / -Math.expm1(-BUDGET / 5500)));
    expect(design.budgetNeeded).toBeNull(); // several hundred escapes cannot come from 50 seeds
    const generous = escapeDesign(5500, 5500, 0.05, SEEDS, 1000);
    expect(generous.budgetNeeded).toBeCloseTo(5500 * -Math.log1p(-generous.escapesNeeded / SEEDS), 6);
  });
});
