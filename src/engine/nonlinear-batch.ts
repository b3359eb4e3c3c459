import type { Dataset } from '../data/index.ts';
import type { NonlinearNetwork } from './nonlinear-network.ts';

/**
 * The mini-batch gradient of a nonlinear network layer by layer over the whole batch, on preallocated Float64Arrays
 * and with the activation inlined: the fast path of trainNonlinearSgd and descendNonlinearFullBatch. Every sum runs in
 * the per-sample reference's order (backpropGradient: samples in batch order, inputs in index order, bias first,
 * weight decay last), so the two agree bit for bit; the reference stays as the readable definition.
 */
export interface NonlinearBatchKernel {
  /** As backpropGradient(net, data, indices, start, length, beta, ws, grad), length ≤ the kernel's capacity. */
  gradient(indices: Int32Array, start: number, length: number, beta: number, grad: Float64Array): void;
}

const IDENTITY = 0;
const TANH = 1;
const SIGMOID = 2;

export function createNonlinearBatchKernel(net: NonlinearNetwork, data: Dataset, capacity: number): NonlinearBatchKernel {
  const w = net.shape.widths;
  const L = w.length - 1;
  const m = w[L]!;
  const n = w[0]!;
  const act = net.shape.activation === 'tanh' ? TANH : net.shape.activation === 'sigmoid' ? SIGMOID : IDENTITY;
  // h[l]: batch × w[l] activations (h[0] the inputs); d[l]: batch × w[l] deltas ∂/∂z_l.
  const h = w.map((width) => new Float64Array(capacity * width));
  const d = w.map((width) => new Float64Array(capacity * width));
  const params = net.params;
  const x = data.x;
  const y = data.y;
  return {
    gradient(indices, start, length, beta, grad) {
      if (length > capacity) throw new RangeError(`batch ${length} above the kernel's capacity ${capacity}`);
      const h0 = h[0]!;
      for (let b = 0; b < length; b++) {
        const s = indices[start + b]!;
        for (let j = 0; j < n; j++) h0[b * n + j] = x[s * n + j]!;
      }
      for (let l = 1; l <= L; l++) {
        const prev = h[l - 1]!;
        const cur = h[l]!;
        const rows = w[l]!;
        const cols = w[l - 1]!;
        const wo = net.weightOffset[l - 1]!;
        const bo = net.biasOffset[l - 1]!;
        for (let b = 0; b < length; b++) {
          const po = b * cols;
          const co = b * rows;
          for (let i = 0; i < rows; i++) {
            let sum = bo >= 0 ? params[bo + i]! : 0;
            const ro = wo + i * cols;
            for (let j = 0; j < cols; j++) sum += params[ro + j]! * prev[po + j]!;
            cur[co + i] = sum;
          }
        }
        if (l < L && act !== IDENTITY) {
          const size = length * rows;
          if (act === TANH) for (let k = 0; k < size; k++) cur[k] = Math.tanh(cur[k]!);
          else for (let k = 0; k < size; k++) cur[k] = 1 / (1 + Math.exp(-cur[k]!));
        }
      }
      const coef = 2 / (length * m);
      const out = h[L]!;
      const dL = d[L]!;
      for (let b = 0; b < length; b++) {
        const s = indices[start + b]!;
        for (let o = 0; o < m; o++) dL[b * m + o] = coef * (out[b * m + o]! - y[s * m + o]!);
      }
      for (let l = L; l >= 1; l--) {
        const delta = d[l]!;
        const prev = h[l - 1]!;
        const rows = w[l]!;
        const cols = w[l - 1]!;
        const wo = net.weightOffset[l - 1]!;
        const bo = net.biasOffset[l - 1]!;
        // Each entry summed over the batch in a register, from 0 in sample order: the reference's order.
        for (let i = 0; i < rows; i++) {
          const ro = wo + i * cols;
          for (let j = 0; j < cols; j++) {
            let acc = 0;
            for (let b = 0, di = i, pj = j; b < length; b++, di += rows, pj += cols) acc += delta[di]! * prev[pj]!;
            grad[ro + j] = acc;
          }
          if (bo >= 0) {
            let acc = 0;
            for (let b = 0, di = i; b < length; b++, di += rows) acc += delta[di]!;
            grad[bo + i] = acc;
          }
        }
        if (l > 1) {
          const below = d[l - 1]!;
          for (let b = 0; b < length; b++) {
            const po = b * cols;
            const dOff = b * rows;
            for (let j = 0; j < cols; j++) {
              let sum = 0;
              for (let i = 0; i < rows; i++) sum += params[wo + i * cols + j]! * delta[dOff + i]!;
              const hj = prev[po + j]!;
              below[po + j] = act === TANH ? sum * (1 - hj * hj) : act === SIGMOID ? sum * (hj * (1 - hj)) : sum * 1;
            }
          }
        }
      }
      for (let k = 0; k < grad.length; k++) grad[k]! += beta * params[k]!;
    },
  };
}
