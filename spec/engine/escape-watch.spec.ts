import { describe, expect, it } from 'vitest';
import { createStream, makeTaskData } from '../../src/data/index.ts';
import { modeAxes, trainWatchingEscape } from '../../src/engine/escape-watch.ts';
import { cloneNetwork, createNetwork, initialiseGaussian } from '../../src/engine/network.ts';
import { trainSgd } from '../../src/engine/sgd.ts';
import { prepareTrainingSet } from '../../src/engine/training-set.ts';
import { MetricsProbe } from '../../src/engine/metrics.ts';
import { singularValues } from '../../src/engine/singular-values.ts';

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
    expect(watched).toEqual({ epochs: 5, escapeEpoch: null, sigmaCrossings: [null, null], modeCrossings: [null, null] });
  });

  it('refuses a mode the end-to-end map does not have', () => {
    const { net, train } = setup();
    expect(() => trainWatchingEscape(net, train, settings, createStream(1, 'batches'), { threshold: 0.1, stopMode: 3 })).toThrow(RangeError);
  });

  it('names modes by the sample cross-covariance\'s singular directions: orthonormal, and uᵀ Σ̂yx v = its singular values', () => {
    const { train } = setup();
    const axes = modeAxes(train.moments);
    const syx = train.moments.syx.map((v) => v / train.moments.count);
    const dot = (a: Float64Array, i: number, b: Float64Array, j: number) => a[2 * i]! * b[2 * j]! + a[2 * i + 1]! * b[2 * j + 1]!;
    expect(dot(axes.left, 0, axes.left, 1)).toBeCloseTo(0, 12);
    expect(dot(axes.right, 0, axes.right, 0)).toBeCloseTo(1, 12);
    const project = (i: number) =>
      [0, 1].reduce((s, o) => s + [0, 1].reduce((t, j) => t + axes.left[2 * i + o]! * syx[o * 2 + j]! * axes.right[2 * i + j]!, 0), 0);
    const sigma = singularValues(syx, 2, 2);
    expect(project(0)).toBeCloseTo(sigma[0]!, 12);
    expect(project(1)).toBeCloseTo(sigma[1]!, 12);
  });
});
