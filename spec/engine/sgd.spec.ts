import { describe, expect, it } from 'vitest';
import { createStream, makeTaskData } from '../../src/data/index.ts';
import { computePrefixes, mseFromMoments } from '../../src/engine/moment-gradient.ts';
import { createMomentWorkspace } from '../../src/engine/moment-workspace.ts';
import { cloneNetwork, createNetwork, initialiseGaussian } from '../../src/engine/network.ts';
import { effectiveBatch, sgdKernel, stepsPerEpoch, trainSgd, type SgdSettings } from '../../src/engine/sgd.ts';
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
    // A setting added later (a noise kick, batches drawn with replacement) is unknown here: JS.
    const later = { ...settings, langevinTemperature: 0.01 } as SgdSettings;
    expect(sgdKernel(net, train, later, rng)).toBe('js');
    expect(sgdKernel(net, train, { ...settings, gradientPath: 'backprop' }, rng)).toBe('js');
    const foreign = { next: () => rng.next(), getState: () => rng.getState(), clone: () => rng.clone(), jump: () => rng.jump() };
    expect(sgdKernel(net, train, settings, foreign)).toBe('js');
  });
});
