import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { escapeSample, primaryOutcome, type ArrheniusSweeps, type SweepPoint } from '../../../src/experiments/index.ts';
import { fitExponential } from '../../../src/stats/index.ts';
import { syntheticRecords } from '../../run/synthetic-runs.ts';
import { specContext } from '../context.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;
const seeds = Array.from({ length: 50 }, (_, i) => 42 + i);

function point(lr: number, batch: number, meanOf: (x: number) => number, stream: number): SweepPoint {
  const x = batch / lr;
  const records = syntheticRecords(meanOf(x), seeds, 200_000, stream);
  const sample = escapeSample(records.map(primaryOutcome));
  return { lr, batch, x, sample, fit: fitExponential(sample.runs, 0.05), records };
}

/** A context whose sweeps are synthetic: escape times exactly Arrhenius in B/ηlr, or not. */
function contextWithSweeps(meanOf: (x: number) => number) {
  const context = specContext('smoke');
  const sweeps: ArrheniusSweeps = {
    profile: 'smoke',
    seeds,
    epochs: 200_000,
    checkpointEpochsPerStage: 5000,
    learningRateSweep: [0.0005, 0.001, 0.002, 0.003, 0.005].map((lr, i) => point(lr, 64, meanOf, i)),
    batchSweep: [26, 43, 64, 128, 256].map((b, i) => point(0.002, b, meanOf, 10 + i)),
    checkpointVariants: [],
  };
  void context.experiments.once('arrhenius-sweeps', async () => sweeps);
  return context;
}

describe('the Arrhenius claims', () => {
  it('are inconclusive, saying why, when no run escapes (smoke runs of the paper\'s trap)', async () => {
    const context = specContext('smoke');
    const r2 = await evaluateClaim(claim('arrhenius-r2'), context);
    expect(r2.outcome).toBe('inconclusive');
    expect(r2.evaluation!.readings[0]!.note).toMatch(/escaped at 0 of 5 settings/);
    expect(r2.evaluation!.wouldDecide).toMatch(/escapes at every learning rate/);
    expect(r2.evaluation!.figures!.map((f) => f.id)).toEqual(['fig-2b-arrhenius']);
    await context.experiments.close();
  });

  it('see one line for both sweeps when escape times depend on B/ηlr alone', async () => {
    const context = contextWithSweeps((x) => Math.exp(5 + 2e-5 * x));
    const collapse = await evaluateClaim(claim('batch-size-collapse'), context);
    expect(collapse.outcome).toBe('reproduced');
    const r2 = await evaluateClaim(claim('arrhenius-r2'), context);
    expect(Number(r2.evaluation!.value)).toBeGreaterThan(0.8);
  });

  it('reject one line when the batch sweep does not follow B/ηlr', async () => {
    // Escape time set by ηlr alone (the batch sweep at one ηlr is flat): no collapse.
    const context = contextWithSweeps((x) => Math.exp(5 + 2e-5 * x));
    const sweeps = await context.experiments.once<ArrheniusSweeps>('arrhenius-sweeps', async () => { throw new Error('seeded'); });
    sweeps.batchSweep.splice(0, 5, ...[26, 43, 64, 128, 256].map((b, i) => point(0.002, b, () => Math.exp(5 + 2e-5 * 32_000), 20 + i)));
    const collapse = await evaluateClaim(claim('batch-size-collapse'), context);
    expect(collapse.outcome).toBe('deviates');
  });
});
