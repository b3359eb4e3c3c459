import { MAX_DECIMAL_DIGITS, MIN_DECIMAL_DIGITS } from '../../analytic/index.ts';
import { GoldenFileError } from '../../io/index.ts';
import type { Claim } from '../ledger.ts';

/** Reads an evaluator's input from a claim, naming the claim and the field when it is missing or mistyped. */
function read(claim: Claim, key: string): unknown {
  if (!(key in claim.params)) {
    throw new GoldenFileError(`golden/claims.json: claim '${claim.id}' needs params.${key} for evaluator '${claim.evaluator}'.`);
  }
  return claim.params[key];
}

function fail(claim: Claim, key: string, expected: string): never {
  throw new GoldenFileError(`golden/claims.json: claim '${claim.id}' params.${key} must be ${expected}.`);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** What a decimal parameter must be: any decimal, or one > 0 (a singular value η, say). */
export type DecimalKind = 'any' | 'positive';

function isDecimal(value: unknown, kind: DecimalKind): value is string {
  return typeof value === 'string' && DECIMAL.test(value) && (kind === 'any' || (!value.startsWith('-') && /[1-9]/.test(value)));
}

function decimalText(kind: DecimalKind): string {
  return kind === 'any' ? 'decimal string such as "0.8"' : 'decimal string > 0 such as "0.8"';
}

export function decimalParam(claim: Claim, key: string, kind: DecimalKind = 'any'): string {
  const value = read(claim, key);
  if (!isDecimal(value, kind)) fail(claim, key, `a ${decimalText(kind)}`);
  return value;
}

export function decimalListParam(claim: Claim, key: string, kind: DecimalKind = 'any'): string[] {
  const value = read(claim, key);
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => isDecimal(v, kind))) {
    fail(claim, key, `a non-empty list of ${decimalText(kind)}s`);
  }
  return value as string[];
}

/** Inclusive bounds of an integer parameter; a depth, say, is [2, 1000]. */
export interface IntegerRange {
  readonly min: number;
  readonly max?: number;
}

/** The ranges the evaluators need: below them the analytic core or a run has nothing to compute. */
export const DEPTH: IntegerRange = { min: 2, max: 1000 };
export const COUNT: IntegerRange = { min: 1 };
export const RANK: IntegerRange = { min: 0 };
export const DIGITS: IntegerRange = { min: MIN_DECIMAL_DIGITS, max: MAX_DECIMAL_DIGITS };
export const GRID: IntegerRange = { min: 2 };

function inRange(v: unknown, range: IntegerRange): v is number {
  return Number.isSafeInteger(v) && (v as number) >= range.min && (v as number) <= (range.max ?? Number.MAX_SAFE_INTEGER);
}

function rangeText({ min, max }: IntegerRange): string {
  return max === undefined ? `>= ${min}` : `in [${min}, ${max}]`;
}

export function integerParam(claim: Claim, key: string, range: IntegerRange): number {
  const value = read(claim, key);
  if (!inRange(value, range)) fail(claim, key, `an integer ${rangeText(range)}, not ${JSON.stringify(value)}`);
  return value;
}

export function integerListParam(claim: Claim, key: string, range: IntegerRange): number[] {
  const value = read(claim, key);
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => inRange(v, range))) {
    fail(claim, key, `a non-empty list of integers ${rangeText(range)}`);
  }
  return value as number[];
}

export interface Place {
  place: string;
  says: string;
}

export function placeParam(claim: Claim, key: string): Place {
  const value = read(claim, key) as Partial<Place> | null;
  if (typeof value !== 'object' || value === null || typeof value.place !== 'string' || typeof value.says !== 'string') {
    fail(claim, key, 'an object { "place": string, "says": string }');
  }
  return value as Place;
}
