import { describe, expect, it } from 'vitest';
import { emptyMoments } from '../../src/engine/index.ts';
import { sampleSpectrum } from '../../src/engine/sample-spectrum.ts';

describe('sampleSpectrum', () => {
  it('gives raw singular values c and whitened c/√a for an aligned sample (Σ̂xx = diag a, Σ̂yx = diag c)', () => {
    const moments = emptyMoments(2, 2);
    moments.count = 4;
    moments.sxx.set([4 * 1.21, 0, 0, 4 * 0.81]);
    moments.syx.set([4 * 0.5, 0, 0, 4 * 0.9]);
    const s = sampleSpectrum(moments);
    expect(s.raw[0]).toBeCloseTo(0.9, 14);
    expect(s.raw[1]).toBeCloseTo(0.5, 14);
    expect(s.whitened[0]).toBeCloseTo(0.9 / 0.9, 14);
    expect(s.whitened[1]).toBeCloseTo(0.5 / 1.1, 14);
    expect(s.inputVariances[0]).toBeCloseTo(1.21, 14);
    expect(s.inputVariances[1]).toBeCloseTo(0.81, 14);
  });

  it('whitens a correlated input: the whitened values are the singular values of Σ̂yx Σ̂xx^{-1/2}', () => {
    // Σ̂xx = [[2, 1], [1, 2]] has Σ̂xx^{-1/2} = V diag(1/√3, 1) Vᵀ with V = [[1, 1], [1, −1]]/√2; with Σ̂yx = I the
    // whitened matrix is Σ̂xx^{-1/2}, whose singular values are 1 and 1/√3.
    const moments = emptyMoments(2, 2);
    moments.count = 1;
    moments.sxx.set([2, 1, 1, 2]);
    moments.syx.set([1, 0, 0, 1]);
    const s = sampleSpectrum(moments);
    expect(s.whitened[0]).toBeCloseTo(1, 14);
    expect(s.whitened[1]).toBeCloseTo(1 / Math.sqrt(3), 14);
    expect(s.raw).toEqual([1, 1]);
  });
});
