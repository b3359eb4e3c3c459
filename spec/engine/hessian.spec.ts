import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lossHessian } from '../../src/engine/hessian.ts';
import { momentGradient } from '../../src/engine/moment-gradient.ts';
import { createMomentWorkspace } from '../../src/engine/moment-workspace.ts';
import { accumulateMoments, emptyMoments, sampleFeatures } from '../../src/engine/moments.ts';
import { cloneNetwork, createNetwork } from '../../src/engine/network.ts';
import { networkCase, type NetworkCase } from './arbitrary-network.ts';

function batchMoments({ net, data, batch }: NetworkCase) {
  const f = sampleFeatures(data, net.shape.biases);
  const out = emptyMoments(f.augmentedInput, f.outputDim);
  accumulateMoments(f, batch, 0, batch.length, out);
  return out;
}

const biasFree = networkCase.filter((c) => !c.net.shape.biases);

describe('lossHessian', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(biasFree, (c) => {
        const D = c.net.params.length;
        const H = lossHessian(c.net, batchMoments(c), c.beta);
        for (let p = 0; p < D; p++) for (let q = 0; q < D; q++) expect(H[p * D + q]).toBe(H[q * D + p]);
      }),
      { numRuns: 40 },
    );
  });

  it('is the derivative of the exact moment gradient: central differences agree', () => {
    // The gradient is a polynomial in θ, so central differences err by (h²/6)·∂³∇ plus rounding ε|∇|/h;
    // h = 1e-5 balances the two at about 1e-10 of the Hessian's scale.
    fc.assert(
      fc.property(biasFree, (c) => {
        const moments = batchMoments(c);
        const D = c.net.params.length;
        const H = lossHessian(c.net, moments, c.beta);
        const scale = 1 + H.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
        const ws = createMomentWorkspace(c.net);
        const plus = new Float64Array(D);
        const minus = new Float64Array(D);
        const h = 1e-5;
        for (let q = 0; q < D; q++) {
          const up = cloneNetwork(c.net);
          up.params[q]! += h;
          momentGradient(up, moments, c.beta, ws, plus);
          const down = cloneNetwork(c.net);
          down.params[q]! -= h;
          momentGradient(down, moments, c.beta, ws, minus);
          for (let p = 0; p < D; p++) expect(Math.abs((plus[p]! - minus[p]!) / (2 * h) - H[p * D + q]!)).toBeLessThan(1e-6 * scale);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('is β·I plus the data term, and the data term of a zero network vanishes beyond depth 2; biases are refused', () => {
    const net = createNetwork({ widths: [2, 3, 3, 2], biases: false });
    const moments = emptyMoments(2, 2);
    moments.count = 1;
    moments.sxx.set([1, 0, 0, 1]);
    moments.syx.set([0.9, 0, 0, 0.8]);
    const H = lossHessian(net, moments, 0.32);
    const D = net.params.length;
    for (let p = 0; p < D; p++) for (let q = 0; q < D; q++) expect(H[p * D + q]).toBe(p === q ? 0.32 : 0);
    expect(() => lossHessian(createNetwork({ widths: [2, 3, 2], biases: true }), moments, 0)).toThrow(RangeError);
  });
});
