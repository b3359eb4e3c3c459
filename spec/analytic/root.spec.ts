import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BracketError, bracketedRoot } from '../../src/analytic/root.ts';
import { decimalScalar, float64 } from '../../src/analytic/scalar.ts';

describe('bracketedRoot', () => {
  it('finds the root of a cubic inside any bracket with a sign change', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        (root, below, above) => {
          const f = (x: number) => (x - root) * ((x - root) ** 2 + 1);
          const df = (x: number) => 3 * (x - root) ** 2 + 1;
          // A root at or next to 0 has no relative scale: the absolute tolerance stops it there.
          const x = bracketedRoot(float64, { what: 'cubic', f, df, lo: root - below, hi: root + above, absoluteTolerance: 1e-15 });
          expect(Math.abs(x - root)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(root)));
        },
      ),
    );
  });

  it('converges even when the derivative misleads (a double root at the bracket edge)', () => {
    const f = (x: number) => x * x * (x - 1);
    const df = (x: number) => 3 * x * x - 2 * x;
    expect(bracketedRoot(float64, { what: 'double root', f, df, lo: 0.5, hi: 3 })).toBeCloseTo(1, 14);
  });

  it('fails loudly when the bracket holds no sign change', () => {
    expect(() =>
      bracketedRoot(float64, { what: 'x² + 1', f: (x) => x * x + 1, df: (x) => 2 * x, lo: -1, hi: 2 }),
    ).toThrow(BracketError);
    expect(() =>
      bracketedRoot(float64, { what: 'x² + 1', f: (x) => x * x + 1, df: (x) => 2 * x, lo: -1, hi: 2 }),
    ).toThrow(/x² \+ 1: f has the same sign/);
  });

  it('reaches the decimal backend\'s precision: √2 to 60 digits', () => {
    const D = decimalScalar(60);
    const x = bracketedRoot(D, {
      what: '√2',
      f: (v) => D.sub(D.mul(v, v), D.of(2)),
      df: (v) => D.mul(D.of(2), v),
      lo: D.of(1),
      hi: D.of(2),
    });
    expect(D.toString(x)).toBe('1.41421356237309504880168872420969807856967187537694807317668');
  });
});
