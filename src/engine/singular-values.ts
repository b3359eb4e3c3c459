/**
 * Singular values (descending) of a rows×cols row-major matrix by one-sided Jacobi: rotate pairs of
 * columns of A (or of Aᵀ when it is wide) until all are mutually orthogonal; the column norms are then
 * the singular values. Exact to rounding for the small matrices here; `ld` is A's row stride (defaults
 * to cols) so a sub-block such as the linear part of an affine map can be read in place.
 */
export function singularValues(a: ArrayLike<number>, rows: number, cols: number, ld: number = cols): Float64Array {
  // Work on the tall orientation: r ≥ c, columns of u are what gets orthogonalised.
  const transpose = cols > rows;
  const r = transpose ? cols : rows;
  const c = transpose ? rows : cols;
  const u = new Float64Array(r * c);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = a[i * ld + j]!;
      if (transpose) u[j * c + i] = v;
      else u[i * c + j] = v;
    }
  }
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < c - 1; p++) {
      for (let q = p + 1; q < c; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < r; i++) {
          const up = u[i * c + p]!;
          const uq = u[i * c + q]!;
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        for (let i = 0; i < r; i++) {
          const up = u[i * c + p]!;
          const uq = u[i * c + q]!;
          u[i * c + p] = cs * up - sn * uq;
          u[i * c + q] = sn * up + cs * uq;
        }
      }
    }
    if (!rotated) break;
  }
  const sigma = new Float64Array(c);
  for (let j = 0; j < c; j++) {
    let sum = 0;
    for (let i = 0; i < r; i++) sum += u[i * c + j]! * u[i * c + j]!;
    sigma[j] = Math.sqrt(sum);
  }
  return sigma.sort().reverse();
}

/** Number of singular values strictly above `threshold`. */
export function effectiveRank(sigma: ArrayLike<number>, threshold: number): number {
  let rank = 0;
  for (let i = 0; i < sigma.length; i++) if (sigma[i]! > threshold) rank++;
  return rank;
}
