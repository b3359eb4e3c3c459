import { cholesky } from '../data/index.ts';
import { type Moments } from './moments.ts';
import { singularValues } from './singular-values.ts';

/**
 * The singular values a training sample offers in place of the population η of Eq. 3 (Appendix B: "the small
 * offset from the theoretical values reflects the bias of the output distribution"), descending:
 * - raw: of the sample cross-covariance Σ̂yx = (1/N) Σ y xᵀ;
 * - whitened: of Σ̂yx Σ̂xx^{-1/2}, the task the sample poses once its input covariance is made I. Computed as
 *   Σ̂yx C^{-T} with Σ̂xx = C Cᵀ (Cholesky): both have the Gram matrix Σ̂yx Σ̂xx⁻¹ Σ̂xy, so the same singular values.
 * Needs moments without the bias column (a bias-free network, Appendix A).
 */
export interface SampleSpectrum {
  readonly raw: number[];
  readonly whitened: number[];
  /** Eigenvalues of Σ̂xx (Σxx = I in the population), descending: how far the sample is from the aligned case. */
  readonly inputVariances: number[];
}

export function sampleSpectrum(moments: Moments): SampleSpectrum {
  const n = moments.augmentedInput;
  const m = moments.outputDim;
  const sxx = moments.sxx.map((v) => v / moments.count);
  const syx = moments.syx.map((v) => v / moments.count);
  const c = cholesky(sxx, n);
  // Row o of Σ̂yx C^{-T} solves C zᵀ = (row o of Σ̂yx)ᵀ by forward substitution.
  const whitened = new Float64Array(m * n);
  for (let o = 0; o < m; o++) {
    for (let i = 0; i < n; i++) {
      let sum = syx[o * n + i]!;
      for (let k = 0; k < i; k++) sum -= c[i * n + k]! * whitened[o * n + k]!;
      whitened[o * n + i] = sum / c[i * n + i]!;
    }
  }
  return {
    raw: Array.from(singularValues(syx, m, n)),
    whitened: Array.from(singularValues(whitened, m, n)),
    // Σ̂xx is symmetric positive definite: its singular values are its eigenvalues.
    inputVariances: Array.from(singularValues(sxx, n, n)),
  };
}
