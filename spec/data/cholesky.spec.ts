import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cholesky } from '../../src/data/cholesky.ts';

describe('cholesky', () => {
  it('reconstructs random SPD matrices A = M Mᵀ + I', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: n * n, maxLength: n * n })),
        ),
        ([n, m]) => {
          const a = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let s = i === j ? 1 : 0;
              for (let k = 0; k < n; k++) s += m[i * n + k]! * m[j * n + k]!;
              a[i * n + j] = s;
            }
          }
          const l = cholesky(a, n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              if (j > i && l[i * n + j] !== 0) return false;
              let s = 0;
              for (let k = 0; k < n; k++) s += l[i * n + k]! * l[j * n + k]!;
              if (Math.abs(s - a[i * n + j]!) > 1e-12 * (1 + Math.abs(a[i * n + j]!))) return false;
            }
          }
          return true;
        },
      ),
    );
  });

  it('refuses a matrix that is not positive definite', () => {
    expect(() => cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(/not positive definite/);
  });
});
