import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStream, makeTaskData } from '../../src/data/index.ts';
import { createNonlinearBatchKernel } from '../../src/engine/nonlinear-batch.ts';
import { backpropGradient } from '../../src/engine/backprop-gradient.ts';
import { createNonlinearNetwork, createNonlinearWorkspace } from '../../src/engine/nonlinear-network.ts';
import { descendNonlinearFullBatch, trainNonlinearSgd } from '../../src/engine/nonlinear-sgd.ts';
import { initialiseGaussian } from '../../src/engine/network.ts';
import { ACTIVATIONS, type Activation } from '../../src/engine/activation.ts';

const teacher = { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] };
const data = makeTaskData(teacher, { kind: 'iid', trainCount: 80, testCount: 8 }, 3).train;

function start(activation: Activation, biases: boolean, seed: number) {
  const net = createNonlinearNetwork({ widths: [2, 7, 5, 2], biases, activation });
  initialiseGaussian(net, createStream(seed, 'init'), 0.6);
  return net;
}

describe('createNonlinearBatchKernel', () => {
  it('gives the per-sample reference gradient bit for bit (every activation, with and without biases, any batch)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTIVATIONS), fc.boolean(), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 40 }), (activation, biases, seed, length, start0) => {
        const net = start(activation, biases, seed);
        const indices = Int32Array.from({ length: data.count }, (_, i) => (i * 37 + seed) % data.count);
        const reference = new Float64Array(net.params.length);
        const fast = new Float64Array(net.params.length).fill(Number.NaN);
        backpropGradient(net, data, indices, start0, length, 0.3, createNonlinearWorkspace(net), reference);
        createNonlinearBatchKernel(net, data, 40).gradient(indices, start0, length, 0.3, fast);
        expect([...fast]).toEqual([...reference]);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a batch above its capacity', () => {
    const net = start('tanh', false, 1);
    expect(() => createNonlinearBatchKernel(net, data, 4).gradient(new Int32Array(8), 0, 8, 0, new Float64Array(net.params.length))).toThrow(RangeError);
  });
});

describe('the batched path of trainNonlinearSgd and descendNonlinearFullBatch', () => {
  it('retraces the per-sample path bit for bit, under both batch samplings, and is deterministic', () => {
    for (const activation of ['tanh', 'sigmoid'] as const) {
      for (const batchSampling of ['epoch-permutation', 'with-replacement'] as const) {
        const [a, b, c] = [start(activation, false, 4), start(activation, false, 4), start(activation, false, 4)];
        const settings = { lr: 0.08, batch: 16, beta: 0.32, epochs: 12, batchSampling };
        trainNonlinearSgd(a, data, settings, createStream(9, 'batches'));
        trainNonlinearSgd(b, data, { ...settings, gradientPath: 'per-sample' }, createStream(9, 'batches'));
        trainNonlinearSgd(c, data, settings, createStream(9, 'batches'));
        expect([...a.params]).toEqual([...b.params]);
        expect([...a.params]).toEqual([...c.params]);
      }
      const [d, e] = [start(activation, true, 5), start(activation, true, 5)];
      const descent = { lr: 0.3, beta: 0.1, maxSteps: 50, gradientTolerance: 1e-12 };
      expect(descendNonlinearFullBatch(d, data, descent)).toEqual(descendNonlinearFullBatch(e, data, descent, 'per-sample'));
      expect([...d.params]).toEqual([...e.params]);
    }
  });
});
