import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/data/index.ts';
import { balancedAlignedNetwork, createNetwork, initialiseGaussian, relativeImbalance } from '../../src/engine/index.ts';

const shape = { widths: [2, 10, 10, 2], biases: false };

describe('relative imbalance (Section 2.1, the 0-balanced subspace)', () => {
  it('is 0 on a balanced network and for the zero network', () => {
    expect(relativeImbalance(balancedAlignedNetwork(shape, [0.5, 0.3]))).toBeLessThan(1e-12);
    expect(relativeImbalance(createNetwork(shape))).toBe(0);
  });

  it('is of order 1 for random weights, and scale-free', () => {
    const net = createNetwork(shape);
    initialiseGaussian(net, createStream(1, 'init'), 0.3);
    const a = relativeImbalance(net);
    expect(a).toBeGreaterThan(0.1);
    for (let i = 0; i < net.params.length; i++) net.params[i]! *= 3;
    expect(relativeImbalance(net)).toBeCloseTo(a, 12);
  });
});
