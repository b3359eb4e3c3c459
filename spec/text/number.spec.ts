import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExponent, formatNumber } from '../../src/text/index.ts';

describe('formatNumber', () => {
  it('gives significant digits, "—" for no value and ∞ spelled out', () => {
    expect(formatNumber(0.360123)).toBe('0.3601');
    expect(formatNumber(3.2e-5)).toBe('0.000032');
    expect(formatNumber(123456, 3)).toBe('123000');
    expect(formatNumber(5500)).toBe('5500');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(() => formatNumber(1, 0)).toThrow(RangeError);
  });

  it('rounds a Decimal in decimal, not through float64', () => {
    expect(formatNumber(new Decimal('0.35088212858554392786'), 6)).toBe('0.350882');
    expect(formatNumber(new Decimal('1.00000000000000000005'), 21)).toBe('1.00000000000000000005');
    expect(formatNumber(new Decimal(Infinity))).toBe('∞');
  });

  it('reads back within half a unit of its last significant digit', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((x) => x !== 0 && Math.abs(x) > 1e-12), fc.integer({ min: 1, max: 10 }), (x, digits) => {
        const back = Number(formatNumber(x, digits));
        const unit = 10 ** (Math.floor(Math.log10(Math.abs(x))) - digits + 1);
        expect(Math.abs(back - x)).toBeLessThanOrEqual(unit / 2 + Math.abs(x) * 1e-15);
      }),
    );
  });
});

describe('formatExponent', () => {
  it('gives a mantissa of significant digits without trailing zeros and the decade, as formatNumber for no value and ∞', () => {
    expect(formatExponent(3.4e-18, 2)).toBe('3.4e-18');
    expect(formatExponent(3.2e-5, 2)).toBe('3.2e-5');
    expect(formatExponent(1e-12, 2)).toBe('1e-12');
    expect(formatExponent(-0.000123456, 3)).toBe('-1.23e-4');
    expect(formatExponent(12345, 2)).toBe('1.2e+4');
    expect(formatExponent(9.96, 2)).toBe('1e+1');
    expect(formatExponent(0, 2)).toBe('0');
    expect(formatExponent(null)).toBe('—');
    expect(formatExponent(-Infinity)).toBe('−∞');
    expect(formatExponent(NaN)).toBe('NaN');
    expect(() => formatExponent(1, 0)).toThrow(RangeError);
  });

  it('reads back as the value formatNumber gives at the same digits', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => x !== 0), fc.integer({ min: 1, max: 10 }), (x, digits) => {
        expect(Number(formatExponent(x, digits))).toBe(Number(formatNumber(x, digits)));
      }),
    );
  });
});
