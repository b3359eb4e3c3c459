import { describe, expect, it } from 'vitest';
import { createStream, makeTaskData } from '../../src/data/index.ts';
import { trainWatchingEscape } from '../../src/engine/escape-watch.ts';
import { cloneNetwork, createNetwork, initialiseGaussian } from '../../src/engine/network.ts';
import { trainSgd } from '../../src/engine/sgd.ts';
import { prepareTrainingSet } from '../../src/engine/training-set.ts';
import { MetricsProbe } from '../../src/engine/metrics.ts';

function setup() {
  const data = makeTaskData({ inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] }, { kind: 'iid', trainCount: 256, testCount: 64 }, 3);
  const net = createNetwork({ widths: [2, 10, 10, 2], biases: false });
  initialiseGaussian(net, createStream(3, 'init'), 0.05);
  return { net, train: prepareTrainingSet(data.train, false) };
}

describe('trainWatchingEscape', () => {
  const settings = { lr: 0.08, batch: 64, beta: 0, epochs: 400 };

  it('stops at the first epoch σ_stopMode exceeds the threshold, on the same trajectory as plain trainSgd', () => {
    const { net, train } = setup();
    const plain = cloneNetwork(net);
    const watched = trainWatchingEscape(net, train, settings, createStream(1, 'batches'), { threshold: 0.4, stopMode: 2 });
    expect(watched.escapeEpoch).not.toBeNull();
    expect(watched.epochs).toBe(watched.escapeEpoch);
    expect(watched.sigmaCrossings[0]).not.toBeNull();
    expect(watched.sigmaCrossings[0]!).toBeLessThanOrEqual(watched.escapeEpoch!);
    trainSgd(plain, train, { ...settings, epochs: watched.epochs }, createStream(1, 'batches'));
    expect([...plain.params]).toEqual([...net.params]);
    const sigma = new MetricsProbe(plain, train.moments, train.moments).singularValues();
    expect(sigma[1]!).toBeGreaterThan(0.4);
  });

  it('reports a run that never crosses as censored at the budget', () => {
    const { net, train } = setup();
    const watched = trainWatchingEscape(net, train, { ...settings, epochs: 5 }, createStream(1, 'batches'), { threshold: 10, stopMode: 1 });
    expect(watched).toEqual({ epochs: 5, escapeEpoch: null, sigmaCrossings: [null, null], diagonalCrossings: [null, null] });
  });

  it('refuses a mode the end-to-end map does not have', () => {
    const { net, train } = setup();
    expect(() => trainWatchingEscape(net, train, settings, createStream(1, 'batches'), { threshold: 0.1, stopMode: 3 })).toThrow(RangeError);
  });
});
