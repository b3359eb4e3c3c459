import { describe, expect, it } from 'vitest';
import { makeTaskData } from '../../src/data/index.ts';
import { createBackpropWorkspace, backpropGradient } from '../../src/engine/index.ts';
import { balancedAlignedNetwork, invariantSupport } from '../../src/engine/critical-points.ts';
import { coordinateBasis, perSampleGradientCovariance, projectedTrace, trace } from '../../src/engine/gradient-noise.ts';
import { PROTOCOLS } from '../../src/protocols/protocols.ts';

const { teacher, network: shape } = PROTOCOLS['rank1-trap'];
const data = makeTaskData(teacher, { kind: 'iid', trainCount: 40, testCount: 1 }, 7).train;

describe('perSampleGradientCovariance', () => {
  it('is symmetric with trace the mean squared deviation of the per-sample gradients', () => {
    const net = balancedAlignedNetwork(shape, [0.5, 0.1]);
    for (let p = 0; p < net.params.length; p++) net.params[p]! += 0.05 * Math.cos(p);
    const D = net.params.length;
    const cov = perSampleGradientCovariance(net, data);
    for (let p = 0; p < D; p++) for (let q = 0; q < D; q++) expect(cov[p * D + q]).toBeCloseTo(cov[q * D + p]!, 15);
    const ws = createBackpropWorkspace(net);
    const all = Int32Array.from({ length: data.count }, (_, i) => i);
    const grads = Array.from({ length: data.count }, (_, s) => {
      const g = new Float64Array(D);
      backpropGradient(net, data, all, s, 1, 0, ws, g);
      return g;
    });
    const mean = new Float64Array(D);
    for (const g of grads) for (let p = 0; p < D; p++) mean[p]! += g[p]! / data.count;
    const msd = grads.reduce((s, g) => s + g.reduce((t, v, p) => t + (v - mean[p]!) ** 2, 0), 0) / data.count;
    expect(trace(cov, D)).toBeCloseTo(msd, 13);
    expect(projectedTrace(cov, coordinateBasis(Array.from({ length: D }, (_, p) => p), D), D)).toBeCloseTo(msd, 13);
  });

  it('has no component off the invariant set of a state that uses one hidden unit', () => {
    const net = balancedAlignedNetwork(shape, [0.5]);
    const D = net.params.length;
    const cov = perSampleGradientCovariance(net, data);
    const support = new Set(invariantSupport(net, 0));
    const off = Array.from({ length: D }, (_, p) => p).filter((p) => !support.has(p));
    expect(projectedTrace(cov, coordinateBasis(off, D), D)).toBe(0);
    expect(trace(cov, D)).toBeGreaterThan(0.1);
  });
});
