import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  PAPER_KRAMERS_OPTIONS,
  entropicSumForFactor,
  kramersLanger,
  lnTauEq12,
  type KramersLangerReport,
} from '../../src/run/kramers-langer.ts';
import { fitLine as fitStatsLine } from '../../src/stats/index.ts';

const fitLine = (x: number[], y: number[]) => fitStatsLine(x, y, 0.05);

let report: KramersLangerReport;
beforeAll(() => {
  report = kramersLanger(PAPER_KRAMERS_OPTIONS);
});

describe('kramersLanger on the population moments (β = 0.32)', () => {
  it('finds the trapped minimum and the saddle as critical points of index 0 and 1', () => {
    const { trapped, saddle } = report.population;
    for (const p of [trapped, saddle]) {
      expect(p.converged).toBe(true);
      expect(p.gradientNorm).toBeLessThan(1e-12);
    }
    expect(trapped.index).toBe(0);
    expect(saddle.index).toBe(1);
    expect(trapped.endToEndSingularValues[1]).toBe(0);
    expect(saddle.endToEndSingularValues[1]).toBeCloseTo(report.analytic.lambdaSaddle, 12);
  });

  it('has loss(saddle) − loss(trapped) equal to the analytic barrier of Eq. 10 (eq2 reading)', () => {
    expect(Math.abs(report.population.lossDifferenceMinusBarrier)).toBeLessThan(1e-10);
    expect(report.population.unstableVectorWeightOnWeakChain).toBeCloseTo(1, 12);
  });

  it('has exactly the hidden-rotation orbit as its zero modes: 18 at the trap, 34 at the saddle', () => {
    const { trapped, saddle } = report.population;
    for (const [p, dim] of [
      [trapped, 18],
      [saddle, 34],
    ] as const) {
      expect(p.zeroModes).toBe(dim);
      expect(p.orbitDimension).toBe(dim);
      expect(p.orbitDimensionFromUsedUnits).toBe(dim);
      expect(p.zeroSpaceVsOrbitTangent.zeroModesOutsideOrbit).toBeLessThan(1e-10);
      expect(p.zeroSpaceVsOrbitTangent.orbitOutsideZeroModes).toBeLessThan(1e-10);
      expect(p.hessianOnOrbitTangents).toBeLessThan(1e-12);
      expect(p.smallestNonzeroAbsEigenvalue).toBeGreaterThan(1e-3);
    }
    expect(trapped.exactlyBetaModes).toBe(99);
    expect(saddle.exactlyBetaModes).toBe(64);
    expect([trapped.exactlyTwoBetaModes, saddle.exactlyTwoBetaModes]).toEqual([20, 38]);
    const { langer } = report.population;
    expect(langer.positiveModesMinimum).toBe(140 - 18);
    expect(langer.positiveModesSaddle).toBe(140 - 34 - 1);
    expect(langer.zeroModeExcess).toBe(16);
    expect(langer.pairsSaddleSofter + langer.pairsEqual + langer.pairsSaddleStiffer).toBe(langer.matchedPairs);
    expect(langer.logDeterminantRatio).toBeCloseTo(langer.entropicSum - langer.unmatchedLogSum, 12);
  });
});

describe('kramersLanger on a seed’s sample moments', () => {
  it('refines both points to critical points of index 0 and 1', () => {
    const { trapped, saddle } = report.sample;
    expect(trapped.gradientNorm).toBeLessThan(1e-12);
    expect(saddle.gradientNorm).toBeLessThan(1e-12);
    expect([trapped.index, saddle.index]).toEqual([0, 1]);
    expect(trapped.zeroModes).toBe(trapped.orbitDimension);
    expect(saddle.zeroModes).toBe(saddle.orbitDimension);
  });
});

describe('gradient noise at the trap', () => {
  it('has no component off the rank-1 invariant set at ε = 0, and a share ∝ ε² once the weak mode is ε', () => {
    const [exact, ...perturbed] = report.noise.atTrappedSample;
    expect(exact!.epsilon).toBe(0);
    expect(exact!.trace).toBeGreaterThan(0.1);
    expect(exact!.offInvariantSet).toBe(0);
    expect(exact!.alongUnstableOffInvariantSet).toBe(0);
    expect(exact!.onWeakChain).toBe(0);
    expect(report.noise.trappedLeakOffInvariantSet).toBe(0);
    expect(perturbed.every((row) => row.offInvariantSet > 0)).toBe(true);
    for (const e of report.noise.ratioExponents.offInvariantSet.slice(0, 2)) expect(e).toBeCloseTo(2, 4);
    for (const e of report.noise.ratioExponents.weakChain.slice(0, 2)) expect(e).toBeCloseTo(4, 4);
  });
});

describe('the Arrhenius slope under Eq. 12', () => {
  it('is ΔE, with the intercepts of Eq. 11 and Eq. 12 differing by S', () => {
    const { eq11, eq12, barrier } = report.arrhenius;
    expect(Math.abs(eq12.slopeMinusBarrier)).toBeLessThan(1e-12);
    expect(eq11.fittedSlope).toBeCloseTo(barrier, 12);
    expect(eq11.fittedIntercept - eq12.fittedIntercept).toBeCloseTo(eq12.entropicSum, 8);
  });

  it('is ΔE for any S: the curvature correction moves only the intercept, by −S/2', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-4, max: 1, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.array(fc.double({ min: 1e-3, max: 1, noNaN: true }), { minLength: 3, maxLength: 8 }),
        (S, barrier, lnTau0, raw) => {
          const temperatures = raw.map((t, i) => t * (1 + i)); // distinct 1/T
          fc.pre(new Set(temperatures).size === temperatures.length);
          const fit = fitLine(
            temperatures.map((T) => 1 / T),
            lnTauEq12(lnTau0, barrier, S, temperatures),
          );
          expect(Math.abs(fit.slope - barrier)).toBeLessThan(1e-8 * (1 + Math.abs(S)));
          expect(Math.abs(fit.intercept - (lnTau0 - S / 2))).toBeLessThan(1e-6 * (1 + Math.abs(S)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('needs S = −98 ΔE/T for ΔE_eff = 50 ΔE', () => {
    const S = entropicSumForFactor(0.0284, 50, 1e-4);
    expect(S).toBeCloseTo((-98 * 0.0284) / 1e-4, 8);
    expect(0.0284 - (1e-4 / 2) * S).toBeCloseTo(50 * 0.0284, 12);
  });
});
