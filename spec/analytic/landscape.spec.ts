import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalScalar,
  describeLandscape,
  equalLossBeta,
  float64,
  type LandscapeSummary,
} from '../../src/analytic/index.ts';
import { modeBelowCriticalArb } from './arbitraries.ts';

const NUMERIC_FIELDS = ['betaC', 'lambdaC', 'betaStar', 'lambdaSaddle', 'lambdaMin', 'barrier', 'barrierFromMin'] as const;

function relative(a: Decimal, b: Decimal): Decimal {
  const scale = Decimal.max(a.abs(), b.abs());
  return scale.isZero() ? new Decimal(0) : a.minus(b).abs().div(scale);
}

function expectClose(a: string | null, b: string | null, tolerance: string, label: string): void {
  expect(a === null, `${label}: one side is null`).toBe(b === null);
  if (a === null || b === null) return;
  const r = relative(new Decimal(a), new Decimal(b));
  expect(r.lte(tolerance), `${label}: ${a} vs ${b}, relative ${r.toSignificantDigits(3).toString()}`).toBe(true);
}

function asText<T>(S: { toString(v: T): string }, s: LandscapeSummary<T>): Record<string, string | null> {
  return Object.fromEntries(NUMERIC_FIELDS.map((k) => [k, s[k] === null ? null : S.toString(s[k] as T)]));
}

describe('the landscape in both backends', () => {
  const D40 = decimalScalar(40);
  const D60 = decimalScalar(60);

  it('float64 and decimal agree to 1e-12 relative (β <= 0.99 βc)', () => {
    fc.assert(
      fc.property(modeBelowCriticalArb.filter((m) => m.fraction <= 0.99), (mode) => {
        const f = describeLandscape(float64, mode);
        const d = describeLandscape(D40, { ...mode, eta: D40.of(mode.eta), beta: D40.of(mode.beta) });
        const ft = asText(float64, f);
        const dt = asText(D40, d);
        for (const k of NUMERIC_FIELDS) expectClose(ft[k]!, dt[k]!, '1e-12', k);
        expect(f.globalPhase).toBe(d.globalPhase);
      }),
      { numRuns: 40 },
    );
  });

  it('closer to βc, float64 loses digits of the barrier out of λ** only as its conditioning predicts', () => {
    // Loss(λsad) − Loss(λ**) ∝ (βc − β)^{3/2} is a difference of two losses of size ~η²: float64 keeps
    // about ε·κ of it, κ = (|Loss(λsad) − Loss(0)| + |Loss(λ**) − Loss(0)|) / barrier.
    fc.assert(
      fc.property(modeBelowCriticalArb.filter((m) => m.fraction > 0.99), (mode) => {
        const f = describeLandscape(float64, mode);
        const d = describeLandscape(D40, { ...mode, eta: D40.of(mode.eta), beta: D40.of(mode.beta) });
        const exact = d.barrierFromMin!.toNumber();
        const kappa = (Math.abs(d.barrier!.toNumber()) + Math.abs(d.barrier!.toNumber() - exact)) / exact;
        expect(Math.abs(f.barrierFromMin! - exact) / exact).toBeLessThanOrEqual(16 * Number.EPSILON * Math.max(1, kappa));
      }),
      { numRuns: 40 },
    );
  });

  it('decimal at 40 and at 60 digits agree to 1e-35', () => {
    fc.assert(
      fc.property(modeBelowCriticalArb, (mode) => {
        // Decimal strings of the double inputs, so both precisions start from the same exact numbers.
        const eta = new Decimal(mode.eta).toString();
        const beta = new Decimal(mode.beta).toString();
        const a = asText(D40, describeLandscape(D40, { ...mode, eta: D40.of(eta), beta: D40.of(beta) }));
        const b = asText(D60, describeLandscape(D60, { ...mode, eta: D60.of(eta), beta: D60.of(beta) }));
        for (const k of NUMERIC_FIELDS) expectClose(a[k]!, b[k]!, '1e-35', k);
      }),
      { numRuns: 15 },
    );
  });

  it('names the non-zero minimum global exactly below β*', () => {
    fc.assert(
      fc.property(modeBelowCriticalArb, (mode) => {
        const expected = mode.beta < equalLossBeta(float64, mode) ? 'nonzero' : 'zero';
        expect(describeLandscape(float64, mode).globalPhase).toBe(expected);
      }),
    );
  });
});
