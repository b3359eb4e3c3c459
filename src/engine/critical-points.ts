import type { TeacherSpec } from '../data/index.ts';
import { norm } from './dense.ts';
import { lossHessian } from './hessian.ts';
import { momentGradient } from './moment-gradient.ts';
import { createMomentWorkspace } from './moment-workspace.ts';
import { emptyMoments, type Moments } from './moments.ts';
import { createNetwork, depth, layerWeights, type Network, type NetworkShape } from './network.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

/**
 * The population moments of the teacher (Appendix A: Σxx = I, Σyx = diag(η); Σyy = I, our reading),
 * as the moments of one "sample": the engine's loss on them is the expected loss.
 */
export function populationMoments(teacher: TeacherSpec): Moments {
  const n = teacher.inputDim;
  const m = teacher.outputDim;
  const moments = emptyMoments(n, m);
  moments.count = 1;
  for (let i = 0; i < n; i++) moments.sxx[i * n + i] = 1;
  teacher.singularValues.forEach((eta, i) => {
    moments.syx[i * n + i] = eta;
  });
  moments.syyTrace = m;
  return moments;
}

/**
 * A balanced, aligned bias-free network whose end-to-end map is Σ_i λ_i e_i e_iᵀ: mode i runs from input
 * i through hidden unit i of every hidden layer to output i, with per-layer value u_i = λ_i^{1/L} (the
 * 0-balanced subspace of Section 2.1, on which the loss is exactly the sum of per-mode losses, Eq. 1).
 */
export function balancedAlignedNetwork(shape: NetworkShape, lambdas: readonly number[]): Network {
  const net = createNetwork(shape);
  const L = depth(shape);
  const w = shape.widths;
  if (lambdas.length > Math.min(...w)) throw new RangeError(`${lambdas.length} modes do not fit widths [${w.join(', ')}]`);
  lambdas.forEach((lambda, i) => {
    if (!(lambda >= 0)) throw new RangeError(`mode values must be >= 0, got ${lambda}`);
    const u = Math.pow(lambda, 1 / L);
    for (let l = 1; l <= L; l++) layerWeights(net, l)[i * w[l - 1]! + i] = u;
  });
  return net;
}

export interface NewtonSettings {
  readonly beta: number;
  /** Stop once |∇| is below this. */
  readonly gradientTolerance: number;
  readonly maxIterations: number;
  /** Eigenvalues with |ω| ≤ this × max|ω| count as zero curvature and are left out of the step. */
  readonly relativeCutoff: number;
}

export interface NewtonReport {
  readonly iterations: number;
  readonly gradientNorm: number;
  readonly converged: boolean;
}

/**
 * Newton's method on ∇f = 0 in place: θ ← θ − Σ_{|ω_k| > cutoff} (v_k·∇/ω_k) v_k over the Hessian's
 * eigenpairs. It converges to whichever non-degenerate critical point (modulo the zero-curvature
 * symmetry directions, which the pseudo-inverse leaves alone) is nearest, saddles included.
 */
export function refineCriticalPoint(net: Network, moments: Moments, settings: NewtonSettings): NewtonReport {
  const D = net.params.length;
  const ws = createMomentWorkspace(net);
  const grad = new Float64Array(D);
  let gradientNorm = Number.POSITIVE_INFINITY;
  for (let iteration = 0; iteration <= settings.maxIterations; iteration++) {
    momentGradient(net, moments, settings.beta, ws, grad);
    gradientNorm = norm(grad);
    if (gradientNorm < settings.gradientTolerance) return { iterations: iteration, gradientNorm, converged: true };
    if (iteration === settings.maxIterations) break;
    const { values, vectors } = symmetricEigen(lossHessian(net, moments, settings.beta), D);
    const cutoff = settings.relativeCutoff * Math.max(Math.abs(values[0]!), Math.abs(values[D - 1]!));
    for (let k = 0; k < D; k++) {
      const omega = values[k]!;
      if (Math.abs(omega) <= cutoff) continue;
      const v = vectors.subarray(k * D, (k + 1) * D);
      let along = 0;
      for (let p = 0; p < D; p++) along += v[p]! * grad[p]!;
      const step = along / omega;
      for (let p = 0; p < D; p++) net.params[p]! -= step * v[p]!;
    }
  }
  return { iterations: settings.maxIterations, gradientNorm, converged: false };
}

/** Coordinates of the weights through hidden unit `unit` of every hidden layer, from input `input` to output `output`. */
export function chainCoordinates(net: Network, unit: number, input: number, output: number): number[] {
  const w = net.shape.widths;
  const L = depth(net.shape);
  const coords: number[] = [net.weightOffset[0]! + unit * w[0]! + input];
  for (let l = 2; l < L; l++) coords.push(net.weightOffset[l - 1]! + unit * w[l - 1]! + unit);
  coords.push(net.weightOffset[L - 1]! + output * w[L - 1]! + unit);
  return coords;
}

/**
 * The weights a state that only uses hidden unit `unit` in every hidden layer can have non-zero:
 * W1[unit][:], W_l[unit][unit], W_L[:][unit]. This set is invariant under every gradient step, full
 * or per sample: ∂W1 = (W_L⋯W_2)ᵀ G has its rows in the row space of W2, and so on.
 */
export function invariantSupport(net: Network, unit: number): number[] {
  const w = net.shape.widths;
  const L = depth(net.shape);
  const coords: number[] = [];
  for (let j = 0; j < w[0]!; j++) coords.push(net.weightOffset[0]! + unit * w[0]! + j);
  for (let l = 2; l < L; l++) coords.push(net.weightOffset[l - 1]! + unit * w[l - 1]! + unit);
  for (let o = 0; o < w[L]!; o++) coords.push(net.weightOffset[L - 1]! + o * w[L - 1]! + unit);
  return coords;
}
