import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream, makeTaskData } from '../../src/data/index.ts';
import { descendFullBatch, fullGradientNorm } from '../../src/engine/full-batch-descent.ts';
import { createNetwork, initialiseGaussian } from '../../src/engine/network.ts';
import { prepareTrainingSet } from '../../src/engine/training-set.ts';

describe('descendFullBatch', () => {
  it('drives the full-batch gradient below tolerance and reports it', () => {
    const data = makeTaskData({ inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] }, { kind: 'iid', trainCount: 128, testCount: 8 }, 3);
    const net = createNetwork({ widths: [2, 4, 2], biases: false });
    initialiseGaussian(net, createStream(3, 'init'), 0.5);
    const train = prepareTrainingSet(data.train, false);
    const start = fullGradientNorm(net, train.moments, 0.1);
    const report = descendFullBatch(net, train.moments, { lr: 0.2, beta: 0.1, maxSteps: 50_000, gradientTolerance: 1e-10 });
    expect(start).toBeGreaterThan(1e-3);
    expect(report.converged).toBe(true);
    expect(report.gradientNorm).toBeLessThan(1e-10);
    expect(fullGradientNorm(net, train.moments, 0.1)).toBe(report.gradientNorm);
  });

  it('says when the step budget ran out first', () => {
    const data = makeTaskData({ inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] }, { kind: 'iid', trainCount: 64, testCount: 8 }, 3);
    const net = createNetwork({ widths: [2, 4, 2], biases: false });
    initialiseGaussian(net, createStream(3, 'init'), 0.5);
    const report = descendFullBatch(net, prepareTrainingSet(data.train, false).moments, { lr: 0.01, beta: 0, maxSteps: 3, gradientTolerance: 1e-12 });
    expect(report).toMatchObject({ steps: 3, converged: false });
  });
});

describe('descendFullBatch on a step too large to converge', () => {
  it('stops at the first non-finite gradient and reports it unconverged', () => {
    const data = makeTaskData({ inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] }, { kind: 'iid', trainCount: 64, testCount: 8 }, 5);
    const net = createNetwork({ widths: [2, 4, 2], biases: false });
    initialiseGaussian(net, createStream(5, 'init'), 1);
    const train = prepareTrainingSet(data.train, false);
    const report = descendFullBatch(net, train.moments, { lr: 50, beta: 0, maxSteps: 100_000, gradientTolerance: 1e-9 });
    expect(report.converged).toBe(false);
    expect(report.steps).toBeLessThan(1000);
    expect(Number.isFinite(report.gradientNorm)).toBe(false);
  });
});

describe('descendFullBatch on the WebAssembly module, bit for bit against the JS loop', () => {
  const bits = (x: Float64Array | number[]) => Array.from(x, (v) => (Object.is(v, -0) ? '-0' : String(v)));
  it('on any layout, with or without biases, converging, running out of steps, diverging or stopping at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 5 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(0.001, 0.05, 0.3, 40),
        fc.constantFrom(0, 0.1),
        fc.constantFrom(0, 1, 7, 400),
        fc.constantFrom(1e-300, 1e-6, 1e3),
        fc.integer({ min: 0, max: 1000 }),
        (widths, biases, count, lr, beta, maxSteps, gradientTolerance, seed) => {
          const data = makeTaskData({ inputDim: widths[0]!, outputDim: widths.at(-1)!, singularValues: [0.9] }, { kind: 'iid', trainCount: count, testCount: 2 }, seed);
          const moments = prepareTrainingSet(data.train, biases).moments;
          const js = createNetwork({ widths, biases });
          initialiseGaussian(js, createStream(seed, 'init'), 0.7);
          const wasm = createNetwork({ widths, biases });
          wasm.params.set(js.params);
          const settings = { lr, beta, maxSteps, gradientTolerance };
          const a = descendFullBatch(js, moments, settings, 'js');
          const b = descendFullBatch(wasm, moments, settings, 'wasm');
          expect(bits([b.steps, b.gradientNorm])).toEqual(bits([a.steps, a.gradientNorm]));
          expect(b.converged).toBe(a.converged);
          expect(bits(wasm.params)).toEqual(bits(js.params));
        },
      ),
      { numRuns: 120, seed: 17 },
    );
  });
});

describe('descendFullBatch, one module after another on the same layout', () => {
  it('descends each data set on its own moments: a second data set of the same size is not read as the first', () => {
    const descend = (dataSeed: number, kernel: 'js' | 'wasm') => {
      const data = makeTaskData({ inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] }, { kind: 'iid', trainCount: 32, testCount: 2 }, dataSeed);
      const net = createNetwork({ widths: [2, 4, 2], biases: false });
      initialiseGaussian(net, createStream(7, 'init'), 0.5);
      const report = descendFullBatch(net, prepareTrainingSet(data.train, false).moments, { lr: 0.1, beta: 0.05, maxSteps: 50, gradientTolerance: 1e-12 }, kernel);
      return [report.gradientNorm, ...net.params];
    };
    for (const dataSeed of [1, 2, 3]) expect(descend(dataSeed, 'wasm')).toEqual(descend(dataSeed, 'js'));
  });
});
