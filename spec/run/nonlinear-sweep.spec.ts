import { describe, expect, it } from 'vitest';
import { nonlinearEscapeRun, nonlinearSweeps, nonlinearTrap, type NonlinearSweepSpec } from '../../src/run/nonlinear-sweep.ts';

const spec: NonlinearSweepSpec = {
  teacher: { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] },
  data: { kind: 'iid', trainCount: 48, testCount: 8 },
  network: { widths: [2, 6, 6, 2], biases: false, activation: 'tanh' },
  initStd: 0.3,
  betas: [0, 1.5],
  convergence: { kind: 'full-batch-descent', lr: 0.3, gradientTolerance: 1e-5, maxSteps: 800 },
  rankThreshold: 1e-3,
  relearnStd: null,
};

describe('nonlinearSweeps', () => {
  it('learns both modes at β = 0, loses them at a large β, and without a kick never relearns them', () => {
    const { up, down } = nonlinearSweeps(spec, 7);
    expect(up.map((p) => p.effectiveRank)).toEqual([2, 0]);
    expect(down.map((p) => p.effectiveRank)).toEqual([0, 0]);
    expect(up[0]!.trainMse).toBeLessThan(up[1]!.trainMse);
  });
});

describe('nonlinearEscapeRun', () => {
  it('a rank-0 trap under full-batch descent never rises; a learned state is seen at the first check', () => {
    const trap = nonlinearTrap(spec, 7, [0, 1.5], 1.5);
    const settings = { lr: 0.1, batch: 1000, beta: 1.5, budget: 10, sampling: 'epoch-permutation' as const, mode: 1, crossing: 'rise' as const, threshold: 0.1, checkEvery: 5 };
    expect(nonlinearEscapeRun(spec, 7, trap, settings, 1)).toEqual({ time: 10, escaped: false });
    const rise = { ...settings, beta: 0, batch: 8, budget: 400 };
    const run = nonlinearEscapeRun(spec, 7, nonlinearTrap(spec, 7, [0], 0), rise, 1);
    expect(run).toEqual({ time: 5, escaped: true });
  });
});
