import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ArrheniusSweeps, ExperimentResults, SweepPoint } from '../../../src/experiments/index.ts';
import { primaryOutcome, type RunRecord } from '../../../src/run/index.ts';
import { escapeSample, fitExponential, runsOf } from '../../../src/stats/index.ts';
import { syntheticRecords } from '../../run/synthetic-runs.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText, wordsOf, plainSentences } from '../evidence-words.ts';
import { NO_RULE_INVARIANT } from '../../../src/claims/trapping/invariant-trap.ts';
import { INVARIANCE_CALIBRATION } from '../../../src/claims/controls/sgld-sweeps.ts';
import { withGrownResidue } from './grown-residue.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;
const seeds = Array.from({ length: 50 }, (_, i) => 42 + i);

function point(lr: number, batch: number, meanOf: (x: number) => number, stream: number, runSeeds: readonly number[] = seeds): SweepPoint {
  const x = batch / lr;
  const records = syntheticRecords(meanOf(x), runSeeds, 200_000, stream).map((r) => ({ ...r, settings: { trainCount: 512 } }) as unknown as RunRecord);
  const outcomes = records.map(primaryOutcome);
  const sample = escapeSample(outcomes);
  return { lr, batch, x, outcomes, sample, fit: fitExponential(runsOf(sample), 0.05), records };
}

/** Synthetic sweeps: escape times exactly Arrhenius in B/ηlr, or not. */
function syntheticSweeps(meanOf: (x: number) => number): ArrheniusSweeps {
  return {
    profile: 'smoke',
    seeds,
    epochs: 200_000,
    checkpointEpochsPerStage: 5000,
    learningRateSweep: [0.0005, 0.001, 0.002, 0.003, 0.005].map((lr, i) => point(lr, 64, meanOf, i)),
    batchSweep: [26, 43, 64, 128, 256].map((b, i) => point(0.002, b, meanOf, 10 + i)),
    checkpointVariants: [],
  };
}

/** Results whose only experiment is the given sweeps. */
function withSweeps(sweeps: ArrheniusSweeps): ExperimentResults {
  return { ...recordedResults(), arrheniusSweeps: () => sweeps };
}

