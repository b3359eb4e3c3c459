// Calibration of "monotone within the sampling jitter" on seeded synthetic traces the length of the full profile's
// (201 samples, every 100 epochs): a descent onto a jittering plateau is called monotone about 99 % of the time; a
// sustained rise is caught.
import { describe, expect, it } from 'vitest';
import { normalSource } from '../../../src/claims/common/calibrations.ts';
import { jitterExcursionFactor, jitterSpread, lagOneAutocorrelation, largestRiseAboveRunningMinimum, MONOTONE_QUANTILE, monotoneWithinJitter } from '../../../src/claims/trapping/monotone.ts';

const SAMPLES = 201;
const REPLICATIONS = 400;

/** Train MSE 1.4 × the plateau at epoch 0, then the plateau with relative jitter sd; `rise` lifts the samples from `from` on. */
function syntheticTrace(normal: () => number, sd: number, rise = 0, from = SAMPLES): number[] {
  return Array.from({ length: SAMPLES }, (_, i) => (i === 0 ? 0.6 : 0.45 * Math.exp(sd * normal()) * (i >= from ? 1 + rise : 1)));
}

describe('monotone within the sampling jitter', () => {
  it('reads the rise above the running minimum and a robust spread', () => {
    expect(largestRiseAboveRunningMinimum([3, 2, 2.5, 1, 1.2])).toBeCloseTo(0.5, 12);
    expect(largestRiseAboveRunningMinimum([3, 2, 1])).toBe(0);
    expect(jitterSpread([1, 1, 1])).toBe(0);
    expect(monotoneWithinJitter([1, 1, 1, 1]).monotone).toBe(true);
  });

  it('allows the excursion pure jitter reaches: about seven spreads at 201 samples', () => {
    const c = jitterExcursionFactor(SAMPLES);
    expect(c).toBeGreaterThan(6);
    expect(c).toBeLessThan(9);
    expect(jitterExcursionFactor(SAMPLES)).toBe(c);
  });

  it('calls a jittering plateau monotone at its stated rate and catches a sustained 5 % rise (10 spreads at 0.5 %), rarely a 1 % one', () => {
    const normal = normalSource(77);
    let monotone = 0;
    let caught = 0;
    let blip = 0;
    for (let r = 0; r < REPLICATIONS; r++) {
      if (monotoneWithinJitter(syntheticTrace(normal, 0.005)).monotone) monotone += 1;
      if (!monotoneWithinJitter(syntheticTrace(normal, 0.005, 0.05, 100)).monotone) caught += 1;
      if (!monotoneWithinJitter(syntheticTrace(normal, 0.005, 0.01, 100)).monotone) blip += 1;
    }
    const se = 3 * Math.sqrt((MONOTONE_QUANTILE * (1 - MONOTONE_QUANTILE)) / REPLICATIONS);
    expect(monotone / REPLICATIONS).toBeGreaterThanOrEqual(MONOTONE_QUANTILE - se - 0.01);
    expect(caught / REPLICATIONS).toBeGreaterThanOrEqual(0.99);
    // A 1 % shift (two spreads) mostly hides in the jitter (caught about 30 % of the time): the tolerance is the jitter's.
    expect(blip / REPLICATIONS).toBeLessThan(0.5);
    expect(blip / REPLICATIONS).toBeGreaterThan(0.05);
  });

  it('measures the lag-1 autocorrelation that independent samples make near 0', () => {
    const normal = normalSource(78);
    const z = Array.from({ length: 1000 }, normal);
    expect(Math.abs(lagOneAutocorrelation(z)!)).toBeLessThan(0.1);
    let walk = 0;
    expect(lagOneAutocorrelation(z.map((x) => (walk += x)))!).toBeGreaterThan(0.9);
    expect(lagOneAutocorrelation([1, 2])).toBeNull();
  });
});
