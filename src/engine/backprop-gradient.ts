import type { Dataset } from '../data/index.ts';
import type { Network } from './network.ts';

/** Scratch space for per-sample backpropagation: activations h_0..h_L and deltas. */
export interface BackpropWorkspace {
  readonly activations: Float64Array[];
  readonly deltas: Float64Array[];
}

export function createBackpropWorkspace(net: Network): BackpropWorkspace {
  return {
    activations: net.shape.widths.map((n) => new Float64Array(n)),
    deltas: net.shape.widths.map((n) => new Float64Array(n)),
  };
}

/**
 * The reference gradient of MSE(batch) + (β/2)|θ|² by plain per-sample backpropagation over the samples
 * indices[start .. start+length): forward h_l = W_l h_{l-1} + b_l, δ_L = 2/(B m)(h_L − y),
 * ∂W_l += δ_l h_{l-1}ᵀ, ∂b_l += δ_l, δ_{l-1} = W_lᵀ δ_l.
 */
export function backpropGradient(
  net: Network,
  data: Dataset,
  indices: Int32Array,
  start: number,
  length: number,
  beta: number,
  ws: BackpropWorkspace,
  grad: Float64Array,
): void {
  const w = net.shape.widths;
  const L = w.length - 1;
  const n = w[0]!;
  const m = w[L]!;
  const params = net.params;
  const coef = 2 / (length * m);
  grad.fill(0);
  for (let b = start; b < start + length; b++) {
    const s = indices[b]!;
    const h0 = ws.activations[0]!;
    for (let i = 0; i < n; i++) h0[i] = data.x[s * n + i]!;
    for (let l = 1; l <= L; l++) {
      const prev = ws.activations[l - 1]!;
      const cur = ws.activations[l]!;
      const cols = w[l - 1]!;
      const wo = net.weightOffset[l - 1]!;
      const bo = net.biasOffset[l - 1]!;
      for (let i = 0; i < w[l]!; i++) {
        let sum = bo >= 0 ? params[bo + i]! : 0;
        for (let j = 0; j < cols; j++) sum += params[wo + i * cols + j]! * prev[j]!;
        cur[i] = sum;
      }
    }
    const dL = ws.deltas[L]!;
    const out = ws.activations[L]!;
    for (let o = 0; o < m; o++) dL[o] = coef * (out[o]! - data.y[s * m + o]!);
    for (let l = L; l >= 1; l--) {
      const delta = ws.deltas[l]!;
      const prev = ws.activations[l - 1]!;
      const rows = w[l]!;
      const cols = w[l - 1]!;
      const wo = net.weightOffset[l - 1]!;
      const bo = net.biasOffset[l - 1]!;
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) grad[wo + i * cols + j]! += delta[i]! * prev[j]!;
        if (bo >= 0) grad[bo + i]! += delta[i]!;
      }
      if (l > 1) {
        const below = ws.deltas[l - 1]!;
        for (let j = 0; j < cols; j++) {
          let sum = 0;
          for (let i = 0; i < rows; i++) sum += params[wo + i * cols + j]! * delta[i]!;
          below[j] = sum;
        }
      }
    }
  }
  for (let k = 0; k < grad.length; k++) grad[k]! += beta * params[k]!;
}