describe('the Arrhenius claims', () => {
  it('are not reproducible as specified when no trapped run escapes and none can (recorded smoke runs of the paper\'s trap)', () => {
    for (const id of ['arrhenius-r2', 'delta-e-eff', 'batch-size-collapse']) {
      const evaluated = evaluateClaim(claim(id), recordedResults());
      expect(evaluated.outcome, id).toBe('deviates');
      expect(evaluated.evaluation!.readings[0]!.verdict, id).toBe('deviates');
      expect(wordsOf(evaluated.evaluation!.readings[0]!.note), id).toMatch(/^not reproducible as specified/);
      expect(wordsOf(evaluated.evaluation!.notReproducible), id).toMatch(/none of the \d+ trapped runs left the trap .* no budget and no seed count produces the escapes the Arrhenius sweep is about at the protocol's checkpoint \(\d+ seeds × 5 learning rates × \d+ epochs\)\.$/);
      expect(evaluated.evaluation!.wouldDecide, id).toBeUndefined();
    }
    const r2 = evaluateClaim(claim('arrhenius-r2'), recordedResults());
    expect(wordsOf(r2.evaluation!.readings[0]!.note)).toMatch(/escaped at 0 of 5 settings/);
    expect(r2.evaluation!.figures!.map((f) => f.id)).toEqual(['fig-2b-arrhenius']);
  });

  it('stay inconclusive when some trapped run\'s residue grew: a longer budget could decide', () => {
    const recorded = recordedResults();
    const sweeps = recorded.arrheniusSweeps();
    const first = sweeps.learningRateSweep[0]!;
    const edited = { ...sweeps, learningRateSweep: [{ ...first, records: withGrownResidue(first.records) }, ...sweeps.learningRateSweep.slice(1)] };
    const r2 = evaluateClaim(claim('arrhenius-r2'), { ...recorded, arrheniusSweeps: () => edited });
    expect(r2.outcome).toBe('inconclusive');
    expect(wordsOf(r2.evaluation!.wouldDecide)).toMatch(/^20 escapes at every ηlr: a longer budget than \d+ epochs at the protocol's checkpoint, or the checkpoint variants \([\d, ]+ epochs per stage\)\.$/);
    for (const id of ['delta-e-eff', 'batch-size-collapse']) {
      const e = evaluateClaim(claim(id), { ...recorded, arrheniusSweeps: () => edited });
      expect(e.outcome, id).toBe('inconclusive');
      expect(wordsOf(e.evaluation!.wouldDecide), id).toMatch(/^escapes at two (learning rates|settings) at least/);
      expect(plainSentences(e.evaluation!), id).toEqual([]);
    }
  });

  it('see one line for both sweeps when escape times depend on B/ηlr alone', () => {
    const results = withSweeps(syntheticSweeps((x) => Math.exp(5 + 2e-5 * x)));
    const collapse = evaluateClaim(claim('batch-size-collapse'), results);
    expect(collapse.outcome).toBe('reproduced');
    expect(collapse.evaluation!.rule!.power).toBeGreaterThanOrEqual(0.9);
    expect(collapse.evaluation!.readings.map((r) => r.label)).toEqual(['one line for both sweeps', 'one line, x = B/(ηlr·(N − B)/(N − 1)) (without replacement)']);
    expect(evidenceText(collapse.evaluation!).join(' ')).toMatch(/B = 256: 0\.50/);
    const r2 = evaluateClaim(claim('arrhenius-r2'), results);
    expect(Number(r2.evaluation!.value)).toBeGreaterThan(0.8);
  });

  it('reject one line when the batch sweep does not follow B/ηlr', () => {
    // Escape time set by ηlr alone (the batch sweep at one ηlr is flat): no collapse.
    const sweeps = syntheticSweeps((x) => Math.exp(5 + 2e-5 * x));
    sweeps.batchSweep.splice(0, 5, ...[26, 43, 64, 128, 256].map((b, i) => point(0.002, b, () => Math.exp(5 + 2e-5 * 32_000), 20 + i)));
    const collapse = evaluateClaim(claim('batch-size-collapse'), withSweeps(sweeps));
    expect(collapse.outcome).toBe('deviates');
  });

  it('call a non-rejection of too little power inconclusive, not reproduced (3 seeds per setting)', () => {
    const few = [42, 43, 44];
    const sweeps = syntheticSweeps((x) => Math.exp(5 + 2e-5 * x));
    sweeps.learningRateSweep.splice(0, 5, ...[0.0005, 0.001, 0.002, 0.003, 0.005].map((lr, i) => point(lr, 64, (x) => Math.exp(5 + 2e-5 * x), 30 + i, few)));
    sweeps.batchSweep.splice(0, 5, ...[26, 43, 64, 128, 256].map((b, i) => point(0.002, b, (x) => Math.exp(5 + 2e-5 * x), 40 + i, few)));
    const collapse = evaluateClaim(claim('batch-size-collapse'), withSweeps(sweeps));
    expect(collapse.outcome).toBe('inconclusive');
    expect(collapse.evaluation!.rule!.power).toBeLessThan(0.9);
    expect(wordsOf(collapse.evaluation!.wouldDecide)).toBe('more trapped runs per setting, until the calibrated power at ×2 reaches 0.9');
    expect(plainSentences(collapse.evaluation!)).toEqual([]);
  });

  it('return their evidence, notes and marks as findings: no sentence of theirs is left, only the trap\'s invariance lines of trapping and controls', () => {
    const synthetic = withSweeps(syntheticSweeps((x) => Math.exp(5 + 2e-5 * x)));
    for (const id of ['arrhenius-r2', 'delta-e-eff', 'batch-size-collapse']) {
      for (const results of [recordedResults(), synthetic]) {
        const e = evaluateClaim(claim(id), results).evaluation!;
        expect(plainSentences(e), id).toEqual([]);
        expect(plainSentences(e), id).toEqual([]);
      }
    }
  });
});
