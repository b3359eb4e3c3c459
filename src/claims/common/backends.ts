import { Decimal } from 'decimal.js';
import { decimalScalar, float64, type Scalar } from '../../analytic/index.ts';

/** Digits of the arbitrary-precision evaluation of every analytic claim. */
export const CLAIM_DIGITS = 40;
/** Significant digits a claim's value is reported and pinned with. */
export const REPORTED_DIGITS = 20;

const D = decimalScalar(CLAIM_DIGITS);

export interface InBothBackends {
  /** The decimal value (null where the quantity does not exist). */
  value: Decimal | null;
  /** The float64 value. */
  float: number | null;
  /** |float − decimal| / |decimal|, or null where either is absent. */
  relativeGap: number | null;
}

/** Computes one analytic quantity in float64 and at CLAIM_DIGITS digits, so every claim shows both agree. */
export function inBothBackends(compute: <T>(S: Scalar<T>) => T | null): InBothBackends {
  const value = compute(D);
  const float = compute(float64);
  const decimal = value === null ? null : new Decimal(D.toString(value));
  const relativeGap =
    decimal === null || float === null
      ? null
      : decimal.isZero()
        ? Math.abs(float)
        : decimal.minus(float).abs().div(decimal.abs()).toNumber();
  return { value: decimal, float, relativeGap };
}

export function reported(value: Decimal | null): string | null {
  return value === null ? null : value.toSignificantDigits(REPORTED_DIGITS).toString();
}

