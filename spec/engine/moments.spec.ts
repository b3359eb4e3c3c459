import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulateMoments, datasetMoments, emptyMoments, sampleFeatures } from '../../src/engine/moments.ts';
import { networkCase } from './arbitrary-network.ts';

describe('moments', () => {
  it('a batch moment equals the direct sums Σ x̃x̃ᵀ, Σ y x̃ᵀ, Σ |y|² over the batch', () => {
    fc.assert(
      fc.property(networkCase, ({ data, batch, net }) => {
        const biases = net.shape.biases;
        const f = sampleFeatures(data, biases);
        const out = emptyMoments(f.augmentedInput, f.outputDim);
        accumulateMoments(f, batch, 0, batch.length, out);
        const n = data.inputDim;
        const m = data.outputDim;
        const a = f.augmentedInput;
        const xt = (s: number, i: number) => (i < n ? data.x[s * n + i]! : 1);
        let ok = out.count === batch.length;
        let yy = 0;
        for (const s of batch) for (let o = 0; o < m; o++) yy += data.y[s * m + o]! ** 2;
        ok &&= Math.abs(out.syyTrace - yy) <= 1e-12 * (1 + yy);
        for (let i = 0; i < a; i++) {
          for (let j = 0; j < a; j++) {
            let sxx = 0;
            for (const s of batch) sxx += xt(s, i) * xt(s, j);
            ok &&= Math.abs(out.sxx[i * a + j]! - sxx) <= 1e-12 * (1 + Math.abs(sxx));
          }
          for (let o = 0; o < m; o++) {
            let syx = 0;
            for (const s of batch) syx += data.y[s * m + o]! * xt(s, i);
            ok &&= Math.abs(out.syx[o * a + i]! - syx) <= 1e-12 * (1 + Math.abs(syx));
          }
        }
        return ok;
      }),
    );
  });

  it('datasetMoments counts every sample once; with biases the constant entry is the count', () => {
    const data = { count: 3, inputDim: 1, outputDim: 1, x: Float64Array.from([1, 2, 3]), y: Float64Array.from([2, 0, 1]) };
    const mom = datasetMoments(data, true);
    expect([...mom.sxx]).toEqual([14, 6, 6, 3]);
    expect([...mom.syx]).toEqual([5, 3]);
    expect(mom.syyTrace).toBe(5);
  });
});
