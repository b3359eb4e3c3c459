import type { Dataset } from '../data/index.ts';
import { activationFunctions, type Activation, type ActivationFunctions } from './activation.ts';
import { weightDecayPenalty } from './moment-gradient.ts';
import { createNetwork, type Network, type NetworkShape } from './network.ts';

/**
 * A network h_l = φ(W_l h_{l-1} (+ b_l)) on the hidden layers and a linear read-out h_L = W_L h_{L-1} (+ b_L)
 * (Section 4.1, Appendix G: tanh and sigmoid). Bias-free unless asked, like the linear network of Appendix A; the
 * parameters use the linear network's layout, so the linear tools that only read weights apply unchanged.
 */
export interface NonlinearShape extends NetworkShape {
  readonly activation: Activation;
}

export interface NonlinearNetwork extends Network {
  readonly shape: NonlinearShape;
}

export function createNonlinearNetwork(shape: NonlinearShape): NonlinearNetwork {
  activationFunctions(shape.activation);
  const net = createNetwork(shape);
  return { ...net, shape };
}

/** Scratch space for per-sample forward and backward passes: activations h_0..h_L and deltas ∂/∂z_l. */
export interface NonlinearWorkspace {
  readonly activations: Float64Array[];
  readonly deltas: Float64Array[];
  readonly fn: ActivationFunctions;
}

export function createNonlinearWorkspace(net: NonlinearNetwork): NonlinearWorkspace {
  return {
    activations: net.shape.widths.map((n) => new Float64Array(n)),
    deltas: net.shape.widths.map((n) => new Float64Array(n)),
    fn: activationFunctions(net.shape.activation),
  };
}

/** Forward pass of sample `s` of `data`; the output h_L is ws.activations[L]. */
export function forwardSample(net: NonlinearNetwork, data: Dataset, s: number, ws: NonlinearWorkspace): Float64Array {
  const w = net.shape.widths;
  const L = w.length - 1;
  const params = net.params;
  const apply = ws.fn.apply;
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
      cur[i] = l < L ? apply(sum) : sum;
    }
  }
  return ws.activations[L]!;
}

/**
 * Gradient of MSE(batch) + (β/2)|θ|² over the samples indices[start .. start+length), the linear engine's
 * normalisation (mean over batch and outputs): δ_L = 2/(B m)(h_L − y), ∂W_l += δ_l h_{l-1}ᵀ, ∂b_l += δ_l,
 * δ_{l-1} = (W_lᵀ δ_l) ⊙ φ'(z_{l-1}). Weight decay touches every parameter, as in the linear engine.
 */
export function nonlinearGradient(
  net: NonlinearNetwork,
  data: Dataset,
  indices: Int32Array,
  start: number,
  length: number,
  beta: number,
  ws: NonlinearWorkspace,
  grad: Float64Array,
): void {
  const w = net.shape.widths;
  const L = w.length - 1;
  const m = w[L]!;
  const params = net.params;
  const slope = ws.fn.slopeAtOutput;
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
          below[j] = sum * slope(prev[j]!);
        }
      }
    }
  }
  for (let k = 0; k < grad.length; k++) grad[k]! += beta * params[k]!;
}

/** MSE over all samples of `data` (mean over samples and outputs). */
export function nonlinearMse(net: NonlinearNetwork, data: Dataset, ws: NonlinearWorkspace = createNonlinearWorkspace(net)): number {
  const m = data.outputDim;
  let sse = 0;
  for (let s = 0; s < data.count; s++) {
    const out = forwardSample(net, data, s, ws);
    for (let o = 0; o < m; o++) sse += (out[o]! - data.y[s * m + o]!) ** 2;
  }
  return sse / (data.count * m);
}

/** MSE + (β/2)|θ|²: the objective SGD with weight decay β descends. */
export function nonlinearObjective(net: NonlinearNetwork, data: Dataset, beta: number): number {
  return nonlinearMse(net, data) + weightDecayPenalty(net, beta);
}

/**
 * The network's response matrix: the cross-covariance (1/N) Σ_s (f(x_s) − f̄) x_sᵀ (m × n, row-major). For a linear
 * network it is E Σ̂xx; a function f(x) = v g(uᵀx), which uses one feature, gives a matrix of rank one whatever g
 * is, so its singular values measure the rank of what a nonlinear network has learned.
 */
export function responseMatrix(net: NonlinearNetwork, data: Dataset, ws: NonlinearWorkspace = createNonlinearWorkspace(net)): Float64Array {
  const n = data.inputDim;
  const m = data.outputDim;
  const outputs = new Float64Array(data.count * m);
  const mean = new Float64Array(m);
  for (let s = 0; s < data.count; s++) {
    const out = forwardSample(net, data, s, ws);
    for (let o = 0; o < m; o++) {
      outputs[s * m + o] = out[o]!;
      mean[o]! += out[o]! / data.count;
    }
  }
  const r = new Float64Array(m * n);
  for (let s = 0; s < data.count; s++) {
    for (let o = 0; o < m; o++) {
      const centred = (outputs[s * m + o]! - mean[o]!) / data.count;
      for (let j = 0; j < n; j++) r[o * n + j]! += centred * data.x[s * n + j]!;
    }
  }
  return r;
}
