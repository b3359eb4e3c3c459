import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareToPrinted, describeTolerance, halfUnitOfLastDigit, toleranceWidth } from '../../src/claims/tolerance.ts';

describe('tolerance from the printed precision', () => {
  it.each([
    ['0.360', '0.0005'],
    ['0.36', '0.005'],
    ['0.42', '0.005'],
    ['0.41', '0.005'],
    ['0.003', '0.0005'],
    ['0.991', '0.0005'],
    ['5500', '50'],
    ['1500', '50'],
    ['50', '5'],
    ['10', '5'],
    ['8', '0.5'],
    ['0', '0.5'],
  ])('"%s" is good to ± %s', (printed, width) => {
    expect(halfUnitOfLastDigit(printed).toString()).toBe(width);
  });

  it('a value rounds to the printed digits exactly when it lies within the width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 1, max: 4 }), fc.double({ min: -2, max: 2, noNaN: true }), (digits, places, offset) => {
        const printed = new Decimal(digits).div(new Decimal(10).pow(places)).toFixed(places);
        const width = halfUnitOfLastDigit(printed);
        const ours = new Decimal(printed).plus(width.times(offset));
        const rounds = ours.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN).eq(printed);
        const { within } = compareToPrinted(ours, printed, width);
        if (Math.abs(offset) < 1) expect(within && rounds).toBe(true);
        if (Math.abs(offset) > 1) expect(within || rounds).toBe(false);
      }),
    );
  });

  it('uses a stated uncertainty as printed, and compares exactly under the exact rule', () => {
    expect(toleranceWidth({ rule: 'stated', plusMinus: '0.05' }, '0.15')!.toString()).toBe('0.05');
    expect(toleranceWidth({ rule: 'qualitative' }, null)).toBeNull();
    expect(compareToPrinted(new Decimal(170), '170', new Decimal(0))).toMatchObject({ within: true, toleranceUnits: 0 });
    expect(compareToPrinted(new Decimal(140), '170', new Decimal(0))).toMatchObject({ within: false, toleranceUnits: Infinity });
  });

  it('reports the distance in tolerance units', () => {
    const c = compareToPrinted(new Decimal('0.3508821285855439'), '0.360', halfUnitOfLastDigit('0.360'));
    expect(c.within).toBe(false);
    expect(c.toleranceUnits).toBeCloseTo(18.2357, 3);
    expect(() => halfUnitOfLastDigit('≈ 0.41')).toThrow(/not a plainly printed number/);
  });

  it('words each tolerance rule', () => {
    expect(describeTolerance({ rule: 'stated', plusMinus: '0.05' }, '0.15')).toBe('± 0.05 (stated)');
    expect(describeTolerance({ rule: 'printed-precision' }, '0.003')).toBe('± 0.0005 (printed digits)');
    expect(describeTolerance({ rule: 'lower-bound' }, '7000')).toBe('> 7000 (lower bound)');
  });
});
