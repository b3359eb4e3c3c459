import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  OutOfRangeError,
  decimalScalar,
  describeLandscape,
  float64,
  modeGradient,
  type Convention,
  type LandscapeSummary,
} from '../../src/analytic/index.ts';
import { conventionArb, deepArb, relativeDifference } from './arbitraries.ts';

// the solver answers every finite input or refuses it with an OutOfRangeError, at the extremes too:
// β → 0, η large, η and β tiny, many digits. Decimal arithmetic (exponents to ±9e15) answers all of them.
const decimal = decimalScalar(25);
const exponentArb = (min: number, max: number) => fc.integer({ min, max });

/** float64's answer, or null when it refuses; anything else thrown fails the property. */
function float64Answer(eta: number, beta: number, depth: number, convention: Convention): LandscapeSummary<number> | null {
  try {
    return describeLandscape(float64, { eta, beta, depth, convention });
  } catch (error) {
    expect(error).toBeInstanceOf(OutOfRangeError);
    return null;
  }
}

function checkExtreme(etaExp: number, betaExp: number, depth: number, convention: Convention): void {
  const eta = `1e${etaExp}`;
  const beta = `1e${betaExp}`;
  const exact = describeLandscape(decimal, { eta: decimal.of(eta), beta: decimal.of(beta), depth, convention });
  if (exact.lambdaSaddle !== null && exact.lambdaSaddle.gt(0)) {
    // Eq. 2 at the saddle: its terms η and b·λ^{2/L−1} cancel to the backend's precision.
    const residual = modeGradient(decimal, exact.lambdaSaddle, { eta: decimal.of(eta), beta: decimal.of(beta), depth, convention });
    expect(residual.abs().div(eta).toNumber()).toBeLessThan(1e-20);
  }
  const f = float64Answer(Number(eta), Number(beta), depth, convention);
  if (f === null) return;
  for (const key of ['betaC', 'lambdaC', 'betaStar', 'lambdaSaddle', 'lambdaMin', 'barrier', 'barrierFromMin'] as const) {
    const a = f[key];
    const b = exact[key];
    expect(a === null).toBe(b === null);
    if (a !== null && b !== null) {
      expect(Number.isFinite(a)).toBe(true);
      // Differences of losses (the barriers) lose digits to cancellation; the points keep nearly all.
      expect(relativeDifference(a, b.toNumber())).toBeLessThan(key.startsWith('barrier') ? 1e-6 : 1e-11);
    }
  }
  expect(f.globalPhase).toBe(exact.globalPhase);
}

describe('the landscape at the extremes', () => {
  it('β → 0: float64 agrees with decimal or refuses; decimal always answers', () => {
    fc.assert(fc.property(exponentArb(-1, 0), exponentArb(-320, -1), deepArb, conventionArb, checkExtreme), { numRuns: 60 });
  });

  it('η large and small, β anywhere', () => {
    fc.assert(fc.property(exponentArb(-300, 300), exponentArb(-300, 300), deepArb, conventionArb, checkExtreme), { numRuns: 60 });
  });

  it('η and β tiny together', () => {
    fc.assert(fc.property(exponentArb(-320, -200), exponentArb(-320, -200), deepArb, conventionArb, checkExtreme), { numRuns: 40 });
  });

  it('many digits: the saddle at β = 1e-300 solves Eq. 2 to the requested precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 200 }), deepArb, (digits, depth) => {
        const S = decimalScalar(digits);
        const mode = { eta: S.of('0.8'), beta: S.of('1e-300'), depth, convention: 'eq2' as const };
        const { lambdaSaddle } = describeLandscape(S, mode);
        expect(modeGradient(S, lambdaSaddle!, mode).abs().toNumber()).toBeLessThan(10 ** -(digits - 2));
      }),
      { numRuns: 8 },
    );
  });
});
