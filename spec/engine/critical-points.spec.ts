import { describe, expect, it } from 'vitest';
import { describeLandscape, float64 } from '../../src/analytic/index.ts';
import { MetricsProbe, endToEndMatrix, fullGradientNorm, lossHessian, symmetricEigen } from '../../src/engine/index.ts';
import { balancedAlignedNetwork, populationMoments, refineCriticalPoint } from '../../src/engine/critical-points.ts';
import { PROTOCOLS } from '../../src/protocols/protocols.ts';

const { teacher, network: shape } = PROTOCOLS['rank1-trap'];
const beta = 0.32;
const strong = describeLandscape(float64, { eta: 0.9, beta, depth: 3, convention: 'eq2' });
const weak = describeLandscape(float64, { eta: 0.8, beta, depth: 3, convention: 'eq2' });
const settings = { beta, gradientTolerance: 1e-12, maxIterations: 40, relativeCutoff: 1e-9 };

describe('populationMoments and balancedAlignedNetwork', () => {
  it('give the per-mode loss of Eq. 1 (eq2 reading) plus the constant ½(tr Σyy − Σ η²)', () => {
    const moments = populationMoments(teacher);
    const net = balancedAlignedNetwork(shape, [0.5, 0.2]);
    expect(Array.from(endToEndMatrix(net)).map((v) => Number(v.toPrecision(12)))).toEqual([0.5, 0, 0, 0.2]);
    const perMode = (l: number, eta: number) => 0.5 * (l - eta) ** 2 + (3 * beta / 2) * Math.pow(l, 2 / 3);
    const expected = perMode(0.5, 0.9) + perMode(0.2, 0.8) + 0.5 * (2 - 0.81 - 0.64);
    expect(new MetricsProbe(net, moments, moments).measure(beta).regularisedLoss).toBeCloseTo(expected, 14);
  });

  it('refuses more modes than the narrowest layer and negative mode values', () => {
    expect(() => balancedAlignedNetwork(shape, [1, 1, 1])).toThrow(RangeError);
    expect(() => balancedAlignedNetwork(shape, [-1])).toThrow(RangeError);
  });
});

describe('refineCriticalPoint', () => {
  it('brings a perturbed saddle back to |∇| < 1e-12 with one negative curvature', () => {
    const moments = populationMoments(teacher);
    const net = balancedAlignedNetwork(shape, [strong.lambdaMin!, weak.lambdaSaddle!]);
    // A fixed, non-symmetric perturbation of size 1e-3 in every weight.
    for (let p = 0; p < net.params.length; p++) net.params[p]! += 1e-3 * Math.sin(1.7 * p + 0.3);
    const report = refineCriticalPoint(net, moments, settings);
    expect(report.converged).toBe(true);
    expect(fullGradientNorm(net, moments, beta)).toBeLessThan(1e-12);
    const { values } = symmetricEigen(lossHessian(net, moments, beta), net.params.length);
    expect(values.filter((v) => v < -1e-9).length).toBe(1);
  });

  it('reports non-convergence when given no iterations away from a critical point', () => {
    const moments = populationMoments(teacher);
    const net = balancedAlignedNetwork(shape, [0.3, 0.3]);
    expect(refineCriticalPoint(net, moments, { ...settings, maxIterations: 0 }).converged).toBe(false);
  });
});
