import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  criticalBeta,
  criticalLambda,
  equalLossBeta,
  equalLossLambda,
  float64,
  modeCurvature,
  modeGradient,
  modeLossAboveZero,
  stationaryPoints,
} from '../../src/analytic/index.ts';
import { conventionArb, deepArb, etaArb, relativeDifference } from './arbitraries.ts';

describe('critical strength βc and critical value λc (Eq. 3, Appendix D.1)', () => {
  it('at βc, λc solves both Eq. 8 and Eq. 9: Eq. 3 follows from Eq. 2', () => {
    fc.assert(
      fc.property(etaArb, deepArb, conventionArb, (eta, depth, convention) => {
        const mode = { eta, depth, convention };
        const at = { ...mode, beta: criticalBeta(float64, mode) };
        const lambdaC = criticalLambda(float64, mode);
        expect(Math.abs(modeGradient(float64, lambdaC, at))).toBeLessThanOrEqual(1e-13 * eta);
        expect(Math.abs(modeCurvature(float64, lambdaC, at))).toBeLessThanOrEqual(1e-13);
      }),
    );
  });

  it('scales exactly with η: βc, β* ∝ η^{2−2/L}; λc, λ* ∝ η', () => {
    fc.assert(
      fc.property(etaArb, fc.double({ min: 0.1, max: 10, noNaN: true }), deepArb, conventionArb, (eta, c, depth, convention) => {
        const base = { eta, depth, convention };
        const scaled = { eta: c * eta, depth, convention };
        const power = c ** (2 - 2 / depth);
        expect(relativeDifference(criticalBeta(float64, scaled), power * criticalBeta(float64, base))).toBeLessThan(1e-12);
        expect(relativeDifference(equalLossBeta(float64, scaled), power * equalLossBeta(float64, base))).toBeLessThan(1e-12);
        expect(relativeDifference(criticalLambda(float64, scaled), c * criticalLambda(float64, base))).toBeLessThan(1e-12);
        expect(relativeDifference(equalLossLambda(float64, scaled), c * equalLossLambda(float64, base))).toBeLessThan(1e-12);
      }),
    );
  });

  it('eq1 places every β-location L times higher than eq2', () => {
    fc.assert(
      fc.property(etaArb, deepArb, (eta, depth) => {
        const eq2 = { eta, depth, convention: 'eq2' as const };
        const eq1 = { eta, depth, convention: 'eq1' as const };
        expect(relativeDifference(criticalBeta(float64, eq1), depth * criticalBeta(float64, eq2))).toBeLessThan(1e-14);
        expect(relativeDifference(equalLossBeta(float64, eq1), depth * equalLossBeta(float64, eq2))).toBeLessThan(1e-14);
      }),
    );
  });
});

describe('equal-loss point β* (Section 2.1)', () => {
  it('lies strictly below βc for L >= 3: the hysteresis window [β*, βc] is open', () => {
    fc.assert(
      fc.property(etaArb, deepArb, conventionArb, (eta, depth, convention) => {
        const mode = { eta, depth, convention };
        expect(equalLossBeta(float64, mode)).toBeLessThan(criticalBeta(float64, mode));
        expect(equalLossBeta(float64, mode)).toBeGreaterThan(0);
      }),
    );
  });

  it('is where the root-found non-zero minimum has the loss of λ = 0, at λ* = η(L−2)/(L−1)', () => {
    fc.assert(
      fc.property(etaArb, deepArb, conventionArb, (eta, depth, convention) => {
        const mode = { eta, depth, convention };
        const at = { ...mode, beta: equalLossBeta(float64, mode) };
        const { minimum } = stationaryPoints(float64, at);
        expect(minimum).not.toBeNull();
        expect(relativeDifference(minimum!, equalLossLambda(float64, mode))).toBeLessThan(1e-12);
        // Loss(λ**) − Loss(0) vanishes relative to the size of its terms (½η² is the loss at 0).
        expect(Math.abs(modeLossAboveZero(float64, minimum!, at))).toBeLessThan(1e-13 * eta * eta);
      }),
    );
  });

  it('coincides with βc = η at depth 2, where the transition is continuous (Appendix C)', () => {
    fc.assert(
      fc.property(etaArb, conventionArb, (eta, convention) => {
        const mode = { eta, depth: 2, convention };
        const expected = convention === 'eq2' ? eta : 2 * eta;
        expect(criticalBeta(float64, mode)).toBeCloseTo(expected, 14);
        expect(equalLossBeta(float64, mode)).toBe(criticalBeta(float64, mode));
        expect(criticalLambda(float64, mode)).toBe(0);
      }),
    );
  });
});
