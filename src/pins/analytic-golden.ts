import type { Decimal } from 'decimal.js';
import { pinDifferences } from './compare.ts';
import { fileURLToPath } from 'node:url';
import {
  CONVENTIONS,
  decimalScalar,
  describeLandscape,
  float64,
  type Convention,
  type Scalar,
} from '../analytic/index.ts';
import { loadValidatedJson } from '../io/index.ts';

export const ANALYTIC_GOLDEN_PATH = fileURLToPath(new URL('../../golden/analytic.json', import.meta.url));
export const ANALYTIC_GOLDEN_SCHEMA = fileURLToPath(new URL('../../golden/analytic.schema.json', import.meta.url));

/** Digits at which the pinned values are computed and stored. */
export const GOLDEN_DIGITS = 50;

export interface CriticalEntry {
  eta: string;
  depth: number;
  convention: Convention;
  betaC: string;
  lambdaC: string;
  betaStar: string;
}

export interface PointEntry {
  eta: string;
  beta: string;
  depth: number;
  convention: Convention;
  lambdaSaddle: string | null;
  lambdaMin: string | null;
  barrier: string | null;
  barrierFromMin: string | null;
  globalPhase: 'zero' | 'nonzero';
}

export interface AnalyticGolden {
  digits: number;
  critical: CriticalEntry[];
  points: PointEntry[];
}

/** The paper's points: η = 0.9, 0.8 at L = 3 (Appendices A, B, D); β = 0.29, 0.32, 0.35 at η = 0.8 (Fig. 2a). */
export const GOLDEN_CRITICAL_INPUTS = [
  { eta: '0.9', depth: 3 },
  { eta: '0.8', depth: 3 },
] as const;
export const GOLDEN_POINT_INPUTS = [
  { eta: '0.8', beta: '0.29', depth: 3 },
  { eta: '0.8', beta: '0.32', depth: 3 },
  { eta: '0.8', beta: '0.35', depth: 3 },
] as const;

function criticalEntry<T>(S: Scalar<T>, eta: string, depth: number, convention: Convention): CriticalEntry {
  // Critical values do not depend on β; any β gives the same three numbers.
  const s = describeLandscape(S, { eta: S.of(eta), beta: S.of(0), depth, convention });
  return { eta, depth, convention, betaC: S.toString(s.betaC), lambdaC: S.toString(s.lambdaC), betaStar: S.toString(s.betaStar) };
}

function pointEntry<T>(S: Scalar<T>, eta: string, beta: string, depth: number, convention: Convention): PointEntry {
  const s = describeLandscape(S, { eta: S.of(eta), beta: S.of(beta), depth, convention });
  const text = (v: T | null): string | null => (v === null ? null : S.toString(v));
  return {
    eta,
    beta,
    depth,
    convention,
    lambdaSaddle: text(s.lambdaSaddle),
    lambdaMin: text(s.lambdaMin),
    barrier: text(s.barrier),
    barrierFromMin: text(s.barrierFromMin),
    globalPhase: s.globalPhase,
  };
}

/** The analytic values at the paper's points, computed by the backend S under both conventions. */
export function computeAnalyticValues<T>(S: Scalar<T>): Omit<AnalyticGolden, 'digits'> {
  return {
    critical: CONVENTIONS.flatMap((c) => GOLDEN_CRITICAL_INPUTS.map((p) => criticalEntry(S, p.eta, p.depth, c))),
    points: CONVENTIONS.flatMap((c) => GOLDEN_POINT_INPUTS.map((p) => pointEntry(S, p.eta, p.beta, p.depth, c))),
  };
}

export function computeAnalyticGolden(digits = GOLDEN_DIGITS): AnalyticGolden {
  return { digits, ...computeAnalyticValues(decimalScalar(digits)) };
}

export function computeAnalyticFloat64(): Omit<AnalyticGolden, 'digits'> {
  return computeAnalyticValues(float64);
}

export function loadAnalyticGolden(path = ANALYTIC_GOLDEN_PATH): AnalyticGolden {
  return loadValidatedJson<AnalyticGolden>(path, ANALYTIC_GOLDEN_SCHEMA);
}

/** Where computed values moved beyond `tolerance` (relative) from the pinned file; empty when none did. */
export function analyticDrift(now: Omit<AnalyticGolden, 'digits'>, pinned: AnalyticGolden, tolerance: Decimal.Value): string[] {
  const { digits: _digits, $schema: _schema, ...values } = pinned as AnalyticGolden & { $schema?: string };
  const { digits: _computedAt, ...computed } = now as AnalyticGolden;
  return pinDifferences(computed, values, tolerance);
}
