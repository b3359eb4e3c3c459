import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ExperimentResults, JumpGroupResult, OneWayJumps } from '../../../src/experiments/index.ts';
import { createStream, uniformUnit } from '../../../src/data/index.ts';
import type { EscapeRun } from '../../../src/stats/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { wordsOf, plainSentences } from '../evidence-words.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;
const BUDGET = 100_000;
const RATES = [0.08, 0.12, 0.16, 0.2, 0.25, 0.3];

/** 50 fall times with mean τ: exponential (memoryless) or within ±5 % of τ (a drift over the saddle). */
function runs(tau: number, shape: 'exponential' | 'drift', stream: number): EscapeRun[] {
  const s = createStream(stream, 'batches');
  return Array.from({ length: 50 }, () => {
    const u = uniformUnit(s);
    const t = Math.max(1, Math.ceil(shape === 'exponential' ? -tau * Math.log(1 - u) : tau * (0.95 + 0.1 * u)));
    return t >= BUDGET ? { time: BUDGET, escaped: false } : { time: t, escaped: true };
  });
}

function group(delta: number, barrier: number, lnTau: (x: number) => number, shape: 'exponential' | 'drift', stream: number): JumpGroupResult {
  return {
    sampling: 'with-replacement',
    delta,
    landscape: { lossBeta: 0.38, beta: 0.38 - delta, whitenedEta: 0.8, barrierWhitened: barrier, matchedEta: 0.8, barrierMatched: barrier, startSingularValues: [0.4, 0.3] },
    points: RATES.map((lr, i) => ({ lr, batch: 64, x: 64 / lr, seeds: [], runs: runs(Math.exp(lnTau(64 / lr)), shape, 100 * stream + i) })),
  };
}

function results(groups: JumpGroupResult[]): ExperimentResults {
  const jumps: OneWayJumps = { profile: 'smoke', budget: BUDGET, dataSeed: 42, groups };
  return { ...recordedResults(), oneWayJumps: () => jumps };
}

const arrhenius = (slope: number) => (x: number) => 1 + slope * x;
const powerLaw = (x: number) => -8 + 2.5 * Math.log(x);

describe('the downward-jump claims', () => {
  it('memorylessness: exponential falls reproduce, a drift deviates, too few falls are inconclusive', () => {
    const c = claim('one-way-jump-memoryless');
    expect(evaluateClaim(c, results([group(0.004, 1e-4, arrhenius(0.01), 'exponential', 1)])).outcome).toBe('reproduced');
    expect(evaluateClaim(c, results([group(0.004, 1e-4, arrhenius(0.01), 'drift', 2)])).outcome).toBe('deviates');
    expect(evaluateClaim(c, results([group(0.004, 1e-4, () => 30, 'exponential', 3)])).outcome).toBe('inconclusive');
  });

  it('kinetics: an Arrhenius law reproduces, a power law deviates, falls at one setting are inconclusive', () => {
    const c = claim('one-way-jump-arrhenius');
    expect(evaluateClaim(c, results([group(0.004, 1e-4, arrhenius(0.01), 'exponential', 4)])).outcome).toBe('reproduced');
    expect(evaluateClaim(c, results([group(0.004, 1e-4, powerLaw, 'exponential', 5)])).outcome).toBe('deviates');
    expect(evaluateClaim(c, results([group(0.004, 1e-4, (x) => (x < 250 ? 3 : 40), 'exponential', 6)])).outcome).toBe('inconclusive');
  });

  it('slope against barrier: slopes in the barriers\' ratio reproduce, another ratio deviates, no barrier is inconclusive', () => {
    const c = claim('one-way-jump-slope-barrier');
    const near = group(0.004, 1e-4, arrhenius(0.004), 'exponential', 7);
    expect(evaluateClaim(c, results([near, group(0.02, 2.5e-4, arrhenius(0.01), 'exponential', 8)])).outcome).toBe('reproduced');
    expect(evaluateClaim(c, results([near, group(0.02, 1e-3, arrhenius(0.01), 'exponential', 9)])).outcome).toBe('deviates');
    expect(evaluateClaim(c, results([near, group(0.02, null as unknown as number, arrhenius(0.01), 'exponential', 10)])).outcome).toBe('inconclusive');
  });

  it('the paper against [18]: exactly zero noise off the rank-1 set is inconsistent, noise across the barrier agrees', () => {
    const c = claim('mechanism-vs-reference-18');
    const recorded = recordedResults();
    expect(evaluateClaim(c, recorded).outcome).toBe('inconsistent');
    const report = recorded.kramersLanger(0.32);
    const noisy = { ...report, noise: { ...report.noise, atTrappedSample: report.noise.atTrappedSample.map((n) => ({ ...n, ratioOffInvariantSet: 0.01 })) } };
    expect(evaluateClaim(c, { ...recorded, kramersLanger: () => noisy }).outcome).toBe('reproduced');
  });

  it('return their evidence and notes as findings, not sentences', () => {
    const near = group(0.004, 1e-4, arrhenius(0.004), 'exponential', 7);
    const far = group(0.02, 2.5e-4, arrhenius(0.01), 'exponential', 8);
    for (const id of ['one-way-jump-memoryless', 'one-way-jump-arrhenius', 'one-way-jump-slope-barrier', 'mechanism-vs-reference-18']) {
      expect(plainSentences(evaluateClaim(claim(id), results([near, far])).evaluation!), id).toEqual([]);
      expect(plainSentences(evaluateClaim(claim(id), results([group(0.004, 1e-4, () => 30, 'exponential', 3)])).evaluation!), id).toEqual([]);
    }
  });

  it('say what would decide an inconclusive one as a finding', () => {
    const near = group(0.004, 1e-4, arrhenius(0.004), 'exponential', 7);
    const cases = [
      { id: 'one-way-jump-memoryless', groups: [group(0.004, 1e-4, () => 30, 'exponential', 3)], words: 'at least 5 falls at one setting (a longer budget or more seeds)' },
      { id: 'one-way-jump-arrhenius', groups: [group(0.004, 1e-4, (x) => (x < 250 ? 3 : 40), 'exponential', 6)], words: 'falls at more settings, or more seeds per setting, until one law leads by ΔAIC > 2' },
      {
        id: 'one-way-jump-slope-barrier',
        groups: [near, group(0.02, null as unknown as number, arrhenius(0.01), 'exponential', 10)],
        words: 'falls at ≥ 2 learning rates in both the nearest and the farthest with-replacement group, so both slopes are resolved above 0',
      },
    ];
    for (const { id, groups, words } of cases) {
      const e = evaluateClaim(claim(id), results(groups)).evaluation!;
      expect(e.verdict, id).toBe('inconclusive');
      expect(wordsOf(e.wouldDecide), id).toBe(words);
      expect(plainSentences(e), id).toEqual([]);
    }
  });
});
