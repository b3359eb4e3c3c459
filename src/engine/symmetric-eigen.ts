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
 * symmetrised ((A + Aᵀ)/2) so that rounding in the caller cannot select the non-symmetric path.
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  const sym = new Matrix(n, n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sym.set(i, j, 0.5 * (a[i * n + j]! + a[j * n + i]!));
  const evd = new EigenvalueDecomposition(sym, { assumeSymmetric: true });
  const raw = evd.realEigenvalues;
  const order = raw.map((_, k) => k).sort((x, y) => raw[x]! - raw[y]!);
  const vectorMatrix = evd.eigenvectorMatrix;
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((k, rank) => {
    values[rank] = raw[k]!;
    for (let i = 0; i < n; i++) vectors[rank * n + i] = vectorMatrix.get(i, k);
  });
  return { size: n, values, vectors };
}
