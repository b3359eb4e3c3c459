import { prefixKernel, stepKernel } from './compiled-kernels.ts';
import type { Moments } from './moments.ts';
import type { MomentWorkspace } from './moment-workspace.ts';
import type { Network } from './network.ts';

/** Fills ws.prefixT[1..L] through the shape-specialised kernel (bit-identical to computePrefixesGeneric). */
export function computePrefixes(net: Network, ws: MomentWorkspace): void {
  prefixKernel(net)(net.params, ws);
}

/** Fills ws.prefixT[1..L]: the map to h_l is W_l (map to h_{l-1}) (+ b_l in the constant column). */
export function computePrefixesGeneric(net: Network, ws: MomentWorkspace): void {
  const w = net.shape.widths;
  const a = ws.augmentedInput;
  const params = net.params;
  for (let l = 1; l < w.length; l++) {
    const rows = w[l]!;
    const inner = w[l - 1]!;
    const prev = ws.prefixT[l - 1]!;
    const cur = ws.prefixT[l]!;
    const wo = net.weightOffset[l - 1]!;
    for (let c = 0; c < a; c++) {
      const pc = c * inner;
      for (let i = 0; i < rows; i++) {
        const wi = wo + i * inner;
        let sum = 0;
        for (let k = 0; k < inner; k++) sum += params[wi + k]! * prev[pc + k]!;
        cur[c * rows + i] = sum;
      }
    }
    const bo = net.biasOffset[l - 1]!;
    if (bo >= 0) for (let i = 0; i < rows; i++) cur[(a - 1) * rows + i]! += params[bo + i]!;
  }
}

/** Entry (o, c) of the end-to-end affine map x̃ ↦ ŷ (m × a; its first n columns are the linear end-to-end matrix). */
export function endToEndEntry(ws: MomentWorkspace, o: number, c: number): number {
  const last = ws.prefixT[ws.prefixT.length - 1]!;
  return last[c * (last.length / ws.augmentedInput) + o]!;
}

/**
 * Mean squared error over samples and outputs from moments: (1/(N m)) Σ |y − E x̃|²
 * = (1/(N m)) [tr Syy − 2 ⟨E, Syx⟩ + ⟨E Sxx, E⟩]. Needs computePrefixes first.
 */
export function mseFromMoments(ws: MomentWorkspace, moments: Moments): number {
  return mseFromEndToEnd(ws.prefixT[ws.prefixT.length - 1]!, ws.augmentedInput, moments);
}

/** mseFromMoments from the transposed affine end-to-end map `et` (a × m) itself. */
export function mseFromEndToEnd(et: ArrayLike<number>, a: number, moments: Moments): number {
  const m = moments.outputDim;
  const { sxx, syx } = moments;
  let cross = 0;
  let quad = 0;
  for (let o = 0; o < m; o++) {
    for (let c = 0; c < a; c++) {
      let es = 0;
      for (let k = 0; k < a; k++) es += et[k * m + o]! * sxx[k * a + c]!;
      quad += es * et[c * m + o]!;
      cross += et[c * m + o]! * syx[o * a + c]!;
    }
  }
  return (moments.syyTrace - 2 * cross + quad) / (moments.count * m);
}

/** (β/2) Σ θ²: the penalty whose gradient is the optimiser's weight decay β·θ. */
export function weightDecayPenalty(net: Network, beta: number): number {
  let sum = 0;
  for (let i = 0; i < net.params.length; i++) sum += net.params[i]! * net.params[i]!;
  return 0.5 * beta * sum;
}

/**
 * Gradient of MSE(batch) + (β/2)|θ|² into `grad`, from the batch's moments alone (the fast path):
 * with G = 2/(B m) (E Sxx − Syx), ∂/∂W_l = suffix[l]ᵀ G prefix[l-1]ᵀ and ∂/∂b_l = suffix[l]ᵀ G[:, last].
 * Weight decay touches every parameter, biases included, as the usual SGD optimiser's weight_decay does.
 */
