import type { Dataset } from '../data/index.ts';
import { activationFunctions, type Activation, type ActivationFunctions } from './activation.ts';
import type { Network } from './network.ts';

/** Scratch space for per-sample forward and backward passes: activations h_0..h_L, deltas ∂/∂z_l, the hidden layers' φ. */
export interface BackpropWorkspace {
  readonly activations: Float64Array[];
  readonly deltas: Float64Array[];
  /** φ of the hidden layers; null for a linear network (no call per unit: the reference kernel's hot loop). */
  readonly fn: ActivationFunctions | null;
}

/** A workspace for `net`: linear unless an activation is given (the nonlinear networks pass theirs). */
export function createBackpropWorkspace(net: Network, activation?: Activation): BackpropWorkspace {
  return {
    activations: net.shape.widths.map((n) => new Float64Array(n)),
    deltas: net.shape.widths.map((n) => new Float64Array(n)),
    fn: activation === undefined ? null : activationFunctions(activation),
  };
}

/** Forward pass of sample `s` of `data`: h_l = φ(W_l h_{l-1} (+ b_l)) on hidden layers, linear read-out; returns h_L. */
export function forwardSample(net: Network, data: Dataset, s: number, ws: BackpropWorkspace): Float64Array {
  const w = net.shape.widths;
  const L = w.length - 1;
  const params = net.params;
  const apply = ws.fn?.apply ?? null;
  const h0 = ws.activations[0]!;
  for (let i = 0; i < w[0]!; i++) h0[i] = data.x[s * w[0]! + i]!;
  for (let l = 1; l <= L; l++) {
    const prev = ws.activations[l - 1]!;
    const cur = ws.activations[l]!;
    const cols = w[l - 1]!;
    const wo = net.weightOffset[l - 1]!;
    const bo = net.biasOffset[l - 1]!;
    for (let i = 0; i < w[l]!; i++) {
      let sum = bo >= 0 ? params[bo + i]! : 0;
      for (let j = 0; j < cols; j++) sum += params[wo + i * cols + j]! * prev[j]!;
      cur[i] = l < L && apply !== null ? apply(sum) : sum;
    }
  }
  return ws.activations[L]!;
}

/**
 * The reference gradient of MSE(batch) + (β/2)|θ|² by plain per-sample backpropagation over the samples
 * indices[start .. start+length), mean over batch and outputs: δ_L = 2/(B m)(h_L − y), ∂W_l += δ_l h_{l-1}ᵀ,
 * ∂b_l += δ_l, δ_{l-1} = (W_lᵀ δ_l) ⊙ φ'(z_{l-1}) (φ' = 1 for a linear network). Weight decay touches every parameter.
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
  const m = w[L]!;
  const params = net.params;
  const slope = ws.fn?.slopeAtOutput ?? null;
  const coef = 2 / (length * m);
  grad.fill(0);
  for (let b = start; b < start + length; b++) {
    const s = indices[b]!;
    const out = forwardSample(net, data, s, ws);
    const dL = ws.deltas[L]!;
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
          below[j] = slope === null ? sum : sum * slope(prev[j]!);
        }
      }
    }
  }
  for (let k = 0; k < grad.length; k++) grad[k]! += beta * params[k]!;
}
