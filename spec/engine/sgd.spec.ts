import { describe, expect, it } from 'vitest';
import { createStream, fillStandardNormalZiggurat, makeTaskData } from '../../src/data/index.ts';
import { computePrefixes, momentGradientStep, mseFromMoments } from '../../src/engine/moment-gradient.ts';
import { createMomentWorkspace } from '../../src/engine/moment-workspace.ts';
import { accumulateMoments, emptyMoments } from '../../src/engine/moments.ts';
import { cloneNetwork, createNetwork, initialiseGaussian } from '../../src/engine/network.ts';
import { drawWithReplacement, effectiveBatch, sgdKernel, stepsPerEpoch, trainSgd, type SgdSettings } from '../../src/engine/sgd.ts';
import { chiSquareUpperTail } from '../../src/stats/index.ts';
import { prepareTrainingSet } from '../../src/engine/training-set.ts';

const teacher = { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] };

function setup(trainCount: number, biases = false) {
  const data = makeTaskData(teacher, { kind: 'iid', trainCount, testCount: 64 }, 11);
  const net = createNetwork({ widths: [2, 10, 10, 2], biases });
  initialiseGaussian(net, createStream(11, 'init'), 1 / Math.sqrt(10));
  return { net, train: prepareTrainingSet(data.train, biases) };
}

describe('stepsPerEpoch', () => {
  it('is ⌊N/B⌋ (Appendix A: 8 for N = 512, B = 64) and one full batch when B > N', () => {
    expect(stepsPerEpoch(512, 64)).toBe(8);
    expect(stepsPerEpoch(100, 64)).toBe(1);
    expect(stepsPerEpoch(25, 64)).toBe(1);
    expect(effectiveBatch(25, 64)).toBe(25);
    expect(effectiveBatch(512, 64)).toBe(64);
  });
});

describe('trainSgd', () => {
  it('both gradient paths follow the same trajectory up to rounding', () => {
    const a = setup(128, true);
    const b = { net: cloneNetwork(a.net), train: a.train };
    const settings = { lr: 0.05, batch: 16, beta: 0.1, epochs: 20 };
    trainSgd(a.net, a.train, { ...settings, gradientPath: 'moments' }, createStream(5, 'batches'));
    trainSgd(b.net, b.train, { ...settings, gradientPath: 'backprop' }, createStream(5, 'batches'));
    const diff = Math.max(...a.net.params.map((v, i) => Math.abs(v - b.net.params[i]!)));
    expect(diff).toBeLessThan(1e-10);
  });

  it('is deterministic for a seed and depends on the batch order', () => {
    const settings = { lr: 0.08, batch: 64, beta: 0.32, epochs: 10 };
    const a = setup(256);
    const b = setup(256);
    const c = setup(256);
    trainSgd(a.net, a.train, settings, createStream(1, 'batches'));
    trainSgd(b.net, b.train, settings, createStream(1, 'batches'));
    trainSgd(c.net, c.train, settings, createStream(2, 'batches'));
    expect([...a.net.params]).toEqual([...b.net.params]);
    expect([...a.net.params]).not.toEqual([...c.net.params]);
  });

  it('lowers the training loss at β = 0 and stops when the epoch callback says so', () => {
    const { net, train } = setup(256);
    const ws = createMomentWorkspace(net);
    computePrefixes(net, ws);
    const before = mseFromMoments(ws, train.moments);
    const ran = trainSgd(net, train, { lr: 0.05, batch: 32, beta: 0, epochs: 1000 }, createStream(1, 'batches'), (e) => e === 50);
    expect(ran).toBe(50);
    computePrefixes(net, ws);
    expect(mseFromMoments(ws, train.moments)).toBeLessThan(before);
  });

  it('a batch above the sample count is full-batch descent: no dependence on the batch stream', () => {
    const a = setup(25);
    const b = { net: cloneNetwork(a.net), train: a.train };
    const settings = { lr: 0.1, batch: 64, beta: 0.0025, epochs: 30 };
    trainSgd(a.net, a.train, settings, createStream(1, 'batches'));
    trainSgd(b.net, b.train, settings, createStream(2, 'batches'));
    expect([...a.net.params]).toEqual([...b.net.params]);
  });
});

