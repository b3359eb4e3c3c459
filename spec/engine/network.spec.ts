import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/data/index.ts';
import { cloneNetwork, createNetwork, depth, initialiseGaussian, parameterCount } from '../../src/engine/network.ts';

describe('network', () => {
  it('counts 140 parameters for 2 → 10 → 10 → 2 without biases and 162 with', () => {
    expect(parameterCount({ widths: [2, 10, 10, 2], biases: false })).toBe(140);
    expect(parameterCount({ widths: [2, 10, 10, 2], biases: true })).toBe(162);
    expect(createNetwork({ widths: [2, 10, 10, 2], biases: true }).params.length).toBe(162);
    expect(depth({ widths: [2, 10, 10, 2], biases: false })).toBe(3);
  });

  it('lays layers out back to back', () => {
    const net = createNetwork({ widths: [3, 4, 2], biases: true });
    expect(net.weightOffset).toEqual([0, 16]);
    expect(net.biasOffset).toEqual([12, 24]);
  });

  it('refuses depth < 2 and bad widths', () => {
    expect(() => createNetwork({ widths: [2, 2], biases: false })).toThrow(/depth/);
    expect(() => createNetwork({ widths: [2, 0, 2], biases: false })).toThrow(/positive integers/);
  });

  it('initialises with the asked standard deviation, reproducibly', () => {
    const net = createNetwork({ widths: [20, 50, 50, 20], biases: false });
    initialiseGaussian(net, createStream(1, 'init'), 0.5);
    const n = net.params.length;
    const variance = net.params.reduce((s, v) => s + v * v, 0) / n;
    // Relative standard error of a sample variance is √(2/n) ≈ 0.019 here; 6 σ bound.
    expect(Math.abs(variance / 0.25 - 1)).toBeLessThan(0.12);
    const again = createNetwork({ widths: [20, 50, 50, 20], biases: false });
    initialiseGaussian(again, createStream(1, 'init'), 0.5);
    expect([...again.params]).toEqual([...net.params]);
    const copy = cloneNetwork(net);
    copy.params[0] = 99;
    expect(net.params[0]).not.toBe(99);
  });
});
