import { Decimal } from 'decimal.js';

// The one way a number becomes text in evidence, captions, tables and reports: significant digits (never a fixed
// count of decimals that prints 0.0000 for 3e-5), "—" for a value there is none of, ∞ spelled out. A Decimal is
// rounded in decimal, so a 50-digit value is not first cut to float64.

/** Significant digits when the caller names none: enough for a tolerance of ±0.0005 at the paper's βc ≈ 0.4. */
export const DEFAULT_DIGITS = 4;

function checkDigits(digits: number): void {
  if (!Number.isInteger(digits) || digits < 1 || digits > 21) throw new RangeError(`digits must be an integer in 1..21, got ${digits}`);
}

/** `value` to `digits` significant digits ('—' for null or undefined, '∞'/'−∞', 'NaN'). */
export function formatNumber(value: number | Decimal | null | undefined, digits = DEFAULT_DIGITS): string {
  checkDigits(digits);
  if (value === null || value === undefined) return '—';
  if (Decimal.isDecimal(value)) return value.isFinite() ? value.toSignificantDigits(digits).toString() : formatNumber(value.toNumber(), digits);
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return String(Number(value.toPrecision(digits)));
}

/** `value` to a fixed number of decimals: a quantity read at a stated resolution (a β on the 10⁻⁴ grid, say). */
export function formatDecimals(value: number | null | undefined, decimals: number): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 20) throw new RangeError(`decimals must be an integer in 0..20, got ${decimals}`);
  if (value === null || value === undefined || !Number.isFinite(value)) return formatNumber(value);
  return value.toFixed(decimals);
}

/**
 * `value` in exponent form to `digits` significant digits, trailing zeros of the mantissa dropped ("3.4e-18",
 * "1e-12", "1.2e+4"; 0 as "0"; '—', '∞'/'−∞', 'NaN' as formatNumber): a size read by its decade, such as a residue at
 * rounding level, where 0.0000034 would hide the order of magnitude the reader compares.
 */
export function formatExponent(value: number | null | undefined, digits = DEFAULT_DIGITS): string {
  checkDigits(digits);
  if (value === null || value === undefined || !Number.isFinite(value)) return formatNumber(value);
  return value === 0 ? '0' : Number(value.toPrecision(digits)).toExponential();
}
