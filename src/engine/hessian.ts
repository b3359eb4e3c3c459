import { identity, matMul } from './dense.ts';
import type { Moments } from './moments.ts';
import { layerWeights, parameterCount, type Network } from './network.ts';

/**
 * The exact Hessian (D × D, row-major, symmetric) of MSE + (β/2)|θ|² from data moments, for a bias-free
 * linear network (the engine's loss: f = c[tr Syy − 2⟨E, Syx⟩ + ⟨E Sxx, E⟩] + (β/2)|θ|², c = 1/(N m),
 * E = W_L ⋯ W_1). With G = ∂f/∂E = 2c(E Sxx − Syx), the second variation is
 *   d²f = 2c⟨dE Sxx, dE⟩ + ⟨G, d²E⟩ + β|dθ|².
 * For θ_p = W_l[i][j]: ∂E/∂θ_p = S_l[:, i] P_{l−1}[j, :] (S_l = W_L⋯W_{l+1}, P_l = W_l⋯W_1), so the
 * Gauss–Newton part is 2c (a_p·a_q)(b_pᵀ Sxx b_q) with a_p = S_l[:, i], b_p = P_{l−1}[j, :]. For θ_p in
 * layer k above θ_q = W_l[i][j], ∂²E = S_k[:, a] M[b][i] P_{l−1}[j, :] with M = W_{k−1}⋯W_{l+1}, so
 * ⟨G, ∂²E⟩ = M[b][i] · (S_kᵀ G P_{l−1}ᵀ)[a][j]; within one layer ∂²E = 0.
 */
export function lossHessian(net: Network, moments: Moments, beta: number): Float64Array {
  if (net.shape.biases) throw new RangeError('lossHessian covers bias-free networks (Appendix A: a single matrix product)');
  const w = net.shape.widths;
  const L = w.length - 1;
  const n0 = w[0]!;
  const m = w[L]!;
  const D = parameterCount(net.shape);
  const W = Array.from({ length: L + 1 }, (_, l) => (l === 0 ? new Float64Array(0) : layerWeights(net, l)));
  // P[l] = W_l ⋯ W_1 (n_l × n0), S[l] = W_L ⋯ W_{l+1} (m × n_l).
  const P: Float64Array[] = [identity(n0)];
  for (let l = 1; l <= L; l++) P.push(matMul(W[l]!, P[l - 1]!, w[l]!, w[l - 1]!, n0));
  const S: Float64Array[] = new Array<Float64Array>(L + 1);
  S[L] = identity(m);
  for (let l = L; l >= 1; l--) S[l - 1] = matMul(S[l]!, W[l]!, m, w[l]!, w[l - 1]!);
  const c = 1 / (moments.count * m);
  const E = P[L]!;
  const G = matMul(E, moments.sxx, m, n0, n0);
  for (let k = 0; k < m * n0; k++) G[k] = 2 * c * (G[k]! - moments.syx[k]!);

  // Per parameter: layer, row, column, a_p and Sxx b_p.
  const layerOf = new Int32Array(D);
  const rowOf = new Int32Array(D);
  const colOf = new Int32Array(D);
  const aVec = new Float64Array(D * m);
  const bVec = new Float64Array(D * n0);
  const sxxB = new Float64Array(D * n0);
  for (let l = 1; l <= L; l++) {
    const offset = net.weightOffset[l - 1]!;
    for (let i = 0; i < w[l]!; i++) {
      for (let j = 0; j < w[l - 1]!; j++) {
        const p = offset + i * w[l - 1]! + j;
        layerOf[p] = l;
        rowOf[p] = i;
        colOf[p] = j;
        for (let o = 0; o < m; o++) aVec[p * m + o] = S[l]![o * w[l]! + i]!;
        for (let r = 0; r < n0; r++) bVec[p * n0 + r] = P[l - 1]![j * n0 + r]!;
        for (let r = 0; r < n0; r++) {
          let sum = 0;
          for (let s = 0; s < n0; s++) sum += moments.sxx[r * n0 + s]! * P[l - 1]![j * n0 + s]!;
          sxxB[p * n0 + r] = sum;
        }
      }
    }
  }
  // Y[k][l] = S_kᵀ G P_{l−1}ᵀ (n_k × n_{l−1}) and M[k][l] = W_{k−1} ⋯ W_{l+1} (n_{k−1} × n_l), for k > l.
  const Y = new Map<string, Float64Array>();
  const M = new Map<string, Float64Array>();
  for (let l = 1; l <= L; l++) {
    let between = identity(w[l]!);
    for (let k = l + 1; k <= L; k++) {
      if (k > l + 1) between = matMul(W[k - 1]!, between, w[k - 1]!, w[k - 2]!, w[l]!);
      M.set(`${k},${l}`, between);
      const sT = transpose(S[k]!, m, w[k]!);
      const gP = matMul(G, transpose(P[l - 1]!, w[l - 1]!, n0), m, n0, w[l - 1]!);
      Y.set(`${k},${l}`, matMul(sT, gP, w[k]!, m, w[l - 1]!));
    }
  }

  const H = new Float64Array(D * D);
  for (let p = 0; p < D; p++) {
    for (let q = 0; q <= p; q++) {
      let aa = 0;
      for (let o = 0; o < m; o++) aa += aVec[p * m + o]! * aVec[q * m + o]!;
      let bb = 0;
      for (let r = 0; r < n0; r++) bb += bVec[p * n0 + r]! * sxxB[q * n0 + r]!;
      let h = 2 * c * aa * bb;
      const k = layerOf[p]!;
      const l = layerOf[q]!;
      if (k !== l) {
        // Order the pair so that `hi` is the upper layer.
        const [hi, lo] = k > l ? [p, q] : [q, p];
        const kh = layerOf[hi]!;
        const kl = layerOf[lo]!;
        const between = M.get(`${kh},${kl}`)!;
        const y = Y.get(`${kh},${kl}`)!;
        h += between[colOf[hi]! * w[kl]! + rowOf[lo]!]! * y[rowOf[hi]! * w[kl - 1]! + colOf[lo]!]!;
      } else if (p === q) {
        h += beta;
      }
      H[p * D + q] = h;
      H[q * D + p] = h;
    }
  }
  return H;
}

function transpose(a: ArrayLike<number>, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j]!;
  return out;
}