describe('sgdKernel', () => {
  const settings: SgdSettings = { lr: 0.08, batch: 64, beta: 0.32, epochs: 1, flushBelow: 1e-300 };

  it('runs the WebAssembly epoch by default and for float32, the JS kernels when asked', () => {
    const { net, train } = setup(256);
    const rng = createStream(1, 'batches');
    expect(sgdKernel(net, train, settings, rng)).toBe('wasm');
    expect(sgdKernel(net, train, { ...settings, precision: 'float32', kernel: 'wasm' }, rng)).toBe('wasm');
    expect(sgdKernel(net, train, { ...settings, kernel: 'js' }, rng)).toBe('js');
  });

  it('falls back to the JS kernels for any setting outside its allow-list, a backprop run and a foreign stream', () => {
    const { net, train } = setup(256);
    const rng = createStream(1, 'batches');
    // A setting added later is unknown here: JS.
    const later = { ...settings, langevinTemperature: 0.01 } as SgdSettings;
    expect(sgdKernel(net, train, later, rng)).toBe('js');
    expect(sgdKernel(net, train, { ...settings, gradientPath: 'backprop' }, rng)).toBe('js');
    const foreign = { next: () => rng.next(), getState: () => rng.getState(), clone: () => rng.clone(), jump: () => rng.jump() };
    expect(sgdKernel(net, train, settings, foreign)).toBe('js');
    // A float32 kick is the JS loop's; a float64 kick and batches drawn with replacement run in the WebAssembly epoch.
    expect(sgdKernel(net, train, { ...settings, langevin: { temperature: 0.01, seed: 1 } }, rng)).toBe('wasm');
    expect(sgdKernel(net, train, { ...settings, precision: 'float32', langevin: { temperature: 0.01, seed: 1 } }, rng)).toBe('js');
    expect(sgdKernel(net, train, { ...settings, batchSampling: 'with-replacement' }, rng)).toBe('wasm');
    expect(sgdKernel(net, train, { ...settings, batchSampling: 'with-replacement', langevin: { temperature: 0.01, seed: 1 } }, rng)).toBe('wasm');
    expect(sgdKernel(net, train, { ...settings, langevin: { temperature: 0, seed: 1 }, batchSampling: 'epoch-permutation' }, rng)).toBe('wasm');
  });
});

describe('trainSgd with a Langevin kick (SGLD)', () => {
  const settings = { lr: 0.08, batch: 64, beta: 0.32, epochs: 5 };

  it('at T = 0, or without the option, is plain SGD bit for bit', () => {
    const plain = setup(256);
    const zero = setup(256);
    trainSgd(plain.net, plain.train, settings, createStream(3, 'batches'));
    trainSgd(zero.net, zero.train, { ...settings, langevin: { temperature: 0, seed: 3 } }, createStream(3, 'batches'));
    expect([...zero.net.params]).toEqual([...plain.net.params]);
  });

  it('adds exactly √(2·lr·T)·ξ to every weight after a step, ξ from the seed\'s own langevin stream', () => {
    // One full-batch step: the gradient part is the same with and without the kick, so the difference is the kick.
    const plain = setup(64);
    const kicked = { net: cloneNetwork(plain.net), train: plain.train };
    const one = { ...settings, epochs: 1 };
    const T = 0.01;
    trainSgd(plain.net, plain.train, one, createStream(3, 'batches'));
    trainSgd(kicked.net, kicked.train, { ...one, langevin: { temperature: T, seed: 9 } }, createStream(3, 'batches'));
    const xi = new Float64Array(plain.net.params.length);
    fillStandardNormalZiggurat(createStream(9, 'langevin'), xi);
    const kick = Math.sqrt(2 * one.lr * T);
    kicked.net.params.forEach((v, k) => expect(v - plain.net.params[k]!).toBeCloseTo(kick * xi[k]!, 14));
  });

  it('is the same on the WebAssembly epoch as on the JS kernels, bit for bit (mini-batches and one full batch)', () => {
    for (const count of [256, 64]) {
      const wasm = setup(count);
      const js = { net: cloneNetwork(wasm.net), train: wasm.train };
      const kicked = { ...settings, flushBelow: 1e-300, langevin: { temperature: 0.02, seed: 5 } };
      expect(sgdKernel(wasm.net, wasm.train, kicked, createStream(4, 'batches'))).toBe('wasm');
      let calls = 0;
      trainSgd(wasm.net, wasm.train, kicked, createStream(4, 'batches'), () => void calls++);
      trainSgd(js.net, js.train, { ...kicked, kernel: 'js' }, createStream(4, 'batches'));
      expect(calls).toBe(settings.epochs);
      expect([...wasm.net.params]).toEqual([...js.net.params]);
    }
  });

  it('kicks with variance 2·lr·T per weight and step (20 seeds × 140 weights, 4 standard errors)', () => {
    const T = 0.003;
    const one = { ...settings, epochs: 1 };
    const scaled: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const plain = setup(64);
      const kicked = { net: cloneNetwork(plain.net), train: plain.train };
      trainSgd(plain.net, plain.train, one, createStream(seed, 'batches'));
      trainSgd(kicked.net, kicked.train, { ...one, langevin: { temperature: T, seed } }, createStream(seed, 'batches'));
      kicked.net.params.forEach((v, k) => scaled.push((v - plain.net.params[k]!) / Math.sqrt(2 * one.lr * T)));
    }
    const mean = scaled.reduce((s, v) => s + v, 0) / scaled.length;
    const variance = scaled.reduce((s, v) => s + (v - mean) ** 2, 0) / (scaled.length - 1);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(scaled.length));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / scaled.length));
  });
});

