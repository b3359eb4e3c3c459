/**
 * Singular values (descending) of a rows×cols row-major matrix by one-sided Jacobi: rotate pairs of
 * columns of A (or of Aᵀ when it is wide) until all are mutually orthogonal; the column norms are then
 * the singular values. Exact to rounding for the small matrices here; `ld` is A's row stride (defaults
 * to cols) so a sub-block such as the linear part of an affine map can be read in place.
 */
export function singularValues(a: ArrayLike<number>, rows: number, cols: number, ld: number = cols): Float64Array {
  return rows === 2 && cols === 2 ? singularValues2x2(a, ld) : singularValuesGeneric(a, rows, cols, ld);
}

/** singularValues for any shape: the reference the 2 × 2 path is checked against. */
export function singularValuesGeneric(a: ArrayLike<number>, rows: number, cols: number, ld: number = cols): Float64Array {
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

/**
 * The generic Jacobi on a 2 × 2 matrix with its four entries in locals: the same operations in the same order (one
 * column pair per sweep, rows 0 then 1), so the same bits, without its arrays and sort — a run asks for σ after every
 * epoch of the paper's 2 → … → 2 network.
 */
function singularValues2x2(a: ArrayLike<number>, ld: number): Float64Array {
  let u00 = a[0]!;
  let u01 = a[1]!;
  let u10 = a[ld]!;
  let u11 = a[ld + 1]!;
  for (let sweep = 0; sweep < 60; sweep++) {
    const alpha = 0 + u00 * u00 + u10 * u10;
    const beta = 0 + u01 * u01 + u11 * u11;
    const gamma = 0 + u00 * u01 + u10 * u11;
    if (gamma === 0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) break;
    const zeta = (beta - alpha) / (2 * gamma);
    const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
    const cs = 1 / Math.sqrt(1 + t * t);
    const sn = cs * t;
    const p0 = u00;
    const q0 = u01;
    u00 = cs * p0 - sn * q0;
    u01 = sn * p0 + cs * q0;
    const p1 = u10;
    const q1 = u11;
    u10 = cs * p1 - sn * q1;
    u11 = sn * p1 + cs * q1;
  }
  const s0 = Math.sqrt(0 + u00 * u00 + u10 * u10);
  const s1 = Math.sqrt(0 + u01 * u01 + u11 * u11);
  // As sort().reverse(): descending, NaN first; equal (or both NaN) values swapped, as a stable sort then reversed.
  const out = new Float64Array(2);
  const keep = s0 > s1 || (Number.isNaN(s0) && !Number.isNaN(s1));
  out[0] = keep ? s0 : s1;
  out[1] = keep ? s1 : s0;
  return out;
}

/** Number of singular values strictly above `threshold`. */
export function effectiveRank(sigma: ArrayLike<number>, threshold: number): number {
  let rank = 0;
  for (let i = 0; i < sigma.length; i++) if (sigma[i]! > threshold) rank++;
  return rank;
}
