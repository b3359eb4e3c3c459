import kstest from '@stdlib/stats-kstest';
import { describe, expect, it } from 'vitest';
import { exponentialShapeTest, dkwHalfWidth, type EscapeRun } from '../../src/stats/index.ts';
import { censoredRuns, exponentialDraw, seededUniform } from './simulate.ts';

const BUDGET = 20_000; // Appendix A: 2×10⁴ epochs
const SEEDS = 50; // Appendix A: seeds 42–91

const allCensored = (n: number, budget: number): EscapeRun[] => Array.from({ length: n }, () => ({ time: budget, escaped: false }));

describe('exponentialShapeTest', () => {
  it('has ε = √(ln(2/α)/2n): 0.381 at n = 50, α = 1e-6', () => {
    expect(dkwHalfWidth(50, 1e-6)).toBeCloseTo(Math.sqrt(Math.log(2e6) / 100), 14);
    expect(dkwHalfWidth(50, 1e-6)).toBeCloseTo(0.381, 3);
  });

  it('keeps its false-failure rate at or below α on censored exponential samples (300 replications, α = 0.05)', () => {
    const uniform = seededUniform(7);
    let rejections = 0;
    for (let r = 0; r < 300; r++) {
      if (exponentialShapeTest(censoredRuns(exponentialDraw(uniform, 5500), SEEDS, BUDGET), BUDGET, 0.05).rejects) rejections++;
    }
    expect(rejections / 300).toBeLessThan(0.05);
  });

  it('detects a non-memoryless escape (a delay of about 5500 epochs ± 10%) at n = 50', () => {
    const uniform = seededUniform(11);
    let rejections = 0;
    for (let r = 0; r < 50; r++) {
      const runs = censoredRuns(() => 5500 * (0.9 + 0.2 * uniform()), SEEDS, BUDGET);
      if (exponentialShapeTest(runs, BUDGET, 1e-6).rejects) rejections++;
    }
    expect(rejections).toBe(50);
  });

  it('on whole epochs keeps its false-failure rate when τ is a few epochs, where a continuous CDF would not', () => {
    // Section 3.1: random initialisation escapes after τ ≈ 10 epochs, recorded as a whole epoch; at τ = 5 the
    // continuous test already fails about a quarter of true exponentials at α = 0.05 (at τ = 2, all of them).
    const draw = exponentialDraw(seededUniform(17), 5);
    let onGrid = 0;
    let continuous = 0;
    for (let r = 0; r < 200; r++) {
      const runs = censoredRuns(() => Math.ceil(draw()), SEEDS, 100);
      if (exponentialShapeTest(runs, 100, 0.05, { grid: 1 }).rejects) onGrid++;
      if (exponentialShapeTest(runs, 100, 0.05).rejects) continuous++;
    }
    expect(onGrid / 200).toBeLessThan(0.05);
    expect(continuous / 200).toBeGreaterThan(0.15);
  });

  it('on whole epochs compares step functions: a hand computation', () => {
    // Escapes at epochs 1, 1, 2 and no budget: geometric p̂ = 3/4 per epoch, so F(k) = 1 − 4^{−k}: F(1) = 0.75,
    // F(2) = 0.9375 against F₃(1) = 2/3, F₃(2) = 1 — the largest gap is 1/12, at epoch 1.
    const runs: EscapeRun[] = [1, 1, 2].map((time) => ({ time, escaped: true }));
    const test = exponentialShapeTest(runs, Infinity, 0.05, { grid: 1 });
    expect(test.rate).toBeCloseTo(Math.log(4), 14);
    expect(test.statistic).toBeCloseTo(1 / 12, 14);
    expect(test.pValue).toBe(1);
  });

  it('on whole epochs agrees with the continuous test when τ is thousands of epochs', () => {
    const runs = censoredRuns(() => Math.ceil(exponentialDraw(seededUniform(23), 5500)()), SEEDS, BUDGET);
    const grid = exponentialShapeTest(runs, BUDGET, 1e-6, { grid: 1 });
    const continuous = exponentialShapeTest(runs, BUDGET, 1e-6);
    expect(Math.abs(grid.statistic! - continuous.statistic!)).toBeLessThan(2e-3);
    expect(() => exponentialShapeTest([{ time: 10.5, escaped: true }], BUDGET, 0.05, { grid: 1 })).toThrow(/not on the grid/);
  });

  it('cannot test without escapes, and says so', () => {
    const test = exponentialShapeTest(allCensored(SEEDS, BUDGET), BUDGET, 1e-6);
    expect(test.statistic).toBeNull();
    expect(test.pValue).toBeNull();
    expect(test.rejects).toBe(false);
  });
  it('measures the same distance as the Kolmogorov–Smirnov test it takes its p-value from', () => {
    const runs = censoredRuns(exponentialDraw(seededUniform(31), 5500), SEEDS, BUDGET);
    const test = exponentialShapeTest(runs, BUDGET, 0.05);
    const escapedBy = -Math.expm1(-test.rate * BUDGET);
    const times = runs.filter((run) => run.escaped).map((run) => run.time);
    expect(test.statistic).toBeCloseTo(kstest(times, (t: number) => -Math.expm1(-test.rate * t) / escapedBy).statistic, 14);
  });
});

describe('exponentialShapeTest by simulation (Lilliefors)', () => {
  it('is the same for the same seed, and decides only where its resolution reaches alpha', () => {
    const runs = censoredRuns(exponentialDraw(seededUniform(37), 5500), SEEDS, BUDGET);
    const simulate = (alpha: number) => exponentialShapeTest(runs, BUDGET, alpha, { simulation: { samples: 99, uniform: seededUniform(1) } });
    expect(simulate(0.05)).toStrictEqual(simulate(0.05));
    expect(simulate(0.05).decidedBy).toBe('simulation');
    expect(simulate(1e-6).decidedBy).toBe('kolmogorov');
    expect(simulate(1e-6).simulatedPValue).toBeGreaterThanOrEqual(1 / 100);
  });

  it('keeps its size and gains power over the conservative p-value (α = 0.1, 99 simulations)', () => {
    const uniform = seededUniform(41);
    const draw = exponentialDraw(uniform, 5500);
    let nullRejections = 0;
    for (let r = 0; r < 100; r++) {
      if (exponentialShapeTest(censoredRuns(draw, SEEDS, BUDGET), BUDGET, 0.1, { simulation: { samples: 99, uniform } }).rejects) nullRejections++;
    }
    expect(nullRejections / 100).toBeLessThan(0.18); // Binomial(100, 0.1): sd 0.03
    expect(nullRejections / 100).toBeGreaterThan(0.03);
    // A Weibull of shape 1.3: escape grows likelier with time spent trapped, which Kramers escape does not.
    const weibullUniform = seededUniform(43);
    const weibull = () => 5500 * (-Math.log1p(-weibullUniform())) ** (1 / 1.3);
    let simulated = 0;
    let conservative = 0;
    for (let r = 0; r < 60; r++) {
      const test = exponentialShapeTest(censoredRuns(weibull, SEEDS, BUDGET), BUDGET, 0.1, { simulation: { samples: 99, uniform: weibullUniform } });
      if (test.rejects) simulated++;
      if (test.pValue! < 0.1) conservative++;
    }
    // About 37 against 15 of 60 with this seed.
    expect(simulated).toBeGreaterThan(conservative + 10);
  });
});
