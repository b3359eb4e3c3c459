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

export function decimalParam(claim: Claim, key: string): string {
  const value = read(claim, key);
  if (typeof value !== 'string' || !DECIMAL.test(value)) fail(claim, key, 'a decimal string such as "0.8"');
  return value;
}

export function decimalListParam(claim: Claim, key: string): string[] {
  const value = read(claim, key);
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && DECIMAL.test(v))) {
    fail(claim, key, 'a non-empty list of decimal strings');
  }
  return value as string[];
}

export function integerParam(claim: Claim, key: string): number {
  const value = read(claim, key);
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(claim, key, 'an integer');
  return value;
}

export function integerListParam(claim: Claim, key: string): number[] {
  const value = read(claim, key);
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => Number.isInteger(v))) {
    fail(claim, key, 'a non-empty list of integers');
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
