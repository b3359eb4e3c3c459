import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ALPHA,
  decideAgainstClaim,
  decideMeanTime,
  familyFalseFailureRate,
  perCheckAlpha,
  seedsToResolve,
  type EscapeRun,
} from '../../src/stats/index.ts';
import { censoredRuns, exponentialDraw, seededUniform } from './simulate.ts';
import { decisionWords, wouldDecideWords } from '../../src/report/words/common.ts';

const TAU = { value: 5500, tolerance: 50, printed: '5500' }; // Section 3.1: τ ≈ 5500 epochs, ± half a unit of its last significant digit
const allCensored = (n: number, budget: number): EscapeRun[] => Array.from({ length: n }, () => ({ time: budget, escaped: false }));

describe('decideAgainstClaim', () => {
  it('reproduces when a narrow interval overlaps the band, and records alpha', () => {
    const decision = decideAgainstClaim(TAU, { estimate: 5520, lower: 5480, upper: 5560, alpha: 1e-6 });
    expect(decision.verdict).toBe('reproduced');
    expect(decision.alpha).toBe(1e-6);
    expect(decision.grounds).toMatchObject({ case: 'narrow', interval: { alpha: 1e-6 } });
    expect(decisionWords(decision.grounds)).toMatch(/α = 0.000001|α = 1e-6/);
  });

  it('deviates when the interval lies wholly outside the band', () => {
    expect(decideAgainstClaim(TAU, { estimate: 8000, lower: 7000, upper: 9000, alpha: 1e-6 }).verdict).toBe('deviates');
    expect(decideAgainstClaim(TAU, { estimate: 100, lower: 0, upper: 5449, alpha: 1e-6 }).verdict).toBe('deviates');
  });

  it('is inconclusive when the interval overlaps but is wider than the tolerance, and says how many seeds would decide', () => {
    const decision = decideAgainstClaim(TAU, { estimate: 5700, lower: 3000, upper: 12_000, alpha: 1e-6, seeds: 50 });
    expect(decision.verdict).toBe('inconclusive');
    expect(wouldDecideWords(decision.wouldDecide!)).toContain(`${seedsToResolve(50, 4500, 50)} seeds`);
    expect(seedsToResolve(50, 4500, 50)).toBe(50 * 90 ** 2);
  });

  it('never passes an interval wider than its resolution, and never fails one that contains the claimed value', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b, tolerance) => {
        const [lower, upper] = a <= b ? [a, b] : [b, a];
        const decision = decideAgainstClaim({ value: 5000, tolerance }, { estimate: (lower + upper) / 2, lower, upper, alpha: DEFAULT_ALPHA });
        if (decision.verdict === 'reproduced') expect(decision.halfWidth).toBeLessThanOrEqual(tolerance);
        if (lower <= 5000 && 5000 <= upper) expect(decision.verdict).not.toBe('deviates');
      }),
    );
  });
});

describe('decideMeanTime', () => {
  it('is inconclusive when every run is censored before the claim could show, and names a budget that would decide', () => {
    const { decision, fit } = decideMeanTime(allCensored(50, 100), 100, TAU, DEFAULT_ALPHA);
    expect(fit.escapes).toBe(0);
    expect(decision.verdict).toBe('inconclusive');
    expect(decision.estimate).toBeNull();
    expect(wouldDecideWords(decision.wouldDecide!)).toMatch(/seeds at 100 epochs/);
  });

  it('deviates when fifty runs of 2×10⁴ epochs never escape, as they would with probability e^{−181.8} if τ = 5500', () => {
    const { decision, fit } = decideMeanTime(allCensored(50, 20_000), 20_000, TAU, DEFAULT_ALPHA);
    expect(fit.interval.lower).toBeGreaterThan(5550);
    expect(decision.verdict).toBe('deviates');
  });

  it('cannot confirm τ ≈ 5500 to ± 50 from 50 seeds, and says so with the numbers', () => {
    const runs = censoredRuns(exponentialDraw(seededUniform(42), 5500), 50, 20_000);
    const { decision, design } = decideMeanTime(runs, 20_000, TAU, DEFAULT_ALPHA);
    expect(decision.verdict).toBe('inconclusive');
    expect(design.escapesNeeded).toBeGreaterThan((4.891638475698358 * 110) ** 2); // (z·τ0/tolerance)²: ≈ 290 000 escapes
    expect(design.budgetNeeded).toBeNull();
    expect(wouldDecideWords(decision.wouldDecide!)).toContain(`${design.seedsNeeded} seeds at 20000 epochs`);
    // With a tolerance wider than the interval's half-width (≈ 5.5×10³ epochs at α = 1e-6) the same data decide.
    expect(decideMeanTime(runs, 20_000, { value: 5500, tolerance: 6000 }, DEFAULT_ALPHA).decision.verdict).toBe('reproduced');
  });
});

describe('family of checks', () => {
  it('bounds the suite-wide false-failure rate by m·α and inverts it', () => {
    expect(familyFalseFailureRate(100, 1e-6)).toBeCloseTo(1e-4, 18);
    expect(familyFalseFailureRate(3, 0.5)).toBe(1);
    expect(perCheckAlpha(100, 1e-4)).toBeCloseTo(1e-6, 20);
    expect(familyFalseFailureRate(40, perCheckAlpha(40, 1e-3))).toBeCloseTo(1e-3, 18);
  });
});

describe('a decision as data, worded by the report', () => {
  const claim = { value: 5500, tolerance: 50, printed: '5500' };
  const cases: [string, Parameters<typeof decideAgainstClaim>[1], Parameters<typeof decideAgainstClaim>[2], RegExp][] = [
    ['outside', { estimate: 8000, lower: 7000, upper: 9000, alpha: 1e-6 }, {}, /^\[7000, 9000\] at 1 − α, α = 0.000001 lies outside the claim 5500 ± 50$/],
    ['bound-only', { estimate: null, lower: 5000, upper: Infinity, alpha: 1e-6 }, {}, /^no point estimate .*bound the value to \[5000, ∞\] .*reaches the claim 5500 ± 50$/],
    ['too-wide', { estimate: 5500, lower: 5000, upper: 6000, alpha: 1e-6 }, {}, /overlaps the claim 5500 ± 50 but its half-width 500 exceeds the resolution 50$/],
    ['narrow', { estimate: 5500, lower: 5490, upper: 5510, alpha: 1e-6 }, {}, /overlaps the claim 5500 ± 50, half-width 10 ≤ 50$/],
    ['equivalent', { estimate: 5500, lower: 3000, upper: 9000, alpha: 1e-6 }, { discrepancy: { scale: 'factor', size: 2 }, equivalence: { lower: 4000, upper: 7000, alpha: 0.05 } }, /and its 95 % interval \[4000, 7000\] \(reproduce level 0.05\) lies inside \[2750, 11000\] \(5500 ×2\)$/],
    ['not-equivalent', { estimate: 5500, lower: 2000, upper: 20000, alpha: 1e-6 }, { discrepancy: { scale: 'factor', size: 2 }, equivalence: { lower: 2500, upper: 15000, alpha: 0.05 } }, /but its 95 % interval \[2500, 15000\] .* is not inside \[2750, 11000\]/],
  ];
  it.each(cases)('%s: the case is data, and its words say it', (name, estimate, options, words) => {
    const d = decideAgainstClaim(claim, estimate, options);
    expect(d.grounds.case).toBe(name);
    expect(decisionWords(d.grounds)).toMatch(words);
  });
});
