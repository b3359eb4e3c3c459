import { InvalidArgumentError } from 'commander';

/** Commander argument parsers that reject what the science cannot take, with a message that says how to fix it. */
function finite(raw: string, what: string): number {
  const text = raw.trim();
  const value = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`${what} must be a finite number, got '${raw}'.`);
  return value;
}

export function positiveNumber(what: string) {
  return (raw: string): number => {
    const value = finite(raw, what);
    if (!(value > 0)) throw new InvalidArgumentError(`${what} must be > 0, got ${raw}.`);
    return value;
  };
}

export function nonNegativeNumber(what: string) {
  return (raw: string): number => {
    const value = finite(raw, what);
    if (value < 0) throw new InvalidArgumentError(`${what} must be >= 0, got ${raw}.`);
    return value;
  };
}

export function integerInRange(what: string, min: number, max: number = Number.MAX_SAFE_INTEGER) {
  return (raw: string): number => {
    const value = finite(raw, what);
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
