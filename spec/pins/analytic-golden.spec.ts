import { describe, expect, it } from 'vitest';
import { analyticDrift, computeAnalyticFloat64, computeAnalyticGolden, loadAnalyticGolden } from '../../src/pins/index.ts';

describe("golden/analytic.json gates the values at the paper's points", () => {
  const golden = loadAnalyticGolden();

  it('pins both conventions at η = 0.9, 0.8 (L = 3) and β = 0.29, 0.32, 0.35 (η = 0.8)', () => {
    expect(golden.critical.map((c) => `${c.convention}:${c.eta}`).sort()).toEqual(['eq1:0.8', 'eq1:0.9', 'eq2:0.8', 'eq2:0.9']);
    expect(golden.points.map((p) => `${p.convention}:${p.beta}`).sort()).toEqual(['eq1:0.29', 'eq1:0.32', 'eq1:0.35', 'eq2:0.29', 'eq2:0.32', 'eq2:0.35']);
  });

  it('the decimal backend reproduces every pinned value to 1e-30 relative', () => {
    expect(analyticDrift(computeAnalyticGolden(golden.digits), golden, '1e-30')).toEqual([]);
  });

  it('the float64 backend reproduces every pinned value to 1e-12 relative', () => {
    expect(analyticDrift(computeAnalyticFloat64(), golden, '1e-12')).toEqual([]);
  });

  it('names a value that moved beyond the tolerance, and the global phase exactly', () => {
    const now = computeAnalyticGolden(golden.digits);
    const moved = structuredClone(now);
    moved.points[0]!.barrier = moved.points[0]!.barrier!.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    moved.points[1]!.globalPhase = moved.points[1]!.globalPhase === 'zero' ? 'nonzero' : 'zero';
    const drift = analyticDrift(moved, golden, '1e-60');
    expect(drift.some((line) => line.startsWith('points[0].barrier:'))).toBe(true);
    expect(drift.some((line) => line.startsWith('points[1].globalPhase:'))).toBe(true);
    expect(analyticDrift(moved, golden, '1e-30').filter((l) => l.startsWith('points[0].barrier'))).toEqual([]);
  });
});
