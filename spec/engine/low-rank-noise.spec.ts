import { describe, expect, it } from 'vitest';
import { makeTaskData } from '../../src/data/index.ts';
import type { Activation } from '../../src/engine/activation.ts';
import { lowRankNoise } from '../../src/engine/low-rank-noise.ts';
import { layerWeights } from '../../src/engine/network.ts';
import { createNonlinearNetwork } from '../../src/engine/nonlinear-network.ts';

const data = makeTaskData({ inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] }, { kind: 'iid', trainCount: 48, testCount: 1 }, 4).train;

/**
 * A rank-one state aligned like a balanced one: W1 = a uᵀ, W2 = ½ c aᵀ, W3 = v cᵀ on `units` hidden units (one unit:
 * the linear network's invariant set; several: its rotation, the same state for a linear network).
 */
function rankOneState(activation: Activation, units: number) {
  const net = createNonlinearNetwork({ widths: [2, 6, 6, 2], biases: false, activation });
  const u = [0.8, 0.6];
  const v = [0.6, -0.8];
  const a = [0.9, 0.6, 0.3].slice(0, units);
  const c = [0.7, 0.9, 1.1].slice(0, units);
  a.forEach((ak, k) => {
    layerWeights(net, 1).set([ak * u[0]!, ak * u[1]!], 2 * k);
    c.forEach((_, i) => (layerWeights(net, 2)[i * 6 + k] = 0.5 * c[i]! * ak));
    layerWeights(net, 3)[k] = c[k]! * v[0]!;
    layerWeights(net, 3)[6 + k] = c[k]! * v[1]!;
  });
  return net;
}

describe('lowRankNoise', () => {
  it('is exactly 0 off the rank-1 set where per-sample steps keep it (linear, or tanh on one hidden unit)', () => {
    for (const a of ['identity', 'tanh'] as const) {
      const noise = lowRankNoise(rankOneState(a, 1), data, 1);
      expect(noise.trace).toBeGreaterThan(1e-3);
      expect(noise.share).toBeLessThan(1e-28);
      expect(noise.residualSingular.first).toBeLessThan(1e-15);
    }
  });

  it('is positive for tanh on several hidden units (no rotation symmetry) and for sigmoid (φ(0) ≠ 0)', () => {
    expect(lowRankNoise(rankOneState('identity', 3), data, 1).share).toBeLessThan(1e-28);
    expect(lowRankNoise(rankOneState('tanh', 3), data, 1).share).toBeGreaterThan(1e-6);
    expect(lowRankNoise(rankOneState('sigmoid', 1), data, 1).share).toBeGreaterThan(1e-6);
  });

  it('counts everything in W1 and W_L as normal at rank 0 and nothing at full rank', () => {
    const net = rankOneState('tanh', 3);
    expect(lowRankNoise(net, data, 2).share).toBeLessThan(1e-28);
    expect(lowRankNoise(net, data, 0).share).toBeGreaterThan(lowRankNoise(net, data, 1).share);
  });
});
