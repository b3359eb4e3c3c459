import { cholesky } from './cholesky.ts';
import { fillStandardNormal } from './gaussian.ts';
import type { RandomStream } from './random-stream.ts';
import { teacherCovariance, type TeacherSpec } from './teacher-covariance.ts';

/** Samples as rows: x is count×inputDim, y is count×outputDim, both row-major. */
export interface Dataset {
  readonly count: number;
  readonly inputDim: number;
  readonly outputDim: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/**
 * `count` samples z = L ε, ε ~ N(0, I), Σ = L Lᵀ (Appendix A); the first inputDim components of z are the
 * input, the rest the output.
 */
export function sampleTeacher(rng: RandomStream, spec: TeacherSpec, count: number): Dataset {
  const n = spec.inputDim;
  const m = spec.outputDim;
  const size = n + m;
  const l = cholesky(teacherCovariance(spec), size);
  const x = new Float64Array(count * n);
  const y = new Float64Array(count * m);
  const eps = new Float64Array(size);
  for (let s = 0; s < count; s++) {
    fillStandardNormal(rng, eps);
    for (let i = 0; i < size; i++) {
      let z = 0;
      for (let k = 0; k <= i; k++) z += l[i * size + k]! * eps[k]!;
      if (i < n) x[s * n + i] = z;
      else y[s * m + (i - n)] = z;
    }
  }
  return { count, inputDim: n, outputDim: m, x, y };
}

/** The samples at `indices`, in that order. */
export function selectSamples(data: Dataset, indices: ArrayLike<number>): Dataset {
  const { inputDim: n, outputDim: m } = data;
  const x = new Float64Array(indices.length * n);
  const y = new Float64Array(indices.length * m);
  for (let s = 0; s < indices.length; s++) {
    const from = indices[s]!;
    if (!(from >= 0 && from < data.count)) throw new RangeError(`sample index ${from} out of range`);
    x.set(data.x.subarray(from * n, from * n + n), s * n);
    y.set(data.y.subarray(from * m, from * m + m), s * m);
  }
  return { count: indices.length, inputDim: n, outputDim: m, x, y };
}
