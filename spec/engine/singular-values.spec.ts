import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveRank, singularValues, singularValuesGeneric } from '../../src/engine/singular-values.ts';

describe('singularValues', () => {
  it('matches hand-computed cases', () => {
    expect([...singularValues([3, 0, 0, -2], 2, 2)]).toEqual([3, 2]);
    const s = singularValues([1, 1, 0, 0], 2, 2);
    expect(s[0]).toBeCloseTo(Math.SQRT2, 15);
    expect(s[1]).toBe(0);
    const r = singularValues([2, 0, 0, 0, 1, 0], 2, 3);
    expect([...r]).toEqual([2, 1]);
  });

  it('Σσ² = |A|²_F and Π σ = |det A| for random square matrices; wide = tall of the transpose', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((n) =>
          fc.tuple(fc.constant(n), fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n })),
        ),
        ([n, a]) => {
          const s = singularValues(a, n, n);
          const frob = a.reduce((t, v) => t + v * v, 0);
          const sumSq = s.reduce((t, v) => t + v * v, 0);
          if (Math.abs(sumSq - frob) > 1e-12 * (1 + frob)) return false;
          for (let i = 1; i < n; i++) if (s[i]! > s[i - 1]!) return false;
          // Determinant by Gaussian elimination with partial pivoting.
          const m = [...a];
          let det = 1;
          for (let c = 0; c < n; c++) {
            let p = c;
            for (let r = c + 1; r < n; r++) if (Math.abs(m[r * n + c]!) > Math.abs(m[p * n + c]!)) p = r;
            if (m[p * n + c] === 0) {
              det = 0;
              break;
            }
            if (p !== c) {
              for (let k = 0; k < n; k++) [m[c * n + k], m[p * n + k]] = [m[p * n + k]!, m[c * n + k]!];
              det = -det;
            }
            det *= m[c * n + c]!;
            for (let r = c + 1; r < n; r++) {
              const f = m[r * n + c]! / m[c * n + c]!;
              for (let k = c; k < n; k++) m[r * n + k]! -= f * m[c * n + k]!;
            }
          }
          const prod = s.reduce((t, v) => t * v, 1);
          const scale = s.reduce((t, v) => t * Math.max(v, 1), 1);
          if (Math.abs(prod - Math.abs(det)) > 1e-11 * scale) return false;
          const t = Array.from({ length: n * n }, (_, k) => a[(k % n) * n + Math.floor(k / n)]!);
          const st = singularValues(t, n, n);
          return st.every((v, i) => Math.abs(v - s[i]!) <= 1e-12 * (1 + s[0]!));
        },
      ),
    );
  });

  it('reads a sub-block through the row stride', () => {
    expect([...singularValues([5, 0, 9, 0, 4, 9], 2, 2, 3)]).toEqual([5, 4]);
  });
});

describe('effectiveRank', () => {
  it('counts singular values above the threshold', () => {
    expect(effectiveRank([0.9, 0.2, 1e-4], 1e-3)).toBe(2);
    expect(effectiveRank([0, 0], 0)).toBe(0);
  });
});

describe('singularValues on 2 × 2 matrices', () => {
  const entry = fc.oneof(
    fc.double({ min: -3, max: 3 }),
    fc.double(),
    fc.constantFrom(0, -0, 1e-300, -1e-300, 5e-324, 1e300, Infinity, -Infinity, NaN, 1, -1),
  );
  it('gives the bits of the generic Jacobi, whatever the entries (zeros of either sign, subnormals, ±∞, NaN) and the row stride', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 6, maxLength: 6 }), fc.constantFrom(2, 3), (a, ld) => {
        const fast = [...singularValues(a, 2, 2, ld)];
        const reference = [...singularValuesGeneric(a, 2, 2, ld)];
        return fast.length === 2 && fast.every((v, k) => Object.is(v, reference[k]));
      }),
      { numRuns: 20_000 },
    );
  });
});
