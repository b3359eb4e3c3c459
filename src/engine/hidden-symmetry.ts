import { dot, norm } from './dense.ts';
import { depth, layerWeights, parameterCount, type Network } from './network.ts';
import { symmetricEigen } from './symmetric-eigen.ts';

/**
 * The continuous symmetry of a bias-free linear network: an orthogonal Q_l on every hidden layer,
 * W_l → Q_l W_l Q_{l−1}ᵀ (Q_0 = Q_L = I), keeps the end-to-end map and every ‖W_l‖ (so the loss and the
 * weight decay) unchanged. Its generators are A ∈ so(n_l) on each hidden layer, with the basis
 * E_ab − E_ba (a < b), orthonormal under ⟨A, B⟩ = ½ tr AᵀB. A generator A on hidden layer l moves the
 * weights by dW_l = A W_l and dW_{l+1} = −W_{l+1} A.
 */
export interface SymmetryTangents {
  /** Number of generators K = Σ_l n_l(n_l − 1)/2 over hidden layers. */
  readonly count: number;
  /** K rows of length D: the tangent vector of each basis generator at the network. */
  readonly vectors: Float64Array;
}

export function symmetryTangents(net: Network): SymmetryTangents {
  const w = net.shape.widths;
  const L = depth(net.shape);
  const D = parameterCount(net.shape);
  const rows: Float64Array[] = [];
  for (let l = 1; l < L; l++) {
    const n = w[l]!;
    const below = layerWeights(net, l); // n × w[l−1]
    const above = layerWeights(net, l + 1); // w[l+1] × n
    const belowOffset = net.weightOffset[l - 1]!;
    const aboveOffset = net.weightOffset[l]!;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const t = new Float64Array(D);
        // (A W_l)[i][j] with A = E_ab − E_ba: row a gets W_l[b][j], row b gets −W_l[a][j].
        for (let j = 0; j < w[l - 1]!; j++) {
          t[belowOffset + a * w[l - 1]! + j] = below[b * w[l - 1]! + j]!;
          t[belowOffset + b * w[l - 1]! + j] = -below[a * w[l - 1]! + j]!;
        }
        // −(W_{l+1} A)[i][j]: column b gets −W_{l+1}[i][a], column a gets +W_{l+1}[i][b].
        for (let i = 0; i < w[l + 1]!; i++) {
          t[aboveOffset + i * n + b] = -above[i * n + a]!;
          t[aboveOffset + i * n + a] = above[i * n + b]!;
        }
        rows.push(t);
      }
    }
  }
  const vectors = new Float64Array(rows.length * D);
  rows.forEach((t, k) => vectors.set(t, k * D));
  return { count: rows.length, vectors };
}

export interface OrbitTangentSpace {
  /** Dimension of the orbit through the point: the rank of the tangent vectors. */
  readonly dimension: number;
  /** An orthonormal basis of the tangent space, `dimension` rows of length D. */
  readonly basis: Float64Array;
  /**
   * ln √pdet(TᵀT) over the generator basis: the volume factor by which the orbit map G/H → weights
   * stretches the Lie-algebra metric at the point (the same everywhere on the orbit, G acting isometrically).
   */
  readonly logVolumeJacobian: number;
}

/** Rank, orthonormal basis and volume factor of the tangent vectors; rank counts Gram eigenvalues above relativeCutoff × the largest. */
export function orbitTangentSpace(tangents: SymmetryTangents, D: number, relativeCutoff: number): OrbitTangentSpace {
  const K = tangents.count;
  const t = tangents.vectors;
  const gram = new Float64Array(K * K);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b <= a; b++) {
      let sum = 0;
      for (let p = 0; p < D; p++) sum += t[a * D + p]! * t[b * D + p]!;
      gram[a * K + b] = sum;
      gram[b * K + a] = sum;
    }
  }
  const { values, vectors } = symmetricEigen(gram, K);
  const cutoff = relativeCutoff * Math.max(0, values[K - 1] ?? 0);
  const basisRows: Float64Array[] = [];
  let logVolumeJacobian = 0;
  for (let k = 0; k < K; k++) {
    const g = values[k]!;
    if (g <= cutoff) continue;
    logVolumeJacobian += 0.5 * Math.log(g);
    // T v / √g is a unit vector in weight space.
    const row = new Float64Array(D);
    for (let a = 0; a < K; a++) {
      const c = vectors[k * K + a]! / Math.sqrt(g);
      if (c === 0) continue;
      for (let p = 0; p < D; p++) row[p]! += c * t[a * D + p]!;
    }
    basisRows.push(row);
  }
  const basis = new Float64Array(basisRows.length * D);
  basisRows.forEach((row, k) => basis.set(row, k * D));
  return { dimension: basisRows.length, basis, logVolumeJacobian };
}

/**
 * Largest distance of a unit vector of span(a) from span(b), both given by orthonormal rows of length D:
 * max_k |a_k − P_b a_k|, the residual formed explicitly so that it keeps its precision near zero. Zero
 * (to rounding) in both directions, with equal dimensions, means equal spans.
 */
export function subspaceExcess(a: Float64Array, b: Float64Array, D: number): number {
  const nb = b.length / D;
  let worst = 0;
  for (let k = 0; k < a.length / D; k++) {
    const residual = Float64Array.from(a.subarray(k * D, (k + 1) * D));
    for (let j = 0; j < nb; j++) {
      const bj = b.subarray(j * D, (j + 1) * D);
      const c = dot(residual, bj);
      for (let p = 0; p < D; p++) residual[p]! -= c * bj[p]!;
    }
    worst = Math.max(worst, norm(residual));
  }
  return worst;
}

/** ln Vol(S^k) = ln(2π^{(k+1)/2} / Γ((k+1)/2)), the unit k-sphere. */
export function logSphereVolume(k: number): number {
  // Γ at integers and half-integers by the recursion Γ(x + 1) = x Γ(x) from Γ(1) = 1, Γ(½) = √π.
  const x = (k + 1) / 2;
  let logGamma = Number.isInteger(x) ? 0 : 0.5 * Math.log(Math.PI);
  for (let y = Number.isInteger(x) ? 1 : 0.5; y < x; y++) logGamma += Math.log(y);
  return Math.log(2) + x * Math.log(Math.PI) - logGamma;
}

/**
 * ln Vol(O(n)/O(n − r)) = Σ_{k=n−r}^{n−1} ln Vol(S^k) in the metric where the generators E_ab − E_ba are
 * orthonormal: the orbit of r orthonormal frames in R^n (the Stiefel manifold), here the hidden units a
 * critical point uses in one layer.
 */
export function logStiefelVolume(n: number, r: number): number {
  let sum = 0;
  for (let k = n - r; k <= n - 1; k++) sum += logSphereVolume(k);
  return sum;
}
