import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { executeJobs, type NonlinearEscapesJob, type NonlinearSweepsJob } from '../../../src/runner/index.ts';
import type { NonlinearSweepSpec } from '../../../src/run/index.ts';

const spec: NonlinearSweepSpec = {
  teacher: { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] },
  data: { kind: 'iid', trainCount: 64, testCount: 8 },
  network: { widths: [2, 4, 4, 2], biases: false, activation: 'tanh' },
  initStd: 0.3,
  betas: [0, 0.2, 0.3, 0.4, 0.5, 0.6],
  convergence: { kind: 'full-batch-descent', lr: 0.3, gradientTolerance: 1e-5, maxSteps: 300 },
  rankThreshold: 1e-3,
  relearnStd: 0.3,
};
const sweepJob: NonlinearSweepsJob = { kind: 'nonlinear-sweeps', label: 'sweeps', spec, dataSeed: 42 };
const escapeJob: NonlinearEscapesJob = {
  kind: 'nonlinear-escapes',
  label: 'escapes',
  spec,
  dataSeed: 42,
  rule: { reading: 'ratio-to-weak-loss', paperBeta: 0.32, paperWeakLoss: 0.36, paperStrongLoss: 0.42 },
  noiseRank: 1,
  riseFraction: 0.5,
  escape: { lr: 0.08, batch: 16, sampling: 'epoch-permutation', mode: 2, checkEvery: 2, budget: 6 },
  seeds: [1, 2, 3],
};
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the nonlinear jobs', () => {
  it('give the same results for 1 and 2 workers, computed or read back from the unit cache', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'nonlinear-'));
    dirs.push(cacheDir);
    const one = await executeJobs([sweepJob, escapeJob], { workers: 1, cacheDir: null });
    const two = await executeJobs([sweepJob, escapeJob], { workers: 2, cacheDir });
    expect(two.get(sweepJob)).toEqual(one.get(sweepJob));
    expect(two.get(escapeJob)).toEqual(one.get(escapeJob));
    const cached: boolean[] = [];
    const again = await executeJobs([sweepJob, escapeJob], { workers: 1, cacheDir, onProgress: (e) => void (e.kind === 'unit-done' && cached.push(e.cached)) });
    expect(again.get(escapeJob)).toEqual(one.get(escapeJob));
    expect(readdirSync(cacheDir).sort()).toEqual(expect.arrayContaining(['nonlinear-sweeps', 'nonlinear-trap']));
    expect(cached.every((c) => c)).toBe(true);
    const plan = one.get(escapeJob).plan;
    expect(plan === null || plan.beta < plan.weakLoss.to).toBe(true);
  });
});
