// The least-squares facts of Section 4.2's Bayes-floor statement, against seeded Monte Carlo fits of the sparse task.
import { describe, expect, it } from 'vitest';
import { normalSource } from '../../../src/claims/common/calibrations.ts';
import { bayesFloorOf, expectedTestMse, expectedTrainMse, probabilityTrainBelowFloor } from '../../../src/claims/trapping/in-sample.ts';

const SPARSE = { samples: 25, inputs: 2, noiseVariances: [1 - 0.81, 1 - 0.64] };

/** One least-squares fit of N samples, y = Ax + noise (Σxx = I), p = 2 inputs: its train and fresh-sample test MSE. */
function fit(normal: () => number): { train: number; test: number } {
  const { samples: N, noiseVariances: v } = SPARSE;
  const x = Array.from({ length: N }, () => [normal(), normal()] as const);
  const y = x.map(([a, b]) => [0.9 * a + Math.sqrt(v[0]!) * normal(), 0.8 * b + Math.sqrt(v[1]!) * normal()] as const);
  let sxx00 = 0, sxx01 = 0, sxx11 = 0;
  for (const [a, b] of x) { sxx00 += a * a; sxx01 += a * b; sxx11 += b * b; }
  const det = sxx00 * sxx11 - sxx01 * sxx01;
  let train = 0;
  const W: number[][] = [];
  for (let o = 0; o < 2; o++) {
    let s0 = 0, s1 = 0;
    x.forEach(([a, b], i) => { s0 += a * y[i]![o]!; s1 += b * y[i]![o]!; });
    const w = [(sxx11 * s0 - sxx01 * s1) / det, (sxx00 * s1 - sxx01 * s0) / det];
    W.push(w);
    x.forEach(([a, b], i) => { train += (y[i]![o]! - w[0]! * a - w[1]! * b) ** 2; });
  }
  // Test MSE in expectation over a fresh sample: noise + ‖W − A‖² per output (Σxx = I).
  const A = [[0.9, 0], [0, 0.8]];
  let test = 0;
  for (let o = 0; o < 2; o++) test += v[o]! + (W[o]![0]! - A[o]![0]!) ** 2 + (W[o]![1]! - A[o]![1]!) ** 2;
  return { train: train / (2 * N), test: test / 2 };
}

describe('the in-sample error of the best rank-2 fit to 25 samples', () => {
  it('has the closed-form floor, means and a probability below the floor that Monte Carlo fits confirm', () => {
    expect(bayesFloorOf(SPARSE)).toBeCloseTo(0.275, 12);
    expect(expectedTrainMse(SPARSE)).toBeCloseTo(0.275 * 23 / 25, 12);
    expect(expectedTestMse(SPARSE)).toBeCloseTo(0.275 * (1 + 2 / 22), 12);
    const p = probabilityTrainBelowFloor(SPARSE);
    expect(p).toBeGreaterThan(0.6);
    expect(p).toBeLessThan(0.75);
    const normal = normalSource(90);
    const R = 4000;
    let below = 0, train = 0, test = 0;
    for (let r = 0; r < R; r++) {
      const f = fit(normal);
      if (f.train < 0.275) below += 1;
      train += f.train / R;
      test += f.test / R;
    }
    expect(Math.abs(below / R - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / R));
    expect(train).toBeCloseTo(expectedTrainMse(SPARSE), 2);
    expect(test).toBeCloseTo(expectedTestMse(SPARSE), 2);
  });

  it('refuses a fit with too few samples and the floor bound holds for none of them', () => {
    expect(() => expectedTrainMse({ samples: 3, inputs: 2, noiseVariances: [1] })).toThrow(/samples/);
    expect(() => bayesFloorOf({ samples: 25, inputs: 2, noiseVariances: [] })).not.toThrow();
    expect(probabilityTrainBelowFloor({ samples: 1000, inputs: 2, noiseVariances: [0.3] })).toBeGreaterThan(0.5);
  });
});