export function momentGradient(net: Network, moments: Moments, beta: number, ws: MomentWorkspace, grad: Float64Array): void {
  momentGradientStepGeneric(net, moments, beta, 0, ws, grad);
}

/** The fused step through the shape-specialised kernel (bit-identical to momentGradientStepGeneric). */
export function momentGradientStep(
  net: Network,
  moments: Moments,
  beta: number,
  lr: number,
  ws: MomentWorkspace,
  grad: Float64Array,
): void {
  stepKernel(net)(net.params, moments, beta, lr, ws, grad);
}

/**
 * The fast gradient and, when lr ≠ 0, the SGD step θ ← θ − lr ∇ fused into it: layer l is updated as
 * soon as its gradient and the suffix below it (which need the old W_l) are computed, going from the
 * output down, so every gradient is taken at the parameters before the step. `grad` receives the gradient.
 */
export function momentGradientStepGeneric(
  net: Network,
  moments: Moments,
  beta: number,
  lr: number,
  ws: MomentWorkspace,
  grad: Float64Array,
): void {
  const w = net.shape.widths;
  const L = w.length - 1;
  const a = ws.augmentedInput;
  const m = w[L]!;
  const params = net.params;
  computePrefixesGeneric(net, ws);
  // Residual G = coef (E Sxx − Syx), E read from the transposed last prefix (et[k][o]).
  const et = ws.prefixT[L]!;
  const g = ws.residual;
  const { sxx, syx } = moments;
  const coef = 2 / (moments.count * m);
  for (let o = 0; o < m; o++) {
    for (let c = 0; c < a; c++) {
      let sum = -syx[o * a + c]!;
      for (let k = 0; k < a; k++) sum += et[k * m + o]! * sxx[k * a + c]!;
      g[o * a + c] = coef * sum;
    }
  }
  // Suffixes: suffix[L] = I (set once in the workspace), suffix[l-1] = suffix[l] W_l.
  const h = ws.h;
  for (let l = L; l >= 1; l--) {
    const rows = w[l]!;
    const cols = w[l - 1]!;
    const wo = net.weightOffset[l - 1]!;
    const s = ws.suffix[l]!;
    const pt = ws.prefixT[l - 1]!;
    // h = G prefix[l-1]ᵀ (m × cols), row by row as a sum of prefix rows.
    for (let o = 0; o < m; o++) {
      const ho = o * cols;
      for (let j = 0; j < cols; j++) h[ho + j] = 0;
      for (let c = 0; c < a; c++) {
        const goc = g[o * a + c]!;
        const pc = c * cols;
        for (let j = 0; j < cols; j++) h[ho + j]! += goc * pt[pc + j]!;
      }
    }
    if (l > 1) {
      // suffix[l-1] = suffix[l] W_l, taken before W_l is stepped; row o as a sum of rows of W_l.
      const next = ws.suffix[l - 1]!;
      for (let o = 0; o < m; o++) {
        const no = o * cols;
        for (let j = 0; j < cols; j++) next[no + j] = 0;
        for (let i = 0; i < rows; i++) {
          const soi = s[o * rows + i]!;
          const wi = wo + i * cols;
          for (let j = 0; j < cols; j++) next[no + j]! += soi * params[wi + j]!;
        }
      }
    }
    const bo = net.biasOffset[l - 1]!;
    if (bo >= 0) {
      for (let i = 0; i < rows; i++) {
        let sum = beta * params[bo + i]!;
        for (let o = 0; o < m; o++) sum += s[o * rows + i]! * g[o * a + a - 1]!;
        grad[bo + i] = sum;
        params[bo + i]! -= lr * sum;
      }
    }
    // ∂W_l[i][j] = β W_l[i][j] + Σ_o suffix[l][o][i] h[o][j], and the step on W_l in the same pass.
    for (let i = 0; i < rows; i++) {
      const wi = wo + i * cols;
      for (let j = 0; j < cols; j++) {
        let sum = beta * params[wi + j]!;
        for (let o = 0; o < m; o++) sum += s[o * rows + i]! * h[o * cols + j]!;
        grad[wi + j] = sum;
        params[wi + j]! -= lr * sum;
      }
    }
  }
}
