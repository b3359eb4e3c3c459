import { Decimal } from 'decimal.js';

/** How far the audit's value may be from the paper's and still count as the same number. */
export type ToleranceRule =
  | { rule: 'printed-precision' }
  | { rule: 'stated'; plusMinus: string }
  | { rule: 'exact' }
  | { rule: 'qualitative' }
  /** "τ > 7000": the paper's value is a strict lower bound; the claim holds when the quantity's interval lies above it. */
  | { rule: 'lower-bound' };

/**
 * Half a unit in the last printed digit: "0.360" → 0.0005, "0.42" → 0.005, "5500" → 50 (trailing zeros of an
 * integer are not significant), "10" → 5. A number printed as "≈ x" means x rounded to the digits shown.
 */
export function halfUnitOfLastDigit(printed: string): Decimal {
  const text = printed.trim().replace(/^[-+]/, '');
  if (!/^\d+(\.\d+)?$/.test(text)) throw new RangeError(`not a plainly printed number: '${printed}'`);
  const [, fraction] = text.split('.');
  if (fraction !== undefined) return new Decimal(10).pow(-fraction.length).div(2);
  const trailingZeros = /0*$/.exec(text)![0].length;
  return new Decimal(10).pow(Math.min(trailingZeros, text.length - 1)).div(2);
}

/** The half-width of the agreement interval around the paper's value, or null where no number is compared. */
export function toleranceWidth(rule: ToleranceRule, printed: string | null): Decimal | null {
  switch (rule.rule) {
    case 'printed-precision':
      return printed === null ? null : halfUnitOfLastDigit(printed);
    case 'stated':
      return new Decimal(rule.plusMinus);
    case 'exact':
      return new Decimal(0);
    case 'qualitative':
    case 'lower-bound':
      return null;
  }
}

export interface NumericComparison {
  /** ours − paper */
  difference: Decimal;
  /** |ours − paper| / tolerance (Infinity for an exact rule that is missed). */
  toleranceUnits: number;
  within: boolean;
}

export function compareToPrinted(ours: Decimal, printed: string, width: Decimal): NumericComparison {
  const difference = ours.minus(printed);
  const within = difference.abs().lte(width);
  const toleranceUnits = width.isZero() ? (difference.isZero() ? 0 : Infinity) : difference.abs().div(width).toNumber();
  return { difference, toleranceUnits, within };
}

/** The tolerance in words, as the report prints it beside the claim. */
export function describeTolerance(rule: ToleranceRule, printed: string | null): string {
  switch (rule.rule) {
    case 'printed-precision':
      return printed === null ? '± half a unit of each printed value' : `± ${toleranceWidth(rule, printed)!.toString()} (printed digits)`;
    case 'stated':
      return `± ${rule.plusMinus} (stated)`;
    case 'exact':
      return 'exact';
    case 'qualitative':
      return 'qualitative';
    case 'lower-bound':
      return `> ${printed ?? '?'} (lower bound)`;
  }
}
