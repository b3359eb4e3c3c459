// Calibration of the R² rule (arrhenius-r2) and of the ΔE_eff rule (delta-e-eff) on synthetic sweeps of the paper's
// design: five learning rates, B = 64, 50 seeds, 2×10⁴ epochs (Appendix A). Small fixed-seed draws, no SGD.
import { describe, expect, it } from 'vitest';
import { decideR2, decideR2Draw, r2IntervalOf } from '../../../src/claims/kinetics/arrhenius.ts';
import { effectiveBarrierCalibration } from '../../../src/claims/kinetics/effective-barrier.ts';
import { createStream, uniformUnit } from '../../../src/data/index.ts';
import { DEFAULT_ALPHA, fitLine } from '../../../src/stats/index.ts';
import { wouldDecideWords } from '../../../src/report/words/common.ts';

const X = [0.0005, 0.001, 0.002, 0.003, 0.005].map((lr) => 64 / lr);
const BUDGET = 20_000;
const R2 = { value: 0.991, tolerance: 0.0005, printed: '0.991' };

/** 50 seeds × 5 settings of exponential escape times with mean τ(x), censored at the budget. */
function table(streamSeed: number, mean: (x: number) => number) {
  const rng = createStream(streamSeed, 'bootstrap');
  return Array.from({ length: 50 }, (_, seed) =>
    X.map((x) => {
      const t = -mean(x) * Math.log1p(-uniformUnit(rng));
      return { seed, trapped: true, escapeEpoch: t <= BUDGET ? t : null, budget: BUDGET };
    }),
  );
}

/** An exact Arrhenius line with τ from 500 (x = 12 800) to 15 000 (x = 128 000): every setting escapes within the budget. */
const slope = Math.log(30) / (128_000 - 12_800);
const arrhenius = (x: number) => 500 * Math.exp(slope * (x - 12_800));

describe('the R² rule at 50 seeds (bootstrap interval at 1 − 10⁻³ against 0.991 ± 0.0005)', () => {
  it('cannot say reproduced for an exact Arrhenius law: the interval of R² is ~70 times wider than the printed precision', () => {
    for (const s of [1, 2, 3]) {
      const d = decideR2(X, table(s, arrhenius), R2, s, 2000);
      expect(d.verdict).toBe('inconclusive');
      expect(d.halfWidth).toBeGreaterThan(0.01);
      expect(wouldDecideWords(d.wouldDecide!)).toMatch(/seeds/);
    }
  });

  it('deviates when ln τ does not depend on B/ηlr, and reproduces a table whose R² is 0.991 with no seed-to-seed scatter', () => {
    expect(decideR2(X, table(4, () => 3000), R2, 4, 2000).verdict).toBe('deviates');
    // Every seed alike: the bootstrap interval is the point itself. Bend the line until its R² is 0.991.
    const bend = [0, 1, -1, 0, 0];
    const r2Of = (c: number) => fitLine(X, X.map((x, j) => Math.log(arrhenius(x)) + c * bend[j]!), 0.05).rSquared;
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 60; i++) (r2Of((lo + hi) / 2) > 0.991 ? (lo = (lo + hi) / 2) : (hi = (lo + hi) / 2));
    const times = X.map((x, j) => arrhenius(x) * Math.exp(lo * bend[j]!));
    const alike = Array.from({ length: 50 }, (_, seed) => times.map((t) => ({ seed, trapped: true, escapeEpoch: t, budget: BUDGET })));
    expect(decideR2(X, alike, R2, 5, 2000).verdict).toBe('reproduced');
  });
});

describe('the R² rule read as one draw of the sweep (the headline of arrhenius-r2) at 50 seeds', () => {
  it('says reproduced when the printed value is another sweep\'s R² under the same law, in 9 of 10 fixed draws or more', () => {
    let reproduced = 0;
    for (let s = 0; s < 10; s++) {
      // The "paper": an independent sweep of 50 seeds under the same exact Arrhenius law; its R² is the printed value.
      const paper = r2IntervalOf(X, table(100 + s, arrhenius), 100 + s, 1999).estimate;
      const d = decideR2Draw(X, table(200 + s, arrhenius), { value: paper, tolerance: 0.0005 }, 200 + s, 1999);
      expect(d.verdict).not.toBe('deviates');
      if (d.verdict === 'reproduced') reproduced++;
    }
    expect(reproduced).toBeGreaterThanOrEqual(9);
  });

  it('deviates when ln τ does not depend on B/ηlr, and is inconclusive between the 95 % and the 1 − 10⁻³ range', () => {
    expect(decideR2Draw(X, table(4, () => 3000), R2, 4, 1999).verdict).toBe('deviates');
    const d = decideR2Draw(X, table(5, arrhenius), R2, 5, 1999);
    const between = (d.central[0] + d.wide[0]) / 2;
    expect(decideR2Draw(X, table(5, arrhenius), { value: between, tolerance: 0 }, 5, 1999).verdict).toBe('inconclusive');
  });
});

describe('the ΔE_eff rule (the slope of ln τ against B/ηlr over 1/T per unit x, against 0.15 ± 0.05)', () => {
  it('cannot say reproduced at the paper T_eff reading: a true ΔE_eff = 0.15 puts every τ beyond e^1000 epochs, so no run escapes', () => {
    const c = effectiveBarrierCalibration(X, 50, BUDGET, 1.11, { value: 0.15, tolerance: 0.05, printed: '0.15' }, DEFAULT_ALPHA, 40);
    expect(c.reproducedWhenTrue).toBe(0);
    expect(c.size).toBe(0);
  });

  it('on a scale where the slope is resolvable (1/T per unit x = 2×10⁻⁴) it reproduces the truth, detects ×3, and reads ÷2 as reproduced', () => {
    const c = effectiveBarrierCalibration(X, 50, BUDGET, 2e-4, { value: 0.15, tolerance: 0.05, printed: '0.15' }, DEFAULT_ALPHA, 40);
    expect(c.size).toBe(0);
    expect(c.reproducedWhenTrue).toBeGreaterThanOrEqual(0.9);
    expect(c.detectable).toBe('×3');
    // ΔE_eff/2 = 0.075 lies within one stated uncertainty (0.05) of the band 0.15 ± 0.05: the paper's ± is as wide as ×2.
    expect(c.falseReproduce).toBeGreaterThan(0.5);
  });
});
