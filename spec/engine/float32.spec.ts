import { describe, expect, it } from 'vitest';
import { createStream, makeTaskData, type Dataset } from '../../src/data/index.ts';
import { createNetwork, initialiseGaussian, type Network } from '../../src/engine/network.ts';
import { trainSgd } from '../../src/engine/sgd.ts';
import { prepareTrainingSet } from '../../src/engine/training-set.ts';

const F = Math.fround;
const teacher = { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] };

function setup() {
  const data = makeTaskData(teacher, { kind: 'iid', trainCount: 32, testCount: 8 }, 3);
  const net = createNetwork({ widths: [2, 4, 3, 2], biases: false });
  initialiseGaussian(net, createStream(3, 'init'), 0.5);
  return { data: data.train, net, train: prepareTrainingSet(data.train, false) };
}

/** W·x (or Wᵀ·x) for a row-major rows×cols matrix stored at `offset`, every product and sum rounded to float32. */
function matVec(p: Float32Array, offset: number, rows: number, cols: number, x: Float32Array, transpose = false): Float32Array {
  const [outer, inner] = transpose ? [cols, rows] : [rows, cols];
  const y = new Float32Array(outer);
  for (let i = 0; i < outer; i++) {
    let s = 0;
    for (let j = 0; j < inner; j++) s = F(s + F(p[offset + (transpose ? j * cols + i : i * cols + j)]! * x[j]!));
    y[i] = s;
  }
  return y;
}

/**
 * A plain float32 reference: full-batch gradient descent on MSE + (β/2)|θ|² by per-sample backpropagation with
 * Float32Array storage and every arithmetic result rounded to float32 — what a float32 framework does.
 */
function float32Descent(net: Network, data: Dataset, lr: number, beta: number, steps: number): Float32Array {
  const w = net.shape.widths;
  const p = Float32Array.from(net.params);
  const L = w.length - 1;
  const m = w[L]!;
  const coef = F(2 / (data.count * m));
  for (let step = 0; step < steps; step++) {
    const g = new Float32Array(p.length);
    for (let s = 0; s < data.count; s++) {
      const h: Float32Array[] = [Float32Array.from(data.x.subarray(s * w[0]!, (s + 1) * w[0]!))];
      for (let l = 1; l <= L; l++) h.push(matVec(p, net.weightOffset[l - 1]!, w[l]!, w[l - 1]!, h[l - 1]!));
      let d: Float32Array = Float32Array.from(h[L]!, (v, o) => F(coef * F(v - F(data.y[s * m + o]!))));
      for (let l = L; l >= 1; l--) {
        const off = net.weightOffset[l - 1]!;
        for (let i = 0; i < w[l]!; i++) for (let j = 0; j < w[l - 1]!; j++) g[off + i * w[l - 1]! + j] = F(g[off + i * w[l - 1]! + j]! + F(d[i]! * h[l - 1]![j]!));
        d = matVec(p, off, w[l]!, w[l - 1]!, d, true);
      }
    }
    for (let k = 0; k < p.length; k++) p[k] = F(p[k]! - F(lr * F(g[k]! + F(beta * p[k]!))));
  }
  return p;
}

describe('float32 arithmetic', () => {
  it('keeps every weight a float32 value and follows a plain float32 reference to float32 rounding', () => {
    const a = setup();
    const b = setup();
    const settings = { lr: 0.05, batch: 64, beta: 0.1, epochs: 50 };
    trainSgd(a.net, a.train, { ...settings, precision: 'float32' }, createStream(1, 'batches'));
    trainSgd(b.net, b.train, settings, createStream(1, 'batches'));
    const reference = float32Descent(setup().net, a.data, settings.lr, settings.beta, settings.epochs);
    expect(a.net.params.every((v) => F(v) === v)).toBe(true);
    const fromReference = Math.max(...a.net.params.map((v, i) => Math.abs(v - reference[i]!)));
    const fromFloat64 = Math.max(...a.net.params.map((v, i) => Math.abs(v - b.net.params[i]!)));
    // The two float32 computations sum in different orders: they agree to a few float32 ulps (≈ 6e-8 relative).
    expect(fromReference).toBeLessThan(2e-6);
    expect(fromFloat64).toBeGreaterThan(0);
  });
});

describe('flush to zero', () => {
  it('sets weights below the threshold to exactly 0 and leaves them subnormal without it', () => {
    const tiny = (flushBelow: number) => {
      const s = setup();
      s.net.params.fill(1e-305);
      trainSgd(s.net, s.train, { lr: 0.08, batch: 64, beta: 0.43, epochs: 400, flushBelow }, createStream(1, 'batches'));
      return s.net.params;
    };
    expect(tiny(1e-300).every((v) => v === 0)).toBe(true);
    // Weight decay alone stalls on a subnormal value: lr·β·w rounds to 0 there.
    expect(tiny(0).every((v) => v !== 0 && Math.abs(v) < 2.3e-308)).toBe(true);
  });
});
