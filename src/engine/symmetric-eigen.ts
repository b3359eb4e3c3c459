import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface SymmetricEigen {
  readonly size: number;
  /** Eigenvalues, ascending. */
  readonly values: Float64Array;
  /** Eigenvectors as rows: vectors[k·size .. (k+1)·size) is the unit eigenvector of values[k]. */
  readonly vectors: Float64Array;
}

/**
 * Eigen-decomposition of a symmetric n × n row-major matrix by ml-matrix's EigenvalueDecomposition (the
 * JAMA/EISPACK Householder tridiagonalisation and implicit QL, tred2 + tql2): backward stable, so every
 * eigenvalue is exact to about ε‖A‖ and the vectors are orthonormal to rounding. The input is
 * symmetrised ((A + Aᵀ)/2) so that rounding in the caller cannot select the non-symmetric path, and scaled by a
 * power of two to unit magnitude (exact): with subnormal entries tred2's row scaling loses the vectors' orthogonality.
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  let largest = 0;
  for (let i = 0; i < n * n; i++) largest = Math.max(largest, Math.abs(a[i]!));
  const exponent = largest > 0 && Number.isFinite(largest) ? -Math.round(Math.log2(largest)) : 0;
  const sym = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sym.set(i, j, timesPowerOfTwo(0.5 * (a[i * n + j]! + a[j * n + i]!), exponent));
  const evd = new EigenvalueDecomposition(sym, { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const order = raw.map((_, k) => k).sort((x, y) => raw[x]! - raw[y]!);
  const vectorMatrix = evd.eigenvectorMatrix;
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((k, rank) => {
    values[rank] = timesPowerOfTwo(raw[k]!, -exponent);
    for (let i = 0; i < n; i++) vectors[rank * n + i] = vectorMatrix.get(i, k);
  });
  return { size: n, values, vectors };
}

/** x·2^e, exact while the result is normal; in two factors so that 2^e itself cannot overflow (|e| ≤ 1074). */
function timesPowerOfTwo(x: number, e: number): number {
  const half = Math.trunc(e / 2);
  return x * 2 ** half * 2 ** (e - half);
}
