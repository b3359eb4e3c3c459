import { describe, expect, it } from 'vitest';
import {
  EXCEPTION_RATE,
  MOST_RUNS,
  NEARLY_EVERY_RUN,
  RUNS_TO_DECIDE,
  runsToDecide,
  shareDiscrepancy,
  typicalityCalibration,
  typicalReading,
  typicalVerdict,
  universalReading,
  universalVerdict,
  upperRate,
} from '../../../src/claims/common/typicality.ts';
import { DEFAULT_ALPHA, REPRODUCE_ALPHA } from '../../../src/stats/index.ts';

describe('the universal rule over runs', () => {
  it('deviates on one failing run, reproduces with none in enough runs, is inconclusive with too few', () => {
    expect(universalVerdict(1, 50)).toBe('deviates');
    expect(universalVerdict(0, 50)).toBe('reproduced');
    expect(universalVerdict(0, 3)).toBe('inconclusive');
    expect(universalVerdict(0, 0)).toBe('inconclusive');
  });

  it('needs the paper\'s 50 seeds: the bound crosses a quarter between RUNS_TO_DECIDE − 1 and RUNS_TO_DECIDE runs', () => {
    expect(upperRate(0, RUNS_TO_DECIDE)).toBeLessThanOrEqual(EXCEPTION_RATE);
    expect(upperRate(0, RUNS_TO_DECIDE - 1)).toBeGreaterThan(EXCEPTION_RATE);
    expect(RUNS_TO_DECIDE).toBeLessThanOrEqual(50);
  });

  it('deviates on one failing run, and reads the failing share as its value', () => {
    const r = universalReading('x', [{ seed: 7, fails: true, value: 1 }, { seed: 8, fails: false, value: 0 }], 'm');
    expect(r.reading).toEqual({ label: 'x', value: '0.5', verdict: 'deviates' });
    expect(universalReading('y', [{ seed: 1, fails: false, value: 0 }], 'm').reading.verdict).toBe('inconclusive');
  });
});

describe('the typicality rule: the share of runs that show a described shape', () => {
  const exactRate = (n: number, share: number, threshold: number, verdict: string): number => {
    // Σ_k C(n,k) s^k (1−s)^(n−k) over the counts that give `verdict`, by the recurrence of the binomial pmf.
    let pmf = (1 - share) ** n;
    let total = 0;
    for (let k = 0; k <= n; k++) {
      if (typicalVerdict(k, n, threshold) === verdict) total += pmf;
      pmf *= share === 1 ? 0 : ((n - k) / (k + 1)) * (share / (1 - share));
    }
    return total;
  };

  it('deviates below the threshold at 1 − α, reproduces above it at 95 %, else is inconclusive', () => {
    expect(typicalVerdict(37, 38, MOST_RUNS)).toBe('reproduced');
    expect(typicalVerdict(7, 50, MOST_RUNS)).toBe('deviates');
    expect(typicalVerdict(8, 50, MOST_RUNS)).toBe('inconclusive');
    expect(typicalVerdict(25, 50, MOST_RUNS)).toBe('inconclusive');
    expect(typicalVerdict(50, 50, NEARLY_EVERY_RUN)).toBe('reproduced');
    expect(typicalVerdict(30, 50, NEARLY_EVERY_RUN)).toBe('deviates');
    expect(typicalVerdict(0, 0, MOST_RUNS)).toBe('inconclusive');
  });

  it('bounds both errors at the threshold: P(reproduced | s = θ) ≤ 2.5 %, P(deviates | s = θ) ≤ α/2 (exact binomial sums)', () => {
    for (const n of [10, 38, 50, 150]) {
      for (const threshold of [MOST_RUNS, NEARLY_EVERY_RUN]) {
        expect(exactRate(n, threshold, threshold, 'reproduced')).toBeLessThanOrEqual(REPRODUCE_ALPHA / 2);
        expect(exactRate(n, threshold, threshold, 'deviates')).toBeLessThanOrEqual(DEFAULT_ALPHA / 2);
      }
    }
  });

  it('states its calibration on seeded synthetic truths, matching the exact rates within three binomial errors', () => {
    for (const [n, threshold] of [[38, MOST_RUNS], [150, MOST_RUNS], [50, NEARLY_EVERY_RUN]] as const) {
      const c = typicalityCalibration(n, threshold);
      const d = shareDiscrepancy(threshold);
      const se = (p: number) => 3 * Math.sqrt((p * (1 - p)) / c.replications) + 1e-9;
      expect(c.seeds).toBe(n);
      expect(c.size).toBe(0);
      expect(Math.abs(c.reproducedWhenTrue - exactRate(n, threshold + d, threshold, 'reproduced'))).toBeLessThanOrEqual(se(c.reproducedWhenTrue) + 0.01);
      expect(Math.abs(c.power - exactRate(n, threshold - d, threshold, 'deviates'))).toBeLessThanOrEqual(se(c.power) + 0.01);
      expect(c.falseReproduce).toBeLessThanOrEqual(0.025);
      expect(typicalityCalibration(n, threshold)).toBe(c);
    }
    // 150 runs (the dense traces) resolve ½ ± ¼ both ways; 38 (the sparse plateaux) reproduce a share of ¾ most of the time.
    expect(typicalityCalibration(150, MOST_RUNS).power).toBeGreaterThanOrEqual(0.9);
    expect(typicalityCalibration(150, MOST_RUNS).detectable).toBe('± 0.25');
    expect(typicalityCalibration(38, MOST_RUNS).reproducedWhenTrue).toBeGreaterThan(0.8);
    expect(shareDiscrepancy(NEARLY_EVERY_RUN)).toBe(0.05);
  });

  it('reads the share that shows the shape, and is undecided at the threshold', () => {
    const r = typicalReading('x', [{ seed: 7, fails: true, value: 1 }, ...Array.from({ length: 9 }, (_, i) => ({ seed: i, fails: false, value: 0 }))], 'm', MOST_RUNS);
    expect(r.reading).toEqual({ label: 'x', value: '0.9', verdict: 'reproduced' });
    const half = typicalReading('y', [{ seed: 1, fails: true, value: 1 }, { seed: 2, fails: false, value: 0 }], 'm', MOST_RUNS);
    expect(half.reading.verdict).toBe('inconclusive');
    expect(runsToDecide(0.24, MOST_RUNS)).toBeGreaterThan(50);
  });

  it('keeps every seed in the per-seed values', () => {
    const cases = Array.from({ length: 20 }, (_, i) => ({ seed: 100 + i, fails: i < 6, value: i < 6 ? 1 : 0 }));
    expect(typicalReading('x', cases, 'm', MOST_RUNS).perSeed.seeds).toEqual(cases.map((c) => c.seed));
  });
});
