import { Decimal } from 'decimal.js';

/**
 * One numeric API for the analytic code, written once and run in float64 or in decimal.js at a chosen
 * number of significant digits. Every operation is explicit, so the precision of a result is the
 * backend's, never an accident of JavaScript's number type.
 */
export interface Scalar<T> {
  readonly name: string;
  /** Significant decimal digits the backend is asked to deliver. */
  readonly digits: number;
  /** Relative spacing of representable values: the tightest meaningful relative tolerance. */
  readonly epsilon: T;
  of(value: number | string): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  /** a^n for an integer n ≥ 0, by repeated multiplication (exact up to rounding of each product). */
  powInt(a: T, n: number): T;
  /** a^b for a > 0 and any real b. */
  pow(a: T, b: T): T;
  sign(a: T): -1 | 0 | 1;
  /** Finite, and 0 or a normal number: a value that carries the backend's full relative precision. */
  representable(a: T): boolean;
  lt(a: T, b: T): boolean;
  toNumber(a: T): number;
  /** Decimal string with `digits` significant digits (the backend's own when omitted). */
  toString(a: T, digits?: number): string;
}

function powIntBy<T>(mul: (a: T, b: T) => T, one: T, a: T, n: number): T {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`powInt needs an integer exponent >= 0, got ${n}`);
  let result = one;
  let base = a;
  for (let e = n; e > 0; e >>= 1) {
    if (e & 1) result = mul(result, base);
    base = mul(base, base);
  }
  return result;
}

/** Smallest positive normal double: below it a float64 loses significant digits, then underflows to 0. */
const FLOAT64_MIN_NORMAL = 2.2250738585072014e-308;

/** A result the backend cannot hold (overflow, or underflow below its normal range): a refusal with the reason. */
export class OutOfRangeError extends RangeError {
  override readonly name = 'OutOfRangeError';
}

/** `value`, or an OutOfRangeError naming it when the backend cannot hold it (or rounded a positive value to 0). */
export function representableOrThrow<T>(S: Scalar<T>, value: T, what: string, positive = false): T {
  if (!S.representable(value) || (positive && S.sign(value) <= 0)) {
    throw new OutOfRangeError(`${what} is outside ${S.name}'s range at these inputs (it overflows, or falls below 2.2e-308 and loses its digits)`);
  }
  return value;
}

const float64Mul = (a: number, b: number): number => a * b;

export const float64: Scalar<number> = {
  name: 'float64',
  digits: 17,
  epsilon: Number.EPSILON,
  of: (value) => Number(value),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: float64Mul,
  div: (a, b) => a / b,
  neg: (a) => -a,
  abs: (a) => Math.abs(a),
  powInt: (a, n) => powIntBy(float64Mul, 1, a, n),
  pow: (a, b) => Math.pow(a, b),
  sign: (a) => (a > 0 ? 1 : a < 0 ? -1 : 0),
  representable: (a) => Number.isFinite(a) && (a === 0 || Math.abs(a) >= FLOAT64_MIN_NORMAL),
  lt: (a, b) => a < b,
  toNumber: (a) => a,
  // Without `digits`, the shortest string that reads back to the same double: all of float64's precision.
  toString: (a, digits) => (digits === undefined || digits >= 17 ? String(a) : String(Number(a.toPrecision(digits)))),
};

export const MIN_DECIMAL_DIGITS = 1;
export const MAX_DECIMAL_DIGITS = 200;
/** Guard digits carried beyond the requested precision so that the printed digits are all correct. */
const GUARD_DIGITS = 10;

/** decimal.js backend computing with `digits` + guard significant digits. */
export function decimalScalar(digits: number): Scalar<Decimal> {
  if (!Number.isInteger(digits) || digits < MIN_DECIMAL_DIGITS || digits > MAX_DECIMAL_DIGITS) {
    throw new RangeError(`decimal digits must be an integer in [${MIN_DECIMAL_DIGITS}, ${MAX_DECIMAL_DIGITS}], got ${digits}`);
  }
  const D = Decimal.clone({ precision: digits + GUARD_DIGITS, rounding: Decimal.ROUND_HALF_EVEN });
  const one = new D(1);
  const mul = (a: Decimal, b: Decimal): Decimal => a.times(b);
  return {
    name: `decimal${digits}`,
    digits,
    epsilon: new D(10).pow(-(digits + GUARD_DIGITS - 1)),
    of: (value) => new D(value),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul,
    div: (a, b) => a.div(b),
    neg: (a) => a.neg(),
    abs: (a) => a.abs(),
    powInt: (a, n) => powIntBy(mul, one, a, n),
    pow: (a, b) => a.pow(b),
    sign: (a) => (a.isZero() ? 0 : a.isPositive() ? 1 : -1),
    // decimal.js exponents reach ±9e15: it underflows to an exact 0 and overflows to Infinity, never to a subnormal.
    representable: (a) => a.isFinite(),
    lt: (a, b) => a.lessThan(b),
    toNumber: (a) => a.toNumber(),
    toString: (a, d = digits) => new D(a).toSignificantDigits(d).toString(),
  };
}
