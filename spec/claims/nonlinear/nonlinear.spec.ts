import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ExperimentResults, NonlinearActivationResult, NonlinearResult } from '../../../src/experiments/index.ts';
import { createStream, uniformUnit } from '../../../src/data/index.ts';
import type { LowRankNoise } from '../../../src/engine/index.ts';
import type { NonlinearSweepPoint, NonlinearTrapState } from '../../../src/run/index.ts';
import type { EscapeRun } from '../../../src/stats/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText, wordsOf, plainSentences } from '../evidence-words.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;
const evaluate0 = (id: string, r: ExperimentResults) => evaluateClaim(claim(id), r).evaluation!;
const STEP = 0.05;
const GRID = Array.from({ length: 10 }, (_, i) => Number((i * STEP).toFixed(2)));
const BUDGET = 2000;

function point(beta: number, s1: number, s2: number, converged = true): NonlinearSweepPoint {
  return { beta, trainMse: 0.5, testMse: 0.5, response: [s1, s2], effectiveRank: (s1 > 1e-3 ? 1 : 0) + (s2 > 1e-3 ? 1 : 0), steps: 10, gradientNorm: 1e-6, converged };
}

/** A sweep losing σ2 at lossWeak and σ1 at lossStrong (jumps of 0.3 from 0.8 at β = 0, or fading gradually), regaining both below `regain`. */
function sweeps(opts: { lossWeak: number; lossStrong: number; regain: number | null; gradual?: boolean }) {
  const s = (beta: number, loss: number) => (beta >= loss ? 0 : opts.gradual ? 0.8 * Math.max(0.002, (loss - beta) / loss) ** 3 : 0.8 - beta);
  const up = GRID.map((b) => point(b, s(b, opts.lossStrong), s(b, opts.lossWeak)));
  const down = [...GRID].reverse().map((b) => (opts.regain !== null && b < opts.regain ? point(b, 0.8 - b, 0.7 - b) : point(b, 0, 0)));
  return { dataSeed: 42, up, down };
}

function noise(share: number): LowRankNoise {
  return { rank: 1, trace: 1, offSet: share, share, residualSingular: { first: 1e-8, last: 1e-8 } };
}

function trap(share: number, response = [0.4, 1e-15]): NonlinearTrapState {
  return { beta: 0.3, params: [], response, gradientNorm: 1e-6, noise: noise(share) };
}

/** 50 runs with mean τ (exponential), or all at ±5 % of τ (a drift), or none escaping. */
function runs(tau: number | null, shape: 'exponential' | 'drift' = 'exponential', stream = 1): EscapeRun[] {
  const s = createStream(stream, 'batches');
  return Array.from({ length: 50 }, () => {
    if (tau === null) return { time: BUDGET, escaped: false };
    const u = uniformUnit(s);
    const t = 10 * Math.max(1, Math.ceil((shape === 'exponential' ? -tau * Math.log(1 - u) : tau * (0.95 + 0.1 * u)) / 10));
    return t >= BUDGET ? { time: BUDGET, escaped: false } : { time: t, escaped: true };
  });
}

function activation(a: 'tanh' | 'sigmoid', sw: ReturnType<typeof sweeps>, trapState: NonlinearTrapState | null, escapeRuns: EscapeRun[], budget = BUDGET): NonlinearActivationResult {
  const plan =
    trapState === null
      ? null
      : {
          weakLoss: { from: 0.3, to: 0.35, before: 0.5, after: 0, converged: true },
          strongLoss: null,
          readings: { 'ratio-to-weak-loss': 0.3, 'fraction-between-transitions': null },
          beta: 0.3,
          annealing: [0, 0.35],
          rankTwoSigma: 0.4,
          riseThreshold: 0.2,
        };
  return { activation: a, gridStep: STEP, sweeps: sw, escapes: { plan, trap: trapState, runs: escapeRuns }, seeds: escapeRuns.map((_, i) => i), budget };
}

function results(tanh: NonlinearActivationResult, sigmoid?: NonlinearActivationResult): ExperimentResults {
  const nl: NonlinearResult = {
    profile: 'full',
    dataSeed: 42,
    rankThreshold: 1e-3,
    jumpFraction: 0.25,
    noiseFloor: 1e-6,
    referenceTau: 2000,
    minimumEscapes: 5,
    checkEvery: 10,
    trapReading: 'ratio-to-weak-loss',
    activations: sigmoid ? [tanh, sigmoid] : [tanh],
  };
  return { ...recordedResults(), nonlinear: () => nl };
}

const loop = sweeps({ lossWeak: 0.35, lossStrong: 0.4, regain: 0.15 });

