/** The joint input–output Gaussian of Appendix A. */
export interface TeacherSpec {
  readonly inputDim: number;
  readonly outputDim: number;
  /** Singular values η_i of Σyx, at most min(inputDim, outputDim) of them (Appendix A: 0.9 and 0.8). */
  readonly singularValues: readonly number[];
}

/**
 * The joint covariance of z = (x, y), row-major (n+m)×(n+m), with Σxx = I (Appendix A), Σyy = I and
 * Σyx = diag(η) in the aligned basis (output i correlated with input i at η_i).
 * Σyy = I is our reading: the paper never states Σyy, but the sparse protocol calls η "correlation 0.8 /
 * 0.9", which is Σyx's entry only when both variances are 1. Positive definite iff every |η_i| < 1.
 */
export function teacherCovariance(spec: TeacherSpec): Float64Array {
  const { inputDim: n, outputDim: m, singularValues } = spec;
  if (!Number.isInteger(n) || !Number.isInteger(m) || n < 1 || m < 1) {
    throw new RangeError(`dimensions must be positive integers, got ${n}, ${m}`);
  }
  if (singularValues.length > Math.min(n, m)) {
    throw new RangeError(`at most ${Math.min(n, m)} singular values for a ${m}×${n} Σyx, got ${singularValues.length}`);
  }
  const size = n + m;
  const sigma = new Float64Array(size * size);
  for (let i = 0; i < size; i++) sigma[i * size + i] = 1;
  singularValues.forEach((eta, i) => {
    sigma[(n + i) * size + i] = eta;
    sigma[i * size + (n + i)] = eta;
  });
  return sigma;
}
