import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalScalar, float64 } from '../../src/analytic/scalar.ts';

describe('scalar backends', () => {
  it('powInt is repeated multiplication in both backends', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 0, max: 12 }), (x, n) => {
        let expected = 1;
        for (let i = 0; i < n; i++) expected *= x;
        const got = float64.powInt(x, n);
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
      }),
    );
    const D = decimalScalar(40);
    expect(D.toString(D.powInt(D.of('1.1'), 3))).toBe('1.331');
    expect(() => float64.powInt(2, -1)).toThrow(RangeError);
  });

  it('decimal reads decimal strings exactly and prints the requested digits', () => {
    const D = decimalScalar(30);
    expect(D.toString(D.add(D.of('0.1'), D.of('0.2')))).toBe('0.3');
    expect(D.toString(D.div(D.of(1), D.of(3)))).toBe('0.333333333333333333333333333333');
    expect(D.toString(D.div(D.of(2), D.of(3)), 5)).toBe('0.66667');
    expect(float64.toString(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(float64.toString(2 / 3, 5)).toBe('0.66667');
  });

  it('rejects a decimal precision outside its range', () => {
    expect(() => decimalScalar(0)).toThrow(/digits/);
    expect(() => decimalScalar(201)).toThrow(/digits/);
    expect(() => decimalScalar(2.5)).toThrow(/digits/);
  });

  it('orders and signs values the same way in both backends', () => {
    const D = decimalScalar(25);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (a, b) => {
        expect(D.lt(D.of(a), D.of(b))).toBe(float64.lt(a, b));
        expect(D.sign(D.of(a))).toBe(float64.sign(a));
      }),
    );
  });
});