describe('nonlinear-hysteresis', () => {
  const verdict = (sw: ReturnType<typeof sweeps>) => evaluate0('nonlinear-hysteresis', results(activation('tanh', sw, null, []))).verdict;
  it('is reproduced when both modes are lost by a jump and regained lower down; tanh is the headline, sigmoid a reading', () => {
    const e = evaluate0('nonlinear-hysteresis', results(activation('tanh', loop, null, []), activation('sigmoid', sweeps({ lossWeak: 0.35, lossStrong: 0.4, regain: 0.4 }), null, [])));
    expect(e.verdict).toBe('reproduced');
    expect(e.readings.map((r) => [r.label, r.verdict, r.value])).toEqual([
      ['tanh', 'reproduced', '2'],
      ['sigmoid', 'deviates', '0'],
    ]);
    expect(e.figures?.map((f) => f.id)).toEqual(['nonlinear-sweep-tanh', 'nonlinear-sweep-sigmoid']);
  });
  it('deviates when a mode fades gradually, or comes back within a grid step of its loss, or never', () => {
    expect(verdict(sweeps({ lossWeak: 0.35, lossStrong: 0.4, regain: 0.15, gradual: true }))).toBe('deviates');
    expect(verdict(sweeps({ lossWeak: 0.35, lossStrong: 0.4, regain: 0.4 }))).toBe('deviates');
    expect(verdict(sweeps({ lossWeak: 0.35, lossStrong: 0.4, regain: null }))).toBe('deviates');
  });
  it('is inconclusive when the grid never loses a mode, the state after a loss did not converge, or a loop spans one grid point', () => {
    expect(verdict(sweeps({ lossWeak: 0.35, lossStrong: 0.4, regain: 0.3 }))).toBe('inconclusive');
    expect(verdict(sweeps({ lossWeak: 0.35, lossStrong: 9, regain: 0.15 }))).toBe('inconclusive');
    const unconverged = { ...loop, up: loop.up.map((p) => (p.beta === 0.35 ? { ...p, converged: false } : p)) };
    expect(verdict(unconverged)).toBe('inconclusive');
  });
});

describe('nonlinear-noise-off-low-rank', () => {
  const evaluate = (t: NonlinearTrapState | null) => evaluate0('nonlinear-noise-off-low-rank', results(activation('tanh', loop, t, [])));
  it('is reproduced above the floor, deviates at rounding level, inconclusive without a rank-1 trap', () => {
    expect(evaluate(trap(3e-3)).verdict).toBe('reproduced');
    expect(evaluate(trap(4e-14)).verdict).toBe('deviates');
    expect(evaluate(trap(0.1, [1e-15, 1e-16])).verdict).toBe('inconclusive');
    expect(evaluate(null).verdict).toBe('inconclusive');
  });
});

describe('nonlinear-escape', () => {
  const evaluate = (r: EscapeRun[], t: NonlinearTrapState | null = trap(0.1)) => evaluate0('nonlinear-escape', results(activation('tanh', loop, t, r)));
  it('is reproduced by memoryless escapes, with the survival figure and per-seed times', () => {
    const e = evaluate(runs(500));
    expect(e.verdict).toBe('reproduced');
    expect(e.figures?.map((f) => f.id)).toEqual(['nonlinear-escape-survival']);
    expect(e.perSeed?.[0]?.values.length).toBe(50);
  });
  it('deviates when the waiting times are a drift, or when none escape where τ = 2000 would show many', () => {
    expect(evaluate(runs(500, 'drift')).verdict).toBe('deviates');
    expect(evaluate(runs(null)).verdict).toBe('deviates');
  });
  it('is inconclusive with too few runs to tell, or with no rank-1 trap', () => {
    expect(evaluate(runs(null).slice(0, 2)).verdict).toBe('inconclusive');
    expect(evaluate([], trap(0.1, [1e-15, 1e-16])).verdict).toBe('inconclusive');
    expect(evaluate([], null).verdict).toBe('inconclusive');
  });
});

describe('nonlinear evidence as findings', () => {
  const all = (e: ReturnType<typeof evaluate0>) => [...e.evidence, ...e.readings.map((r) => r.note)];
  it('gives every line of evidence and every reading note as a finding, worded by the report', () => {
    const trapped = activation('tanh', loop, trap(3e-3), runs(500));
    const none = activation('sigmoid', sweeps({ lossWeak: 0.35, lossStrong: 0.4, regain: null }), null, []);
    for (const id of ['nonlinear-hysteresis', 'nonlinear-noise-off-low-rank', 'nonlinear-escape']) {
      const e = evaluate0(id, results(trapped, none));
      expect(all(e).filter((x) => typeof x === 'string')).toEqual([]);
      expect(evidenceText(e).every((line) => line.length > 0)).toBe(true);
    }
    const escape = evaluate0('nonlinear-escape', results(trapped, none));
    expect(wordsOf(escape.readings[1]!.note)).toBe('no trap: the up sweep never loses the weak mode');
    expect(evidenceText(escape).at(-1)).toMatch(/^Calibration: /);
  });
  it('says what would decide an inconclusive one as a finding, worded by the report', () => {
    const cases = [
      {
        id: 'nonlinear-hysteresis',
        r: results(activation('tanh', sweeps({ lossWeak: 0.35, lossStrong: 0.4, regain: 0.3 }), null, [])),
        words: 'sweeps on a finer β grid around each loss (a step well under the loop, e.g. 0.005 between 0.30 and 0.40 for tanh) with descent run to convergence at every point near the saddle-nodes',
      },
      { id: 'nonlinear-noise-off-low-rank', r: results(activation('tanh', loop, null, [])), words: 'a trap that is rank 1 (for sigmoid: a β grid fine enough to separate its two losses, so a rank-1 branch exists)' },
      { id: 'nonlinear-escape', r: results(activation('tanh', loop, trap(0.1), runs(null).slice(0, 2))), words: 'at least five escapes: more seeds or a longer budget from the same trap, or a rank-1 trap where there is none' },
    ];
    for (const { id, r, words } of cases) {
      const e = evaluate0(id, r);
      expect(e.verdict, id).toBe('inconclusive');
      expect(wordsOf(e.wouldDecide), id).toBe(words);
      expect(plainSentences(e), id).toEqual([]);
    }
  });
});
