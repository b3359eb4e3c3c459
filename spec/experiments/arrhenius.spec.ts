import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitArrhenius, type SweepPoint } from '../../src/experiments/index.ts';
import { ARRHENIUS_SWEEP_PATH, loadArrheniusSweep } from '../../src/protocols/index.ts';
import { primaryOutcome } from '../../src/run/index.ts';
import { escapeSample, fitExponential, runsOf } from '../../src/stats/index.ts';
import { syntheticRecords } from '../run/synthetic-runs.ts';

const seeds = Array.from({ length: 50 }, (_, i) => 42 + i);

/** A sweep whose true mean escape time is exp(a + b·x), x = B/ηlr. */
function syntheticSweep(a: number, b: number, epochs: number): SweepPoint[] {
  return [0.0005, 0.001, 0.002, 0.003, 0.005].map((lr, i) => {
    const x = 64 / lr;
    const records = syntheticRecords(Math.exp(a + b * x), seeds, epochs, 7 + i);
    const outcomes = records.map(primaryOutcome);
    const sample = escapeSample(outcomes);
    return { lr, batch: 64, x, outcomes, sample, fit: fitExponential(runsOf(sample), 0.05), records };
  });
}

describe('the Arrhenius fit of a sweep', () => {
  it('recovers a known slope within its interval, prefers Arrhenius over a power law, and gives the least-squares R²', () => {
    const b = 2e-5; // τ from e^{5.3} to e^{7.6} epochs across the sweep
    const fit = fitArrhenius(syntheticSweep(5, b, 100_000), 1e-6);
    expect(fit.notEstimable).toBeNull();
    expect(fit.arrhenius!.slopeInterval.lower).toBeLessThan(b);
    expect(fit.arrhenius!.slopeInterval.upper).toBeGreaterThan(b);
    expect(fit.preferred!.label).toMatch(/^Arrhenius/);
    expect(fit.leastSquaresR2).toBeGreaterThan(0.9);
  });

  it('says why when the runs escaped at fewer than two settings, and gives no R²', () => {
    const fit = fitArrhenius(syntheticSweep(20, 0, 1000), 1e-6);
    expect(fit.arrhenius).toBeNull();
    expect(fit.leastSquaresR2).toBeNull();
    expect(fit.notEstimable).toEqual({ escapedSettings: 0, settings: 5, trappedRuns: 250 });
  });
});

describe('golden/protocols/arrhenius-sweep.json', () => {
  it('holds the learning rates of Appendix A and a batch sweep over the same B/ηlr', () => {
    const file = loadArrheniusSweep();
    expect(file.learningRateSweep).toEqual({ batch: 64, learningRates: [0.0005, 0.001, 0.002, 0.003, 0.005] });
    const lrX = file.learningRateSweep.learningRates.map((lr) => 64 / lr);
    const batchX = file.batchSweep.batches.map((b) => b / file.batchSweep.learningRate);
    expect(Math.min(...batchX)).toBeLessThanOrEqual(Math.min(...lrX) * 1.05);
    expect(Math.max(...batchX)).toBeGreaterThanOrEqual(Math.max(...lrX));
    expect(file.profiles.full.seeds).toEqual({ first: 42, last: 91 });
  });

  it('rejects a malformed file, naming the field', () => {
    const data = JSON.parse(readFileSync(ARRHENIUS_SWEEP_PATH, 'utf8'));
    data.learningRateSweep.learningRates = [0.001, -0.002];
    const path = join(mkdtempSync(join(tmpdir(), 'sweep-')), 'arrhenius-sweep.json');
    writeFileSync(path, JSON.stringify(data));
    expect(() => loadArrheniusSweep(path)).toThrow(/\/learningRateSweep\/learningRates\/1 must be > 0/);
  });
});
