import { InvalidArgumentError } from 'commander';
import { parseShard, type Shard } from '../runner/index.ts';

/** Commander argument parsers that reject what the science cannot take, with a message that says how to fix it. */

// Plain decimal notation only: Number() would also read 0x2A, 0b101, 0o7, Infinity and '' (as 0).
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NONZERO_DIGIT = /[1-9]/;

/** The value of a decimal number that float64 holds without overflow or underflow to 0. */
export function decimalNumber(raw: string, what: string): number {
  const text = raw.trim();
  if (!DECIMAL_NUMBER.test(text)) {
    throw new InvalidArgumentError(`${what} must be a decimal number such as 0.5 or 1e-3, got '${raw}'.`);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`${what} must be a finite number (|x| <= 1.7e308), got '${raw}'.`);
  // The mantissa's digits decide whether the text means 0: 0e-999 is 0, 1e-400 is not.
  if (value === 0 && NONZERO_DIGIT.test(text.split(/[eE]/)[0]!)) {
    throw new InvalidArgumentError(`${what} ${raw} underflows to 0 in float64; give 0 or a magnitude >= 5e-324.`);
  }
  return value;
}

export function positiveNumber(what: string) {
  return (raw: string): number => {
    const value = decimalNumber(raw, what);
    if (!(value > 0)) throw new InvalidArgumentError(`${what} must be > 0, got ${raw}.`);
    return value;
  };
}

export function nonNegativeNumber(what: string) {
  return (raw: string): number => {
    const value = decimalNumber(raw, what);
    if (value < 0) throw new InvalidArgumentError(`${what} must be >= 0, got ${raw}.`);
    return value;
  };
}

export function integerInRange(what: string, min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    // A word ("two") gets an integer's example, not a decimal's.
    if (!DECIMAL_NUMBER.test(raw.trim())) throw new InvalidArgumentError(`${what} must be a decimal integer such as ${Math.max(min, 2)}, got '${raw}'.`);
    const value = decimalNumber(raw, what);
    if (!Number.isInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`;
      throw new InvalidArgumentError(`${what} must be ${range}, got ${raw}.`);
    }
    return value;
  };
}

/** One of a fixed set of names; the message lists them. */
export function oneOf<T extends string>(what: string, names: readonly T[]) {
  return (raw: string): T => {
    if (!(names as readonly string[]).includes(raw)) {
      throw new InvalidArgumentError(`unknown ${what} '${raw}'; expected one of ${names.join(', ')}.`);
    }
    return raw as T;
  };
}

/** A file or folder path: an empty one would silently mean the current folder. */
export function nonEmptyPath(what: string) {
  return (raw: string): string => {
    if (raw.trim() === '') throw new InvalidArgumentError(`${what} must name a path, got an empty string.`);
    return raw;
  };
}

/** A comma-separated list with at least one non-empty item: '' or ',' must not read as "everything". */
export function nonEmptyList(what: string) {
  return (raw: string): string[] => {
    const items = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
    if (items.length === 0) throw new InvalidArgumentError(`${what} lists nothing, got '${raw}'; name at least one item or leave the flag out.`);
    return items;
  };
}

/** K/N: the K-th of N slices of the plan (src/runner/shard.ts). */
export function shardOption(what: string) {
  return (raw: string): Shard => {
    try {
      return parseShard(raw);
    } catch (error) {
      throw new InvalidArgumentError(`${what}: ${(error as Error).message}.`);
    }
  };
}
