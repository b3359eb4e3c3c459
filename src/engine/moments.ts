import type { Dataset } from '../data/index.ts';

/**
 * Second moments of a set of samples, all a linear network's loss and gradient depend on (the network is
 * linear, so the MSE is a quadratic form in the data). With biases the input is augmented by a constant 1
 * (x̃ = [x; 1]), so first moments ride along as the last row and column.
 * sxx = Σ x̃x̃ᵀ (a×a), syx = Σ y x̃ᵀ (m×a), syyTrace = Σ |y|², count = number of samples.
 */
export interface Moments {
  readonly augmentedInput: number;
  readonly outputDim: number;
  count: number;
  readonly sxx: Float64Array;
  readonly syx: Float64Array;
  syyTrace: number;
  /** Room for [Sxx, Syx] packed, used while summing a batch. */
  readonly scratch: Float64Array;
}

export function augmentedInputDim(inputDim: number, biases: boolean): number {
  return inputDim + (biases ? 1 : 0);
}

export function emptyMoments(augmentedInput: number, outputDim: number): Moments {
  return {
    augmentedInput,
    outputDim,
    count: 0,
    sxx: new Float64Array(augmentedInput * augmentedInput),
    syx: new Float64Array(outputDim * augmentedInput),
    syyTrace: 0,
    scratch: new Float64Array(augmentedInput * augmentedInput + outputDim * augmentedInput),
  };
}

/**
 * Per-sample outer products packed as one row per sample: [x̃x̃ᵀ (a²), y x̃ᵀ (m·a), |y|²]. A mini-batch's
 * moments are then a sum of these short rows (the fast gradient path).
 */
export interface SampleFeatures {
  readonly count: number;
  readonly width: number;
  readonly augmentedInput: number;
  readonly outputDim: number;
  readonly rows: Float64Array;
}

export function sampleFeatures(data: Dataset, biases: boolean): SampleFeatures {
  const n = data.inputDim;
  const m = data.outputDim;
  const a = augmentedInputDim(n, biases);
  const width = a * a + m * a + 1;
  const rows = new Float64Array(data.count * width);
  const xt = new Float64Array(a);
  for (let s = 0; s < data.count; s++) {
    for (let i = 0; i < n; i++) xt[i] = data.x[s * n + i]!;
    if (biases) xt[n] = 1;
    const base = s * width;
    for (let i = 0; i < a; i++) for (let j = 0; j < a; j++) rows[base + i * a + j] = xt[i]! * xt[j]!;
    let yy = 0;
    for (let o = 0; o < m; o++) {
      const yo = data.y[s * m + o]!;
      yy += yo * yo;
      for (let j = 0; j < a; j++) rows[base + a * a + o * a + j] = yo * xt[j]!;
    }
    rows[base + width - 1] = yy;
  }
  return { count: data.count, width, augmentedInput: a, outputDim: m, rows };
}

/** Writes into `out` the moments of the samples indices[start .. start+length) (no allocation). */
export function accumulateMoments(
  features: SampleFeatures,
  indices: Int32Array,
  start: number,
  length: number,
  out: Moments,
): void {
  const { width, rows, augmentedInput: a } = features;
  const sxx = out.sxx;
  const syx = out.syx;
  const aa = a * a;
  const sum = out.scratch;
  const packed = width - 1;
  sum.fill(0);
  let yy = 0;
  for (let b = start; b < start + length; b++) {
    const base = indices[b]! * width;
    for (let k = 0; k < packed; k++) sum[k]! += rows[base + k]!;
    yy += rows[base + packed]!;
  }
  for (let k = 0; k < aa; k++) sxx[k] = sum[k]!;
  for (let k = aa; k < packed; k++) syx[k - aa] = sum[k]!;
  out.count = length;
  out.syyTrace = yy;
}

/** Moments of a whole data set. */
export function datasetMoments(data: Dataset, biases: boolean): Moments {
  const features = sampleFeatures(data, biases);
  const out = emptyMoments(features.augmentedInput, features.outputDim);
  accumulateMoments(features, Int32Array.from({ length: data.count }, (_, i) => i), 0, data.count, out);
  return out;
}
