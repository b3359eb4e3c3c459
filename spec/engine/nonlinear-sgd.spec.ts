import { describe, expect, it } from 'vitest';
import { createStream, makeTaskData } from '../../src/data/index.ts';
import { createNonlinearNetwork, nonlinearObjective } from '../../src/engine/nonlinear-network.ts';
import { descendNonlinearFullBatch, nonlinearGradientNorm, trainNonlinearSgd } from '../../src/engine/nonlinear-sgd.ts';
import { createNetwork, initialiseGaussian } from '../../src/engine/network.ts';
import { trainSgd } from '../../src/engine/sgd.ts';
import { prepareTrainingSet } from '../../src/engine/training-set.ts';
import type { Activation } from '../../src/engine/activation.ts';

const teacher = { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] };
const data = makeTaskData(teacher, { kind: 'iid', trainCount: 96, testCount: 8 }, 5).train;

function start(activation: Activation) {
  const net = createNonlinearNetwork({ widths: [2, 10, 10, 2], biases: false, activation });
  initialiseGaussian(net, createStream(5, 'init'), 1 / Math.sqrt(10));
  return net;
}

describe('trainNonlinearSgd', () => {
  it('with the identity activation retraces trainSgd (both batch samplings) to 1e-12', () => {
    for (const sampling of ['epoch-permutation', 'with-replacement'] as const) {
      const ours = start('identity');
      const linear = createNetwork(ours.shape);
      linear.params.set(ours.params);
      const settings = { lr: 0.08, batch: 16, beta: 0.32, epochs: 15, batchSampling: sampling };
      trainNonlinearSgd(ours, data, settings, createStream(9, 'batches'));
      trainSgd(linear, prepareTrainingSet(data, false), { ...settings, gradientPath: 'backprop' }, createStream(9, 'batches'));
      for (let k = 0; k < ours.params.length; k++) expect(Math.abs(ours.params[k]! - linear.params[k]!)).toBeLessThan(1e-12);
    }
  });

  it('is deterministic for a seed, depends on it, and stops when the epoch callback says so', () => {
    const settings = { lr: 0.1, batch: 32, beta: 0.05, epochs: 6 };
    const [a, b, c] = [start('tanh'), start('tanh'), start('tanh')];
    trainNonlinearSgd(a, data, settings, createStream(1, 'batches'));
    trainNonlinearSgd(b, data, settings, createStream(1, 'batches'));
    trainNonlinearSgd(c, data, settings, createStream(2, 'batches'));
    expect([...a.params]).toEqual([...b.params]);
    expect([...a.params]).not.toEqual([...c.params]);
    expect(trainNonlinearSgd(start('sigmoid'), data, { ...settings, epochs: 50 }, createStream(1, 'batches'), (e) => e === 4)).toBe(4);
  });
});

describe('descendNonlinearFullBatch', () => {
  it('lowers the objective and its gradient and reports the norm it stopped at, for tanh and sigmoid', () => {
    const small = { ...data, count: 24 };
    for (const a of ['tanh', 'sigmoid'] as const) {
      const net = start(a);
      const before = { loss: nonlinearObjective(net, small, 0.2), gradient: nonlinearGradientNorm(net, small, 0.2) };
      const report = descendNonlinearFullBatch(net, small, { lr: 0.5, beta: 0.2, maxSteps: 2000, gradientTolerance: 1e-3 * before.gradient });
      expect(report.converged).toBe(true);
      expect(report.gradientNorm).toBeLessThan(1e-3 * before.gradient);
      expect(nonlinearObjective(net, small, 0.2)).toBeLessThan(before.loss);
    }
  });

  it('stops, unconverged, at a non-finite gradient', () => {
    const net = start('identity');
    const report = descendNonlinearFullBatch(net, data, { lr: 1e6, beta: 0, maxSteps: 1000, gradientTolerance: 1e-9 });
    expect(report.converged).toBe(false);
    expect(report.steps).toBeLessThan(1000);
  });
});
