import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  criticalBeta,
  criticalLambda,
  float64,
  modeCurvature,
  modeGradient,
  stationaryPoints,
} from '../../src/analytic/index.ts';
import { conventionArb, deepArb, etaArb, modeBelowCriticalArb } from './arbitraries.ts';

describe('stationary points below βc (Eq. 2, Appendix C)', () => {
  it('satisfy Eq. 2 to a tight residual and sit on either side of λc', () => {
    fc.assert(
      fc.property(modeBelowCriticalArb, (mode) => {
        const { saddle, minimum } = stationaryPoints(float64, mode);
        expect(saddle).not.toBeNull();
        expect(minimum).not.toBeNull();
        for (const lambda of [saddle!, minimum!]) {
          // Residual relative to the terms of Eq. 2, which cancel at a root.
          expect(Math.abs(modeGradient(float64, lambda, mode))).toBeLessThan(1e-12 * (lambda + mode.eta));
        }
        const lambdaC = criticalLambda(float64, mode);
        expect(saddle!).toBeLessThan(lambdaC);
        expect(minimum!).toBeGreaterThan(lambdaC);
        expect(minimum!).toBeLessThan(mode.eta);
      }),
    );
  });

  it('have negative curvature at the saddle and positive at the minimum', () => {
    fc.assert(
      fc.property(modeBelowCriticalArb, (mode) => {
        const { saddle, minimum } = stationaryPoints(float64, mode);
        expect(modeCurvature(float64, saddle!, mode)).toBeLessThan(0);
        expect(modeCurvature(float64, minimum!, mode)).toBeGreaterThan(0);
      }),
    );
  });

  it('merge at λc as β → βc, as √(βc − β), and vanish above βc', () => {
    fc.assert(
      fc.property(etaArb, deepArb, conventionArb, fc.double({ min: 1e-9, max: 1, noNaN: true }), (eta, depth, convention, excess) => {
        const mode = { eta, depth, convention };
        const betaC = criticalBeta(float64, mode);
        const lambdaC = criticalLambda(float64, mode);
        const gaps = [1e-2, 1e-4, 1e-6].map((distance) => {
          const { saddle, minimum } = stationaryPoints(float64, { ...mode, beta: betaC * (1 - distance) });
          return (minimum! - saddle!) / lambdaC;
        });
        // A saddle-node bifurcation: the gap shrinks tenfold for each hundredfold step towards βc.
        expect(gaps[1]! / gaps[0]!).toBeGreaterThan(0.05);
        expect(gaps[1]! / gaps[0]!).toBeLessThan(0.2);
        expect(gaps[2]! / gaps[1]!).toBeGreaterThan(0.05);
        expect(gaps[2]! / gaps[1]!).toBeLessThan(0.2);
        expect(stationaryPoints(float64, { ...mode, beta: betaC * (1 + excess) })).toEqual({ saddle: null, minimum: null });
      }),
    );
  });

  it('at depth 2: no saddle, one minimum λ = η − β for β < η, none above (Appendix C)', () => {
    fc.assert(
      fc.property(etaArb, fc.double({ min: 0, max: 3, noNaN: true }), (eta, fraction) => {
        const mode = { eta, depth: 2, convention: 'eq2' as const, beta: fraction * eta };
        const { saddle, minimum } = stationaryPoints(float64, mode);
        expect(saddle).toBeNull();
        if (fraction < 1) expect(minimum).toBeCloseTo(eta - mode.beta, 12);
        else expect(minimum).toBeNull();
      }),
    );
  });

  it('rejects inputs outside the model: depth < 2, η <= 0, β < 0', () => {
    expect(() => stationaryPoints(float64, { eta: 0.8, beta: 0.3, depth: 1, convention: 'eq2' })).toThrow(/depth/);
    expect(() => stationaryPoints(float64, { eta: 0, beta: 0.3, depth: 3, convention: 'eq2' })).toThrow(/η/);
    expect(() => stationaryPoints(float64, { eta: 0.8, beta: -0.1, depth: 3, convention: 'eq2' })).toThrow(/β/);
  });
});