describe('trainSgd with batches drawn with replacement', () => {
  const settings = { lr: 0.08, batch: 64, beta: 0.32, epochs: 4, batchSampling: 'with-replacement' as const };

  it('is deterministic for a seed and differs from the per-epoch permutation', () => {
    const a = setup(256);
    const b = setup(256);
    const perm = setup(256);
    trainSgd(a.net, a.train, settings, createStream(4, 'batches'));
    trainSgd(b.net, b.train, settings, createStream(4, 'batches'));
    trainSgd(perm.net, perm.train, { ...settings, batchSampling: 'epoch-permutation' }, createStream(4, 'batches'));
    expect([...a.net.params]).toEqual([...b.net.params]);
    expect([...a.net.params]).not.toEqual([...perm.net.params]);
  });

  it('steps on ⌊N/B⌋ batches per epoch, each drawn by drawWithReplacement from the batch stream', () => {
    const a = setup(256);
    const manual = { net: cloneNetwork(a.net), train: a.train };
    trainSgd(a.net, a.train, settings, createStream(4, 'batches'));
    const rng = createStream(4, 'batches');
    const indices = new Int32Array(256);
    const moments = emptyMoments(manual.train.features.augmentedInput, manual.train.features.outputDim);
    const ws = createMomentWorkspace(manual.net);
    const grad = new Float64Array(manual.net.params.length);
    for (let step = 0; step < settings.epochs * stepsPerEpoch(256, 64); step++) {
      drawWithReplacement(rng, 256, 64, indices);
      accumulateMoments(manual.train.features, indices, 0, 64, moments);
      momentGradientStep(manual.net, moments, settings.beta, settings.lr, ws, grad);
    }
    expect([...a.net.params]).toEqual([...manual.net.params]);
  });

  it('draws every index uniformly (χ² over 10 bins, 10⁵ draws) and independently of the previous one', () => {
    const rng = createStream(12, 'batches');
    const n = 10;
    const out = new Int32Array(100);
    const counts = new Array<number>(n).fill(0);
    const pairs = new Array<number>(n * n).fill(0);
    for (let batch = 0; batch < 1000; batch++) {
      drawWithReplacement(rng, n, 100, out);
      for (let b = 0; b < 100; b++) {
        counts[out[b]!]!++;
        if (b > 0) pairs[out[b - 1]! * n + out[b]!]!++;
      }
    }
    const chi = (observed: number[], expected: number) => observed.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // Repeats within a batch are allowed: the pair table includes the diagonal at the same rate as any other cell.
    expect(chiSquareUpperTail(chi(counts, 10_000), n - 1)).toBeGreaterThan(1e-6);
    expect(chiSquareUpperTail(chi(pairs, (1000 * 99) / (n * n)), n * n - 1)).toBeGreaterThan(1e-6);
  });
});
