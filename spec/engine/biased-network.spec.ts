import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream, sampleTeacher } from '../../src/data/index.ts';
import { backpropGradient, createBackpropWorkspace } from '../../src/engine/backprop-gradient.ts';
import {
  BIAS_DECAYS,
  biasMask,
  biasedBackpropGradient,
  biasedMomentGradient,
  biasedObjective,
  initialiseBiases,
  trainBiasedSgd,
  type BiasDecay,
} from '../../src/engine/biased-network.ts';
import { momentGradient } from '../../src/engine/moment-gradient.ts';
import { createMomentWorkspace } from '../../src/engine/moment-workspace.ts';
import { accumulateMoments, emptyMoments, sampleFeatures } from '../../src/engine/moments.ts';
import { cloneNetwork, createNetwork, initialiseGaussian, type Network } from '../../src/engine/network.ts';
import { trainSgd } from '../../src/engine/sgd.ts';
import { prepareTrainingSet } from '../../src/engine/training-set.ts';
import { networkCase, type NetworkCase } from './arbitrary-network.ts';

const biasedCase = networkCase.filter((c) => c.net.shape.biases);
const decay = fc.constantFrom(...BIAS_DECAYS);

function batchMoments(net: Network, c: NetworkCase) {
  const f = sampleFeatures(c.data, net.shape.biases);
  const out = emptyMoments(f.augmentedInput, f.outputDim);
  accumulateMoments(f, c.batch, 0, c.batch.length, out);
  return out;
}

const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));

/** The same gradient with every sign made positive: the scale of the summed terms, against which rounding is relative. */
function cancellationFreeNorm(c: NetworkCase, d: BiasDecay): number {
  const net = cloneNetwork(c.net);
  net.params.set(c.net.params.map(Math.abs));
  const data = { ...c.data, x: c.data.x.map(Math.abs), y: c.data.y.map((v) => -Math.abs(v)) };
  const grad = new Float64Array(net.params.length);
  biasedBackpropGradient(net, data, c.batch, 0, c.batch.length, c.beta, { decay: d, learnBiases: true }, createBackpropWorkspace(net), grad);
  return norm(grad);
}

