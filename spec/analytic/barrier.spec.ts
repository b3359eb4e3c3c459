import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criticalBeta, float64, modeBarriers } from '../../src/analytic/index.ts';
import { conventionArb, deepArb, etaArb, modeBelowCriticalArb, relativeDifference } from './arbitraries.ts';

describe('barriers (Eq. 10, Appendix E)', () => {
  it('are positive below βc and absent above it or at depth 2', () => {
    fc.assert(
      fc.property(modeBelowCriticalArb, (mode) => {
        const barriers = modeBarriers(float64, mode);
        expect(barriers!.fromZero).toBeGreaterThan(0);
        expect(barriers!.fromMinimum).toBeGreaterThan(0);
        expect(modeBarriers(float64, { ...mode, beta: 1.01 * criticalBeta(float64, mode) })).toBeNull();
        expect(modeBarriers(float64, { ...mode, depth: 2 })).toBeNull();
      }),
    );
  });

  it('ΔE out of the zero phase grows with β; the barrier out of the non-zero phase shrinks (Appendix C)', () => {
    fc.assert(
      fc.property(
        etaArb,
        deepArb,
        conventionArb,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        (eta, depth, convention, low, step) => {
          const mode = { eta, depth, convention };
          const betaC = criticalBeta(float64, mode);
          const high = Math.min(0.999, low + step);
          const a = modeBarriers(float64, { ...mode, beta: low * betaC })!;
          const b = modeBarriers(float64, { ...mode, beta: high * betaC })!;
          expect(b.fromZero).toBeGreaterThan(a.fromZero);
          expect(b.fromMinimum).toBeLessThan(a.fromMinimum);
        },
      ),
    );
  });

  it('eq1 at β equals eq2 at β/L (β <= 0.99 βc; nearer, the barrier out of λ** is ill-conditioned: see landscape.spec)', () => {
    fc.assert(
      fc.property(modeBelowCriticalArb.filter((m) => m.fraction <= 0.99), (mode) => {
        const eq2 = { ...mode, convention: 'eq2' as const, beta: mode.fraction * criticalBeta(float64, { ...mode, convention: 'eq2' }) };
        const eq1 = { ...eq2, convention: 'eq1' as const, beta: mode.depth * eq2.beta };
        const a = modeBarriers(float64, eq1)!;
        const b = modeBarriers(float64, eq2)!;
        expect(relativeDifference(a.fromZero, b.fromZero)).toBeLessThan(1e-12);
        expect(relativeDifference(a.fromMinimum, b.fromMinimum)).toBeLessThan(1e-12);
      }),
    );
  });
});
