import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLandscape, float64 } from '../../src/analytic/index.ts';
import { createMomentWorkspace, dot, lossHessian, momentGradient, norm } from '../../src/engine/index.ts';
import { balancedAlignedNetwork, populationMoments } from '../../src/engine/critical-points.ts';
import { logSphereVolume, logStiefelVolume, orbitTangentSpace, subspaceExcess, symmetryTangents } from '../../src/engine/hidden-symmetry.ts';
import { PROTOCOLS } from '../../src/protocols/protocols.ts';
import { networkCase } from './arbitrary-network.ts';
import { accumulateMoments, emptyMoments, sampleFeatures } from '../../src/engine/moments.ts';

describe('symmetryTangents', () => {
  it('are orthogonal to the gradient everywhere: the loss and weight decay are invariant', () => {
    fc.assert(
      fc.property(networkCase.filter((c) => !c.net.shape.biases), ({ net, data, batch, beta }) => {
        const f = sampleFeatures(data, false);
        const moments = emptyMoments(f.augmentedInput, f.outputDim);
        accumulateMoments(f, batch, 0, batch.length, moments);
        const grad = new Float64Array(net.params.length);
        momentGradient(net, moments, beta, createMomentWorkspace(net), grad);
        const D = net.params.length;
        const t = symmetryTangents(net);
        for (let k = 0; k < t.count; k++) {
          const v = t.vectors.subarray(k * D, (k + 1) * D);
          expect(Math.abs(dot(v, grad))).toBeLessThan(1e-10 * (1 + norm(v) * norm(grad)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('span an orbit of dimension Σ_l (r n_l − r(r+1)/2) on an aligned network using r units, and are Hessian null vectors at critical points', () => {
    const { teacher, network: shape } = PROTOCOLS['rank1-trap'];
    const moments = populationMoments(teacher);
    const beta = 0.32;
    const strong = describeLandscape(float64, { eta: 0.9, beta, depth: 3, convention: 'eq2' }).lambdaMin!;
    const saddle = describeLandscape(float64, { eta: 0.8, beta, depth: 3, convention: 'eq2' }).lambdaSaddle!;
    for (const [lambdas, dimension] of [
      [[strong], 18],
      [[strong, saddle], 34],
    ] as const) {
      const net = balancedAlignedNetwork(shape, lambdas);
      const D = net.params.length;
      const orbit = orbitTangentSpace(symmetryTangents(net), D, 1e-9);
      expect(orbit.dimension).toBe(dimension);
      expect(subspaceExcess(orbit.basis, orbit.basis, D)).toBeLessThan(1e-13);
      // Differentiating ∇f(gθ) = g∇f(θ) along the orbit gives H t = A∇f, zero where ∇f = 0.
      const H = lossHessian(net, moments, beta);
      for (let k = 0; k < orbit.dimension; k++) {
        const t = orbit.basis.subarray(k * D, (k + 1) * D);
        for (let p = 0; p < D; p++) expect(Math.abs(dot(H.subarray(p * D, (p + 1) * D), t))).toBeLessThan(1e-13);
      }
    }
  });

  it('projects a vector onto a span and measures what is left', () => {
    const D = 3;
    const b = Float64Array.from([1, 0, 0, 0, 1, 0]);
    expect(subspaceExcess(Float64Array.from([0.6, 0.8, 0]), b, D)).toBeCloseTo(0, 15);
    expect(subspaceExcess(Float64Array.from([0.6, 0, 0.8]), b, D)).toBeCloseTo(0.8, 15);
  });
});

describe('sphere and Stiefel volumes', () => {
  it('match Vol(S¹) = 2π, Vol(S²) = 4π, Vol(S³) = 2π², and O(n)/O(n−1) = S^{n−1}', () => {
    expect(Math.exp(logSphereVolume(1))).toBeCloseTo(2 * Math.PI, 12);
    expect(Math.exp(logSphereVolume(2))).toBeCloseTo(4 * Math.PI, 12);
    expect(Math.exp(logSphereVolume(3))).toBeCloseTo(2 * Math.PI ** 2, 12);
    expect(logStiefelVolume(10, 1)).toBe(logSphereVolume(9));
    expect(logStiefelVolume(10, 2)).toBeCloseTo(logSphereVolume(9) + logSphereVolume(8), 14);
  });
});
