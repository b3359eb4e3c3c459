import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ExperimentResults, TrappingProtocol, TrappingResult } from '../../../src/experiments/index.ts';
import type { RunRecord } from '../../../src/run/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { riseWidth } from '../../../src/claims/trapping/curves.ts';
import type { SgldEscapeRecord } from '../../../src/run/index.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;
const seeds = (n: number) => Array.from({ length: n }, (_, i) => 42 + i);

/** A run record with only what the coverage rules read: final rank and errors, branch values, checkpoint, trace. */
function record(protocol: string, seed: number, finalRank: number, extra: { checkpointRank?: number; train?: number; test?: number; rises?: boolean } = {}): RunRecord {
  const sv = (rank: number) => [1, 0.5].map((s, i) => (i < rank ? s : 0));
  const train = extra.train ?? 0.3;
  const test = extra.test ?? 0.32;
  const trace = [0, 1, 2].map((epoch) => ({ epoch, trainMse: train + (extra.rises && epoch === 2 ? 0.2 : 0.1 * (2 - epoch)), testMse: test + 0.1 * (2 - epoch), singularValues: sv(2), imbalance: 1e-4 }));
  return {
    protocol,
    seed,
    final: { effectiveRank: finalRank, trainMse: train, testMse: test, singularValues: sv(finalRank) },
    escape: { testMseMidpoint: { globalMinimum: { singularValues: sv(2) }, plateau: { singularValues: sv(1), trainMse: train, testMse: test + 0.2 } } },
    start: { kind: 'checkpoint', stages: [{ singularValues: sv(extra.checkpointRank ?? 1) }] },
    trace,
  } as unknown as RunRecord;
}

function withTrapping(runs: Record<TrappingProtocol, RunRecord[]>, extra: Partial<ExperimentResults> = {}): ExperimentResults {
  const trapping = (p: TrappingProtocol): TrappingResult => ({ protocol: p, profile: 'full', primaryEscapeRule: 'test-mse-midpoint', runs: { 'per-seed': runs[p], fixed: runs[p] } });
  return { ...recordedResults(), trapping, ...extra };
}

const outcome = (id: string, results: ExperimentResults) => evaluateClaim(claim(id), results).evaluation!;

describe('random-init: no trapping', () => {
  const all = (n: number, trapped: number) => seeds(n).map((s, i) => record('random-init', s, i < trapped ? 1 : 2));
  const results = (n: number, trapped: number) => withTrapping({ 'random-init': all(n, trapped), 'rank1-trap': [], 'trivial-trap': [] }, { initVariance: () => all(n, trapped) });

  it('deviates on a trapped run, reproduces with 50 untrapped, is inconclusive with 3 (recorded smoke)', () => {
    expect(outcome('random-init-no-trapping', results(50, 9)).verdict).toBe('deviates');
    expect(outcome('random-init-no-trapping', results(50, 9)).value).toBe('0.18');
    expect(outcome('random-init-no-trapping', results(50, 0)).verdict).toBe('reproduced');
    expect(outcome('random-init-no-trapping', recordedResults()).verdict).toBe('inconclusive');
  });
});

describe('sensitivity to initialisation (paired McNemar)', () => {
  const runs = (n: number, trapStays: number) => ({
    'random-init': seeds(n).map((s) => record('random-init', s, 2)),
    'rank1-trap': seeds(n).map((s, i) => record('rank1-trap', s, i < trapStays ? 1 : 2)),
    'trivial-trap': seeds(n).map((s, i) => record('trivial-trap', s, i < trapStays ? 0 : 2)),
  });
  it('reproduces when the traps keep many seeds out of the global phase, deviates when none, else inconclusive', () => {
    expect(outcome('sensitivity-to-initialisation', withTrapping(runs(50, 40))).verdict).toBe('reproduced');
    expect(outcome('sensitivity-to-initialisation', withTrapping(runs(50, 0))).verdict).toBe('deviates');
    expect(outcome('sensitivity-to-initialisation', withTrapping(runs(5, 2))).verdict).toBe('inconclusive');
  });
});

describe('checkpoint phases and the dense traces', () => {
  it('a checkpoint of the wrong rank deviates; all of the stated rank in 50 runs reproduces', () => {
    const runs = (bad: number) => seeds(50).map((s, i) => record('rank1-trap', s, 1, { checkpointRank: i < bad ? 2 : 1 }));
    expect(outcome('checkpoint-0361-rank1', withTrapping({ 'random-init': [], 'rank1-trap': runs(3), 'trivial-trap': [] })).verdict).toBe('deviates');
    expect(outcome('checkpoint-0361-rank1', withTrapping({ 'random-init': [], 'rank1-trap': runs(0), 'trivial-trap': [] })).verdict).toBe('reproduced');
  });

  it('monotone: a rising trace deviates, falling traces reproduce; balance reads the trace\'s imbalance', () => {
    const dense = (rises: boolean) => ({
      'random-init': seeds(20).map((s) => record('random-init', s, 2, { rises })),
      'rank1-trap': seeds(20).map((s) => record('rank1-trap', s, 2)),
      'trivial-trap': seeds(20).map((s) => record('trivial-trap', s, 2)),
    });
    expect(outcome('dense-train-monotone', withTrapping(dense(true))).verdict).toBe('deviates');
    expect(outcome('dense-train-monotone', withTrapping(dense(false))).verdict).toBe('reproduced');
    expect(outcome('zero-balanced-subspace', withTrapping(dense(false))).readings[0]!.verdict).toBe('reproduced');
  });
});

describe('riseWidth (escape-is-abrupt on the SGLD control)', () => {
  /** σ2 around an escape at epoch 1000: 200 epochs at the trap (with wiggles below 10 %), a linear rise over `span` epochs to 0.37. */
  function record(span: number, escapeEpoch = 1000): SgldEscapeRecord {
    const before = Array.from({ length: 200 }, (_, i) => 0.01 + 0.01 * Math.sin(i));
    const rise = Array.from({ length: span }, (_, i) => 0.02 + (0.35 * (i + 1)) / span);
    const after = Array.from({ length: 200 }, (_, i) => 0.37 + 0.005 * Math.sin(i));
    return { noiseSeed: 1, temperature: 1e-3, epochs: escapeEpoch, escapeEpoch, trapped: true, sigmaCrossings: [0, escapeEpoch], modeCrossings: [0, escapeEpoch], checkpointSigma: [0.7, 0], rise: { start: escapeEpoch - 200, sigma: [...before, ...rise, ...after] } };
  }
  it('is the 10 %–90 % rise in epochs, null without a trace or a rise', () => {
    expect(riseWidth(record(20), 2)).toBe(18);
    expect(riseWidth(record(400), 2)).toBeGreaterThan(300);
    expect(riseWidth({ ...record(20), rise: null }, 2)).toBeNull();
    expect(riseWidth({ ...record(20), escapeEpoch: null }, 2)).toBeNull();
  });
});
