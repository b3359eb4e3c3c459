import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/engine/network.ts';
import { MetricsProbe, endToEndMatrix } from '../../src/engine/metrics.ts';
import { datasetMoments } from '../../src/engine/moments.ts';

describe('MetricsProbe', () => {
  it('measures MSE, regularised loss and end-to-end singular values of a known network', () => {
    // W1 = [[1, 0], [0, 2]], W2 = [[3, 0], [0, 0.5]] → E = diag(3, 1).
    const net = createNetwork({ widths: [2, 2, 2], biases: false });
    net.params.set([1, 0, 0, 2, 3, 0, 0, 0.5]);
    expect([...endToEndMatrix(net)]).toEqual([3, 0, 0, 1]);
    const data = { count: 2, inputDim: 2, outputDim: 2, x: Float64Array.from([1, 0, 0, 1]), y: Float64Array.from([3, 1, 0, 0]) };
    // Residuals: sample 1 (3,0)−(3,1) = (0,−1); sample 2 (0,1)−(0,0) = (0,1): MSE = 2/(2·2) = 0.5.
    const moments = datasetMoments(data, false);
    const probe = new MetricsProbe(net, moments, moments);
    const m = probe.measure(0.1);
    expect(m.trainMse).toBeCloseTo(0.5, 15);
    expect(m.testMse).toBeCloseTo(0.5, 15);
    expect(m.regularisedLoss).toBeCloseTo(0.5 + 0.05 * (1 + 4 + 9 + 0.25), 14);
    expect(m.singularValues).toEqual([3, 1]);
    expect(probe.testMse()).toBe(m.testMse);
  });

  it('reads the linear part only when the network has biases', () => {
    const net = createNetwork({ widths: [1, 1, 1], biases: true });
    net.params.set([2, 5, 3, 7]);
    expect([...endToEndMatrix(net)]).toEqual([6]);
    const moments = datasetMoments({ count: 1, inputDim: 1, outputDim: 1, x: Float64Array.from([1]), y: Float64Array.from([0]) }, true);
    // ŷ = 3(2·1 + 5) + 7 = 28.
    expect(new MetricsProbe(net, moments, moments).measure(0).trainMse).toBe(784);
  });
});
