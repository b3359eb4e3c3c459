import type { Dataset } from '../data/index.ts';
import { backpropGradient, createBackpropWorkspace } from './backprop-gradient.ts';
import { type Network } from './network.ts';

/**
 * The covariance of the per-sample gradients over a training set, C = (1/N) Σ_s (g_s − ḡ)(g_s − ḡ)ᵀ
 * (D × D), g_s the gradient of sample s's loss (1/m)|y_s − E x_s|². Weight decay is the same for every
 * sample and drops out. A mini-batch of B samples drawn with replacement has gradient covariance C/B
 * (Section 2.2: noise ∝ ηlr/B); Appendix A takes "the trace of the covariance of the gradients" for C.
 */
export function perSampleGradientCovariance(net: Network, data: Dataset): Float64Array {
  const D = net.params.length;
  const N = data.count;
  const { grads, mean } = perSampleGradients(net, data);
  const cov = new Float64Array(D * D);
  for (let s = 0; s < N; s++) {
    const g = grads.subarray(s * D, (s + 1) * D);
    for (let p = 0; p < D; p++) g[p]! -= mean[p]!;
    for (let p = 0; p < D; p++) {
      const gp = g[p]! / N;
      if (gp === 0) continue;
      for (let q = 0; q < D; q++) cov[p * D + q]! += gp * g[q]!;
    }
  }
  return cov;
}

/** Every sample's gradient of its own loss (row s of `grads`, N × D, no weight decay) and their mean, the full-batch gradient. */
export function perSampleGradients(net: Network, data: Dataset): { grads: Float64Array; mean: Float64Array } {
  const D = net.params.length;
  const N = data.count;
  const ws = createBackpropWorkspace(net);
  const indices = Int32Array.from({ length: N }, (_, i) => i);
  const grads = new Float64Array(N * D);
  const mean = new Float64Array(D);
  for (let s = 0; s < N; s++) {
    const g = grads.subarray(s * D, (s + 1) * D);
    backpropGradient(net, data, indices, s, 1, 0, ws, g);
    for (let p = 0; p < D; p++) mean[p]! += g[p]! / N;
  }
  return { grads, mean };
}

/**
 * |g_B − ḡ|² for one mini-batch: the batch's indices `batch` (B of them), its gradient the mean of their per-sample
 * gradients (weight decay is the same for every batch and drops out), ḡ the full-batch gradient. Its expectation
 * over batches is tr Cov(g_B); the update's is ηlr² times that.
 */
export function batchGradientDeviation(grads: Float64Array, mean: Float64Array, batch: Int32Array, work: Float64Array): number {
  const D = mean.length;
  work.fill(0);
  for (let b = 0; b < batch.length; b++) {
    const offset = batch[b]! * D;
    for (let p = 0; p < D; p++) work[p]! += grads[offset + p]!;
  }
  let sum = 0;
  for (let p = 0; p < D; p++) sum += (work[p]! / batch.length - mean[p]!) ** 2;
  return sum;
}

export function trace(a: Float64Array, D: number): number {
  let sum = 0;
  for (let p = 0; p < D; p++) sum += a[p * D + p]!;
  return sum;
}

/** tr(P C P) for P the orthogonal projector onto the span of orthonormal rows `basis` (length D each). */
export function projectedTrace(cov: Float64Array, basis: Float64Array, D: number): number {
  let sum = 0;
  for (let k = 0; k < basis.length / D; k++) {
    const v = basis.subarray(k * D, (k + 1) * D);
    for (let p = 0; p < D; p++) {
      if (v[p] === 0) continue;
      let row = 0;
      for (let q = 0; q < D; q++) row += cov[p * D + q]! * v[q]!;
      sum += v[p]! * row;
    }
  }
  return sum;
}

/** Orthonormal rows picking the given coordinates: the projector onto those weights. */
export function coordinateBasis(coordinates: readonly number[], D: number): Float64Array {
  const basis = new Float64Array(coordinates.length * D);
  coordinates.forEach((p, k) => {
    basis[k * D + p] = 1;
  });
  return basis;
}
