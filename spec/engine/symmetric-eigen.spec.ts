import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { symmetricEigen } from '../../src/engine/symmetric-eigen.ts';

const symmetric = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((raw) => {
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = raw[i * n + j]! + raw[j * n + i]!;
    return { n, a };
  }),
);

describe('symmetricEigen', () => {
  it('gives ascending values and orthonormal vectors with A v = λ v', () => {
    fc.assert(
      fc.property(symmetric, ({ n, a }) => {
        const { values, vectors } = symmetricEigen(a, n);
        const scale = 1 + a.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
        for (let k = 1; k < n; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
        for (let k = 0; k < n; k++) {
          for (let i = 0; i < n; i++) {
            let av = 0;
            for (let j = 0; j < n; j++) av += a[i * n + j]! * vectors[k * n + j]!;
            expect(Math.abs(av - values[k]! * vectors[k * n + i]!)).toBeLessThan(1e-12 * scale * n);
          }
          for (let l = 0; l < n; l++) {
            let d = 0;
            for (let i = 0; i < n; i++) d += vectors[k * n + i]! * vectors[l * n + i]!;
            expect(Math.abs(d - (k === l ? 1 : 0))).toBeLessThan(1e-12 * n);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('finds a known spectrum with a repeated eigenvalue', () => {
    // diag(2, 2, −1) rotated by a Givens rotation in the (0, 2) plane.
    const c = Math.cos(0.3);
    const s = Math.sin(0.3);
    const a = [2 * c * c + -1 * s * s, 0, (2 - -1) * c * s, 0, 2, 0, (2 - -1) * c * s, 0, 2 * s * s + -1 * c * c];
    const { values } = symmetricEigen(a, 3);
    expect(Array.from(values).map((v) => Number(v.toFixed(12)))).toEqual([-1, 2, 2]);
  });

  it('keeps orthonormal vectors for subnormal and huge entries (scaled to unit magnitude first)', () => {
    for (const a of [[0, -5e-324, -5e-324, 0], [1e-310, 3e-310, 3e-310, -2e-310], [1e300, -3e300, -3e300, 2e300]]) {
      const { values, vectors } = symmetricEigen(a, 2);
      const dot = vectors[0]! * vectors[2]! + vectors[1]! * vectors[3]!;
      expect(Math.abs(dot), String(a)).toBeLessThan(1e-15);
      expect(Math.hypot(vectors[0]!, vectors[1]!), String(a)).toBeCloseTo(1, 14);
      expect(values[0]! <= values[1]!).toBe(true);
    }
    expect(Array.from(symmetricEigen([0, -5e-324, -5e-324, 0], 2).values)).toEqual([-5e-324, 5e-324]);
  });
});
