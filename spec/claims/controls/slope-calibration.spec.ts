import { describe, expect, it } from 'vitest';
import { censoredSlopeCalibration } from '../../../src/claims/controls/slope-calibration.ts';
import { depthOrderCalibration } from '../../../src/claims/controls/escape-controls.ts';
import { decideAgainstClaim } from '../../../src/stats/index.ts';

// The calibrations of the censored-slope rules and of the depth rank test, on synthetic truths (fixed seeds, small sizes).

describe('censoredSlopeCalibration', () => {
  const design = [3, 4.5, 6, 7.5].map((x) => ({ x, runs: 50 }));
  const calibrate = (runs: number) =>
    censoredSlopeCalibration({
      name: 'slope 1 ± 0.25',
      alpha: 1e-6,
      design: design.map((d) => ({ ...d, runs })),
      budget: 1e7,
      lnTauAtCentre: 5,
      slopeAt: (factor) => factor,
      decide: (f) => decideAgainstClaim({ value: 1, tolerance: 0.25 }, { estimate: f.slope, lower: f.slopeInterval.lower, upper: f.slopeInterval.upper, alpha: f.alpha }).verdict,
      discrepancy: { scale: 'factor', size: 2 },
      grid: [1.5, 2, 3],
      purpose: 99,
    });
  it('never refutes a true slope and refutes one ×2 off most of the time, at 50 runs per setting', () => {
    const c = calibrate(50);
    expect(c.size).toBe(0);
    expect(c.power).toBeGreaterThan(0.8);
    expect(c.falseReproduce).toBeLessThan(0.2);
  });
  it('has little power at 3 runs per setting', () => {
    expect(calibrate(3).power).toBeLessThan(0.5);
  });
});

describe('depthOrderCalibration', () => {
  it('never calls a true ordering deviating, and sees a reversed one by ×30 per depth at 20 runs', () => {
    const c = depthOrderCalibration([3, 4, 5].map((depth) => ({ depth, runs: 20 })), 15, 2e4, 18);
    expect(c.size).toBe(0);
    expect(c.falseReproduce).toBe(0);
    expect(c.detectable).not.toBeNull();
  });
});