describe('the biased network: two gradient paths', () => {
  it('moments = per-sample backpropagation to 1e-12 relative (sums of the same products taken in another order)', () => {
    fc.assert(
      fc.property(biasedCase, decay, (c, d) => {
        const t = { decay: d, learnBiases: true };
        const fast = new Float64Array(c.net.params.length);
        const slow = new Float64Array(c.net.params.length);
        biasedMomentGradient(c.net, batchMoments(c.net, c), c.beta, t, createMomentWorkspace(c.net), fast);
        biasedBackpropGradient(c.net, c.data, c.batch, 0, c.batch.length, c.beta, t, createBackpropWorkspace(c.net), slow);
        return norm(fast.map((v, i) => v - slow[i]!)) <= 1e-12 * cancellationFreeNorm(c, d);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with central finite differences of MSE + (β/2)|decayed θ|²', () => {
    fc.assert(
      fc.property(biasedCase, decay, (c, d) => {
        const mom = batchMoments(c.net, c);
        const grad = new Float64Array(c.net.params.length);
        biasedMomentGradient(c.net, mom, c.beta, { decay: d, learnBiases: true }, createMomentWorkspace(c.net), grad);
        const probe = cloneNetwork(c.net);
        const h = 1e-6;
        const scale = 1 + Math.abs(biasedObjective(probe, mom, c.beta, d));
        for (let k = 0; k < grad.length; k++) {
          const saved = probe.params[k]!;
          probe.params[k] = saved + h;
          const up = biasedObjective(probe, mom, c.beta, d);
          probe.params[k] = saved - h;
          const down = biasedObjective(probe, mom, c.beta, d);
          probe.params[k] = saved;
          if (Math.abs((up - down) / (2 * h) - grad[k]!) > 1e-6 * scale) return false;
        }
        return true;
      }),
      { numRuns: 100 },
    );
  });

  it('the two decay readings differ by exactly β b on the biases', () => {
    fc.assert(
      fc.property(biasedCase, (c) => {
        const mom = batchMoments(c.net, c);
        const all = new Float64Array(c.net.params.length);
        const weights = new Float64Array(c.net.params.length);
        biasedMomentGradient(c.net, mom, c.beta, { decay: 'all-parameters', learnBiases: true }, createMomentWorkspace(c.net), all);
        biasedMomentGradient(c.net, mom, c.beta, { decay: 'weights-only', learnBiases: true }, createMomentWorkspace(c.net), weights);
        const mask = biasMask(c.net);
        return all.every((v, k) => {
          const expected = weights[k]! + (mask[k] === 1 ? c.beta * c.net.params[k]! : 0);
          return Math.abs(v - expected) <= 1e-12 * (1 + Math.abs(v) + Math.abs(c.beta * c.net.params[k]!));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('biases at 0 and frozen: the bias-free network', () => {
  /** The bias-free twin of a biased case: the same weights, biases dropped. */
  function twins(c: NetworkCase): { biased: Network; free: Network } {
    const biased = cloneNetwork(c.net);
    const mask = biasMask(biased);
    for (let k = 0; k < mask.length; k++) if (mask[k] === 1) biased.params[k] = 0;
    const free = createNetwork({ widths: c.net.shape.widths, biases: false });
    free.params.set(biased.params.filter((_, k) => mask[k] === 0));
    return { biased, free };
  }

  it('gives the bias-free gradient on every weight, bit for bit under all-parameters, to 1e-12 relative under weights-only', () => {
    fc.assert(
      fc.property(biasedCase, decay, (c, d) => {
        const { biased, free } = twins(c);
        const g = new Float64Array(biased.params.length);
        const ref = new Float64Array(free.params.length);
        biasedMomentGradient(biased, batchMoments(biased, c), c.beta, { decay: d, learnBiases: false }, createMomentWorkspace(biased), g);
        momentGradient(free, batchMoments(free, c), c.beta, createMomentWorkspace(free), ref);
        const mask = biasMask(biased);
        const weights = g.filter((_, k) => mask[k] === 0);
        if (!g.every((v, k) => mask[k] === 0 || v === 0)) return false;
        // weights-only adds β W after the data term instead of seeding the sum with it: one rounding apart.
        if (d === 'all-parameters') return weights.every((v, k) => v === ref[k]);
        return norm(weights.map((v, k) => v - ref[k]!)) <= 1e-12 * (1 + norm(ref));
      }),
      { numRuns: 300 },
    );
  });

  it('per-sample reference path: the same on every weight', () => {
    fc.assert(
      fc.property(biasedCase, (c) => {
        const { biased, free } = twins(c);
        const g = new Float64Array(biased.params.length);
        const ref = new Float64Array(free.params.length);
        biasedBackpropGradient(biased, c.data, c.batch, 0, c.batch.length, c.beta, { decay: 'all-parameters', learnBiases: false }, createBackpropWorkspace(biased), g);
        backpropGradient(free, c.data, c.batch, 0, c.batch.length, c.beta, createBackpropWorkspace(free), ref);
        const mask = biasMask(biased);
        return g.filter((_, k) => mask[k] === 0).every((v, k) => v === ref[k]);
      }),
    );
  });
});

describe('trainBiasedSgd', () => {
  const data = sampleTeacher(createStream(3, 'data'), { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] }, 96);
  const train = prepareTrainingSet(data, true);
  const fresh = () => {
    const net = createNetwork({ widths: [2, 4, 3, 2], biases: true });
    initialiseGaussian(net, createStream(5, 'init'), 0.5);
    return net;
  };
  const settings = { lr: 0.05, batch: 16, beta: 0.2, epochs: 7 };

  it('under all-parameters is the engine SGD (JS kernels) bit for bit', () => {
    const a = fresh();
    const b = fresh();
    trainBiasedSgd(a, train, settings, { decay: 'all-parameters', learnBiases: true }, createStream(9, 'batches'));
    trainSgd(b, train, { ...settings, kernel: 'js' }, createStream(9, 'batches'));
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
  });

  it('weights-only leaves the biases undecayed; frozen biases do not move', () => {
    const a = fresh();
    const b = fresh();
    trainBiasedSgd(a, train, settings, { decay: 'weights-only', learnBiases: true }, createStream(9, 'batches'));
    trainBiasedSgd(b, train, settings, { decay: 'all-parameters', learnBiases: true }, createStream(9, 'batches'));
    const mask = biasMask(a);
    const biasNorm = (n: Network) => norm(n.params.filter((_, k) => mask[k] === 1));
    expect(biasNorm(a)).toBeGreaterThan(biasNorm(b));
    const c = fresh();
    const before = Array.from(c.params.filter((_, k) => mask[k] === 1));
    trainBiasedSgd(c, train, settings, { decay: 'weights-only', learnBiases: false }, createStream(9, 'batches'));
    expect(Array.from(c.params.filter((_, k) => mask[k] === 1))).toEqual(before);
  });
});

describe('initialiseBiases', () => {
  it("zero, or U(−1/√fan_in, 1/√fan_in) per layer as torch.nn.Linear, reproducibly from the stream", () => {
    const net = createNetwork({ widths: [2, 10, 10, 2], biases: true });
    initialiseBiases(net, 'torch-uniform', createStream(1, 'init'));
    const again = cloneNetwork(net);
    initialiseBiases(again, 'torch-uniform', createStream(1, 'init'));
    expect(Array.from(again.params)).toEqual(Array.from(net.params));
    // Each bias over its own layer's bound: all inside (−1, 1), and 22 draws spread over it, not squeezed near 0.
    const scaled = net.biasOffset.flatMap((bo, i) =>
      Array.from(net.params.subarray(bo, bo + net.shape.widths[i + 1]!), (v) => v * Math.sqrt(net.shape.widths[i]!)),
    );
    expect(scaled.every((v) => Math.abs(v) < 1)).toBe(true);
    expect(Math.max(...scaled.map(Math.abs))).toBeGreaterThan(0.5);
    initialiseBiases(net, 'zero', createStream(1, 'init'));
    expect(net.params.every((v) => v === 0)).toBe(true);
  });
});
