import { describe, expect, it } from 'vitest';
import { sampleTeacher, selectSamples } from '../../src/data/dataset.ts';
import { createStream } from '../../src/data/random-stream.ts';

describe('sampleTeacher', () => {
  it('reproduces the teacher covariance within sampling error', () => {
    const n = 3;
    const m = 2;
    const count = 100_000;
    const d = sampleTeacher(createStream(5, 'data'), { inputDim: n, outputDim: m, singularValues: [0.9, 0.8] }, count);
    const cov = (f: (s: number) => number, g: (s: number) => number) => {
      let sum = 0;
      for (let s = 0; s < count; s++) sum += f(s) * g(s);
      return sum / count;
    };
    const x = (i: number) => (s: number) => d.x[s * n + i]!;
    const y = (i: number) => (s: number) => d.y[s * m + i]!;
    // Standard error of a sample covariance of unit-variance variables ≤ √2/√n ≈ 0.0045; 6 σ bounds.
    const tol = 0.027;
    expect(cov(x(0), x(0))).toBeCloseTo(1, 1);
    expect(Math.abs(cov(x(0), x(1)))).toBeLessThan(tol);
    expect(Math.abs(cov(y(0), y(0)) - 1)).toBeLessThan(tol);
    expect(Math.abs(cov(y(0), x(0)) - 0.9)).toBeLessThan(tol);
    expect(Math.abs(cov(y(1), x(1)) - 0.8)).toBeLessThan(tol);
    expect(Math.abs(cov(y(1), x(2)))).toBeLessThan(tol);
    expect(Math.abs(cov(y(0), y(1)))).toBeLessThan(tol);
  });

  it('selectSamples picks rows in order', () => {
    const d = sampleTeacher(createStream(1, 'data'), { inputDim: 2, outputDim: 1, singularValues: [0.5] }, 5);
    const s = selectSamples(d, [4, 0]);
    expect([...s.x]).toEqual([d.x[8], d.x[9], d.x[0], d.x[1]]);
    expect([...s.y]).toEqual([d.y[4], d.y[0]]);
  });
});
