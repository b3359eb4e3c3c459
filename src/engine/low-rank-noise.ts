import type { Dataset } from '../data/index.ts';
import { depth, layerWeights } from './network.ts';
import { backpropGradient } from './backprop-gradient.ts';
import { createNonlinearWorkspace, type NonlinearNetwork } from './nonlinear-network.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

/**
 * The rank-r set of a network, R_r = {rank W_1 ≤ r, rank W_L ≤ r}: a state in it computes f(x) = V g(Uᵀx) with r
 * input features U and r output directions V, whatever the activation ([18]'s B_r for a linear network holds its
 * balanced points). Its normal space at a state whose W_1 and W_L have rank r: ΔW_1 ↦ P_{A⊥} ΔW_1 P_{U⊥} and
 * ΔW_L ↦ P_{V⊥} ΔW_L P_{C⊥}, A, U (V, C) the top-r left and right singular spaces; the middle layers are free.
 */
export interface LowRankNoise {
  readonly rank: number;
  /** tr C over all parameters, C the covariance of the per-sample gradients over the data. */
  readonly trace: number;
  /** tr(P C P) for P the projector onto the normal space of R_rank: the noise that can leave the set. */
  readonly offSet: number;
  /** offSet / trace. */
  readonly share: number;
  /** The (r+1)-th singular value of W_1 and of W_L: how far the state itself is from R_rank. */
  readonly residualSingular: { readonly first: number; readonly last: number };
}

/** Projector (rows × rows, row-major) onto the complement of the top-r eigenvectors of the symmetric M (rows × rows). */
function complementProjector(gram: Float64Array, size: number, r: number): { projector: Float64Array; next: number } {
  const { values, vectors } = symmetricEigen(gram, size);
  const projector = new Float64Array(size * size);
  for (let k = 0; k < size - r; k++) {
    const v = vectors.subarray(k * size, (k + 1) * size);
    for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) projector[i * size + j]! += v[i]! * v[j]!;
  }
  return { projector, next: Math.sqrt(Math.max(0, values[size - 1 - r] ?? 0)) };
}

/** Left and right complement projectors of a rows × cols matrix W with respect to its top-r singular spaces. */
export function matrixComplements(w: Float64Array, rows: number, cols: number, r: number) {
  const left = new Float64Array(rows * rows);
  const right = new Float64Array(cols * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < rows; j++) for (let k = 0; k < cols; k++) left[i * rows + j]! += w[i * cols + k]! * w[j * cols + k]!;
  for (let i = 0; i < cols; i++) for (let j = 0; j < cols; j++) for (let k = 0; k < rows; k++) right[i * cols + j]! += w[k * cols + i]! * w[k * cols + j]!;
  const l = complementProjector(left, rows, Math.min(r, rows));
  const rt = complementProjector(right, cols, Math.min(r, cols));
  return { left: l.projector, right: rt.projector, next: Math.min(r, rows, cols) < Math.min(rows, cols) ? l.next : 0 };
}

/** |P_left G P_right|² for the rows × cols block G of g at `offset`. */
export function projectedBlockNormSquared(g: Float64Array, offset: number, rows: number, cols: number, left: Float64Array, right: Float64Array): number {
  let sum = 0;
  const tmp = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    tmp.fill(0);
    for (let k = 0; k < rows; k++) {
      const p = left[i * rows + k]!;
      if (p === 0) continue;
      for (let j = 0; j < cols; j++) tmp[j]! += p * g[offset + k * cols + j]!;
    }
    for (let j = 0; j < cols; j++) {
      let v = 0;
      for (let k = 0; k < cols; k++) v += tmp[k]! * right[k * cols + j]!;
      sum += v * v;
    }
  }
  return sum;
}

/**
 * The share of per-sample gradient noise normal to R_rank at the state (weight decay is the same for every sample and
 * drops out). Exactly 0 where every per-sample step stays in the set: for a linear network at an aligned state
 * (colspace W_2ᵀ⋯W_Lᵀ = colspace W_1 and rowspace W_L = rowspace W_{L−1}⋯W_1, as balance under weight decay gives),
 * and for tanh (φ(0) = 0) on one hidden unit; not, in general, for tanh on several units or for sigmoid. That is the
 * question of Section 2.2's mechanism in the direction [18] forbids for linear networks.
 */
export function lowRankNoise(net: NonlinearNetwork, data: Dataset, rank: number): LowRankNoise {
  if (net.shape.biases) throw new RangeError('the rank set is defined for bias-free networks');
  const w = net.shape.widths;
  const L = depth(net.shape);
  const D = net.params.length;
  const first = matrixComplements(layerWeights(net, 1), w[1]!, w[0]!, rank);
  const last = matrixComplements(layerWeights(net, L), w[L]!, w[L - 1]!, rank);
  const ws = createNonlinearWorkspace(net);
  const all = Int32Array.from({ length: data.count }, (_, i) => i);
  const grads = new Float64Array(data.count * D);
  const mean = new Float64Array(D);
  for (let s = 0; s < data.count; s++) {
    const g = grads.subarray(s * D, (s + 1) * D);
    backpropGradient(net, data, all, s, 1, 0, ws, g);
    for (let p = 0; p < D; p++) mean[p]! += g[p]! / data.count;
  }
  let total = 0;
  let off = 0;
  for (let s = 0; s < data.count; s++) {
    const g = grads.subarray(s * D, (s + 1) * D);
    for (let p = 0; p < D; p++) {
      g[p]! -= mean[p]!;
      total += g[p]! ** 2;
    }
    off += projectedBlockNormSquared(g, net.weightOffset[0]!, w[1]!, w[0]!, first.left, first.right);
    off += projectedBlockNormSquared(g, net.weightOffset[L - 1]!, w[L]!, w[L - 1]!, last.left, last.right);
  }
  return {
    rank,
    trace: total / data.count,
    offSet: off / data.count,
    share: total > 0 ? off / total : 0,
    residualSingular: { first: first.next, last: last.next },
  };
}
