/** Small dense row-major matrices: the products a Hessian or a symmetry generator needs, nothing more. */

/** C = A B for A (r × k) and B (k × c). */
export function matMul(a: ArrayLike<number>, b: ArrayLike<number>, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    for (let t = 0; t < k; t++) {
      const ait = a[i * k + t]!;
      if (ait === 0) continue;
      for (let j = 0; j < c; j++) out[i * c + j]! += ait * b[t * c + j]!;
    }
  }
  return out;
}

export function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export function norm(v: ArrayLike<number>): number {
  return Math.sqrt(dot(v, v));
}
