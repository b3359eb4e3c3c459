import type { Dataset } from '../data/index.ts';
import { activationFunctions, type Activation } from './activation.ts';
import { createBackpropWorkspace, forwardSample, type BackpropWorkspace } from './backprop-gradient.ts';
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

/** A workspace for the network's forward and backward passes, with its activation. */
export function createNonlinearWorkspace(net: NonlinearNetwork): BackpropWorkspace {
  return createBackpropWorkspace(net, net.shape.activation);
}

/** MSE over all samples of `data` (mean over samples and outputs). */
export function nonlinearMse(net: NonlinearNetwork, data: Dataset, ws: BackpropWorkspace = createNonlinearWorkspace(net)): number {
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
export function responseMatrix(net: NonlinearNetwork, data: Dataset, ws: BackpropWorkspace = createNonlinearWorkspace(net)): Float64Array {
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
