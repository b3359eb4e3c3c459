import fc from 'fast-check';
import { criticalBeta, float64, type Convention } from '../../src/analytic/index.ts';

// Shared generators for the analytic properties: a mode (η, L ≥ 3) and β placed relative to its βc.
export const etaArb = fc.double({ min: 0.05, max: 5, noNaN: true });
export const deepArb = fc.integer({ min: 3, max: 8 });
export const conventionArb = fc.constantFrom<Convention>('eq2', 'eq1');
/** β as a fraction of βc, away from both ends so the two roots are well separated. */
export const belowCriticalFractionArb = fc.double({ min: 0.01, max: 0.999, noNaN: true });

export const modeBelowCriticalArb = fc
  .record({ eta: etaArb, depth: deepArb, convention: conventionArb, fraction: belowCriticalFractionArb })
  .map(({ eta, depth, convention, fraction }) => ({
    eta,
    depth,
    convention,
    fraction,
    beta: fraction * criticalBeta(float64, { eta, depth, convention }),
  }));

export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}
