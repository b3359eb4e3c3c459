import fc from 'fast-check';
import { describe, it } from 'vitest';
import { backpropGradient, createBackpropWorkspace } from '../../src/engine/backprop-gradient.ts';
import { computePrefixes, momentGradient, momentGradientStep, mseFromMoments, weightDecayPenalty } from '../../src/engine/moment-gradient.ts';
import { createMomentWorkspace } from '../../src/engine/moment-workspace.ts';
import { accumulateMoments, emptyMoments, sampleFeatures } from '../../src/engine/moments.ts';
import { cloneNetwork, type Network } from '../../src/engine/network.ts';
import { networkCase, type NetworkCase } from './arbitrary-network.ts';

function batchMoments({ net, data, batch }: NetworkCase) {
  const f = sampleFeatures(data, net.shape.biases);
  const out = emptyMoments(f.augmentedInput, f.outputDim);
  accumulateMoments(f, batch, 0, batch.length, out);
  return out;
}

/** MSE over the batch (per-sample forward pass) + (β/2)|θ|²: the objective both gradient paths differentiate. */
function directObjective(net: Network, c: NetworkCase): number {
  const w = net.shape.widths;
  const m = w[w.length - 1]!;
  let sse = 0;
  for (const s of c.batch) {
    let h = Array.from(c.data.x.subarray(s * w[0]!, (s + 1) * w[0]!));
    for (let l = 1; l < w.length; l++) {
      const next: number[] = [];
      for (let i = 0; i < w[l]!; i++) {
        let v = net.biasOffset[l - 1]! >= 0 ? net.params[net.biasOffset[l - 1]! + i]! : 0;
        for (let j = 0; j < w[l - 1]!; j++) v += net.params[net.weightOffset[l - 1]! + i * w[l - 1]! + j]! * h[j]!;
        next.push(v);
      }
      h = next;
    }
    for (let o = 0; o < m; o++) sse += (h[o]! - c.data.y[s * m + o]!) ** 2;
  }
  return sse / (c.batch.length * m) + weightDecayPenalty(net, c.beta);
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! ** 2;
  return Math.sqrt(s);
}

/**
 * The gradient's norm with every sign made positive (|θ|, |x| and y → −|y|, so no sum cancels): the
 * scale of the terms both paths add up, against which their rounding differences are relative. A plain
 * relative test fails, rightly, where the gradient is a small difference of large terms.
 */
function cancellationFreeNorm(c: NetworkCase): number {
  const net = cloneNetwork(c.net);
  net.params.set(c.net.params.map(Math.abs));
  const data = { ...c.data, x: c.data.x.map(Math.abs), y: c.data.y.map((v) => -Math.abs(v)) };
  const grad = new Float64Array(net.params.length);
  backpropGradient(net, data, c.batch, 0, c.batch.length, c.beta, createBackpropWorkspace(net), grad);
  return norm(grad);
}

describe('the two gradient paths', () => {
  it('moment gradient = per-sample backpropagation to 1e-12 relative', () => {
    fc.assert(
      fc.property(networkCase, (c) => {
        const fast = new Float64Array(c.net.params.length);
        const slow = new Float64Array(c.net.params.length);
        momentGradient(c.net, batchMoments(c), c.beta, createMomentWorkspace(c.net), fast);
        backpropGradient(c.net, c.data, c.batch, 0, c.batch.length, c.beta, createBackpropWorkspace(c.net), slow);
        const diff = norm(fast.map((v, i) => v - slow[i]!));
        return diff <= 1e-12 * cancellationFreeNorm(c);
      }),
      { numRuns: 300 },
    );
  });

  it('both agree with central finite differences of the objective', () => {
    fc.assert(
      fc.property(networkCase, (c) => {
        const grad = new Float64Array(c.net.params.length);
        momentGradient(c.net, batchMoments(c), c.beta, createMomentWorkspace(c.net), grad);
        const probe = cloneNetwork(c.net);
        const h = 1e-6;
        for (let k = 0; k < grad.length; k++) {
          const saved = probe.params[k]!;
          probe.params[k] = saved + h;
          const up = directObjective(probe, c);
          probe.params[k] = saved - h;
          const down = directObjective(probe, c);
          probe.params[k] = saved;
          const numeric = (up - down) / (2 * h);
          // Central differences: O(h²) truncation plus O(ε f / h) rounding.
          const scale = 1 + Math.abs(directObjective(probe, c));
          if (Math.abs(numeric - grad[k]!) > 1e-6 * scale) return false;
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it('the fused step equals gradient then θ ← θ − lr ∇', () => {
    fc.assert(
      fc.property(networkCase, fc.double({ min: 0.001, max: 0.5, noNaN: true }), (c, lr) => {
        const mom = batchMoments(c);
        const grad = new Float64Array(c.net.params.length);
        const expected = cloneNetwork(c.net);
        momentGradient(expected, mom, c.beta, createMomentWorkspace(expected), grad);
        for (let k = 0; k < grad.length; k++) expected.params[k]! -= lr * grad[k]!;
        const stepped = cloneNetwork(c.net);
        momentGradientStep(stepped, mom, c.beta, lr, createMomentWorkspace(stepped), new Float64Array(grad.length));
        return stepped.params.every((v, k) => v === expected.params[k]);
      }),
    );
  });
});

describe('mseFromMoments', () => {
  it('equals the per-sample mean squared error', () => {
    fc.assert(
      fc.property(networkCase, (c) => {
        const ws = createMomentWorkspace(c.net);
        computePrefixes(c.net, ws);
        const fromMoments = mseFromMoments(ws, batchMoments(c));
        const direct = directObjective(c.net, c) - weightDecayPenalty(c.net, c.beta);
        return Math.abs(fromMoments - direct) <= 1e-10 * (1 + Math.abs(direct));
      }),
    );
  });
});
