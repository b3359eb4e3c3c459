import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { decideArrheniusInT, decideNoiseAddsToT, decideTauIncreasing, headedBySgd, type RunGroup } from '../../../src/claims/controls/sgld-sweeps.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ExperimentResults, SgldSweepsResult } from '../../../src/experiments/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { censoredRuns, exponentialDraw, seededUniform } from '../../stats/simulate.ts';
import { evidenceText, wordsOf, plainSentences } from '../evidence-words.ts';
import { invariantTrapFinding } from '../../../src/claims/trapping/invariant-trap.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;

/** Exponential runs at each x with mean τ(x), censored at the budget; a seeded stream per setting. */
function groups(xs: readonly number[], meanOf: (x: number) => number, seeds: number, budget = 1e6, stream = 0): RunGroup[] {
  return xs.map((x, i) => ({ x, runs: censoredRuns(exponentialDraw(seededUniform(100 * stream + i), meanOf(x)), seeds, budget) }));
}

describe('decideTauIncreasing (escape time against β on the SGLD control)', () => {
  const betas = [0.3, 0.31, 0.32, 0.33];
  it('reproduces τ growing with β, deviates on τ falling, is inconclusive on a flat τ or too few runs', () => {
    expect(decideTauIncreasing('β', groups(betas, (b) => Math.exp(5 + 60 * (b - 0.3)), 50)).reading.verdict).toBe('reproduced');
    expect(decideTauIncreasing('β', groups(betas, (b) => Math.exp(5 - 60 * (b - 0.3)), 50, 1e6, 1)).reading.verdict).toBe('deviates');
    expect(decideTauIncreasing('β', groups(betas, () => 300, 50, 1e6, 2)).reading.verdict).toBe('inconclusive');
    expect(decideTauIncreasing('β', groups(betas, (b) => Math.exp(5 + 60 * (b - 0.3)), 3, 1e6, 3)).reading.verdict).toBe('inconclusive');
    const none = decideTauIncreasing('β', groups(betas, () => 1e9, 5, 100));
    expect(none.reading.verdict).toBe('inconclusive');
    expect(wordsOf(none.reading.note)).toMatch(/escaped at 0 of 4 settings/);
    expect(plainSentences({ readings: [none.reading] })).toEqual([]);
  });
});

describe('decideArrheniusInT (Arrhenius against a power law in T)', () => {
  // 1/T over a factor 5, so that the two laws differ in shape across it.
  const inverseT = [100, 200, 300, 400, 500];
  it('reproduces escape times exactly Arrhenius, deviates on a power law, is inconclusive with few seeds', () => {
    expect(decideArrheniusInT('T', groups(inverseT, (x) => Math.exp(1 + 0.012 * x), 200)).reading.verdict).toBe('reproduced');
    expect(decideArrheniusInT('T', groups(inverseT, (x) => Math.exp(1 + 3.5 * Math.log(x / 50)), 200, 1e6, 1)).reading.verdict).toBe('deviates');
    expect(decideArrheniusInT('T', groups(inverseT, (x) => Math.exp(1 + 0.012 * x), 3, 1e6, 2)).reading.verdict).toBe('inconclusive');
    const read = decideArrheniusInT('T', groups(inverseT, (x) => Math.exp(1 + 0.012 * x), 200));
    expect(plainSentences({ evidence: read.evidence, readings: [read.reading] })).toEqual([]);
    expect(evidenceText(read)[0]).toMatch(/^T: Arrhenius: ln τ linear in 1\/T preferred by ΔAIC = .*, over 5 temperatures\.$/);
    const none = decideArrheniusInT('T', groups(inverseT, () => 1e9, 5, 100));
    expect(plainSentences({ evidence: none.evidence, readings: [none.reading] })).toEqual([]);
    expect(evidenceText(none)).toEqual(['T: runs escaped at 0 of 5 settings: a slope needs two.']);
  });
});

describe('decideNoiseAddsToT (prediction 3, Eq. 4: SGD noise adds T ∝ ηlr/B)', () => {
  const x = [0.000625, 0.00125, 0.0025];
  it('reproduces τ falling with ηlr/B, deviates on a flat τ (invisible noise) and on τ rising, is inconclusive with few seeds', () => {
    expect(decideNoiseAddsToT('p', groups(x, (v) => 200 * Math.exp(-1000 * v), 50), 2).reading.verdict).toBe('reproduced');
    expect(decideNoiseAddsToT('p', groups(x, () => 200, 400, 1e6, 1), 2).reading.verdict).toBe('deviates');
    expect(decideNoiseAddsToT('p', groups(x, (v) => 200 * Math.exp(1000 * v), 50, 1e6, 2), 2).reading.verdict).toBe('deviates');
    expect(decideNoiseAddsToT('p', groups(x, () => 200, 4, 1e6, 3), 2).reading.verdict).toBe('inconclusive');
    for (const read of [decideNoiseAddsToT('p', groups(x, () => 200, 400, 1e6, 1), 2), decideNoiseAddsToT('p', groups(x, () => 1e9, 5, 100), 2)]) {
      expect(plainSentences({ evidence: read.evidence, readings: [read.reading] })).toEqual([]);
    }
  });
});

/** The recorded smoke sweeps with synthetic runs: τ(β) and τ(ηlr/B) as given. */
function syntheticSweeps(tauOfBeta: (beta: number) => number, tauOfRatio: (ratio: number) => number): SgldSweepsResult {
  const base = recordedResults().sgldSweeps();
  return {
    ...base,
    betas: base.betas.map((b, i) => ({ ...b, point: { ...b.point, runs: censoredRuns(exponentialDraw(seededUniform(i), tauOfBeta(b.beta)), 50, 1e6) } })),
    noise: base.noise.map((p, i) => ({ ...p, timeRuns: censoredRuns(exponentialDraw(seededUniform(50 + i), tauOfRatio(p.lrOverBatch)), 50, 1e6) })),
  };
}

const withSweeps = (s: SgldSweepsResult): ExperimentResults => ({ ...recordedResults(), sgldSweeps: () => s });

describe('the claims read on the SGLD sweeps', () => {
  it('escape-time-grows-with-beta: the paper\'s SGD first (no escape from the invariant trap), the control reading beside it, then the analytic half', () => {
    const e = evaluateClaim(claim('escape-time-grows-with-beta'), withSweeps(syntheticSweeps((b) => Math.exp(5 + 60 * (b - 0.3)), () => 100))).evaluation!;
    expect(e.verdict).toBe('deviates');
    expect(e.readings[0]).toMatchObject({ label: "the paper's SGD, rank-1 trap", verdict: 'deviates' });
    expect(wordsOf(e.readings[0]!.note)).toBe('not reproducible as specified');
    // The paper's SGD and the control's readings are findings; the analytic half is its own subject's.
    expect(plainSentences({ readings: e.readings.slice(0, 2) })).toEqual([]);
    expect(wordsOf(e.notReproducible)).toMatch(/under the paper's SGD from the rank-1 trap none of the \d+ trapped runs left the trap/);
    expect(e.readings[1]!.label).toMatch(/SGLD control \(an audit experiment: isotropic noise/);
    expect(e.readings.slice(1).map((r) => r.verdict)).toEqual(['reproduced', 'reproduced', 'reproduced']);
    const falling = evaluateClaim(claim('escape-time-grows-with-beta'), withSweeps(syntheticSweeps((b) => Math.exp(5 - 60 * (b - 0.3)), () => 100))).evaluation!;
    expect(falling.readings[1]!.verdict).toBe('deviates');
  });

  it('sgld-noise-adds-to-temperature: one reading per batch drawing, the paper’s permutation first, and its figure', () => {
    const e = evaluateClaim(claim('sgld-noise-adds-to-temperature'), withSweeps(syntheticSweeps(() => 100, (r) => 200 * Math.exp(-1000 * r)))).evaluation!;
    expect(e.readings.map((r) => r.label)).toEqual(['a permutation per epoch (the paper’s SGD)', 'batches drawn with replacement']);
    expect(e.verdict).toBe('reproduced');
    expect(e.figures!.map((f) => f.id)).toEqual(['control-sgld-noise-vs-lr-over-b']);
    expect(plainSentences(e)).toEqual([]);
    const flat = evaluateClaim(claim('sgld-noise-adds-to-temperature'), withSweeps(syntheticSweeps(() => 100, () => 200))).evaluation!;
    expect(flat.verdict).not.toBe('reproduced');
  });

  it('the smoke recording: the SGLD claim of the audit undecided, saying what would; the paper\'s kinetic statements not reproducible as specified', () => {
    const own = evaluateClaim(claim('sgld-noise-adds-to-temperature'), recordedResults()).evaluation!;
    expect(own.verdict).toBe('inconclusive');
    expect(wordsOf(own.wouldDecide)).toBe('more noise seeds per (B, ηlr) setting');
    expect(plainSentences(own)).toEqual([]);
    for (const id of ['escape-time-grows-with-beta', 'multiplicative-noise-keeps-linear', 'deeper-networks-longer-delays']) {
      const e = evaluateClaim(claim(id), recordedResults()).evaluation!;
      expect(e.verdict, id).toBe('deviates');
      expect(e.notReproducible, id).toBeTruthy();
      expect(e.wouldDecide, id).toBeUndefined();
    }
  });
});

describe('headedBySgd (the paper\'s SGD before the control\'s readings)', () => {
  it('where the trap is not shown invariant, leaves the headline undecided and says what would decide it, as a finding', () => {
    const recorded = recordedResults();
    const noTrappedRun: ExperimentResults = {
      ...recorded,
      trapping: (p) => (p === 'rank1-trap' ? { ...recorded.trapping(p), runs: { ...recorded.trapping(p).runs, 'per-seed': [] } } : recorded.trapping(p)),
    };
    const e = headedBySgd([], { verdict: 'reproduced', value: null, readings: [], evidence: [] }, noTrappedRun, (trap) => invariantTrapFinding(trap, 'claimed', true));
    expect(e.verdict).toBe('inconclusive');
    expect(e.notReproducible).toBeUndefined();
    expect(plainSentences(e)).toEqual([]);
    expect(wordsOf(e.wouldDecide)).toBe("escapes from the rank-1 trap under the paper's SGD within a longer budget");
  });
});

describe('decideDepthOrderByRank (control-depth-escape-time, prediction 2)', () => {
  const shifted = (scale: number[], stream: number) =>
    scale.map((s, i) => {
      const uniform = seededUniform(10 * stream + i);
      return { depth: 3 + i, runs: censoredRuns(() => s * (1 + uniform()), 20, 2e4) };
    });
  it('reproduces escape later at every depth, deviates when a deeper one escapes earlier, is inconclusive on one distribution', async () => {
    const { decideDepthOrderByRank } = await import('../../../src/claims/controls/escape-controls.ts');
    const draw = (means: number[], stream: number) => means.map((m, i) => ({ depth: 3 + i, runs: censoredRuns(exponentialDraw(seededUniform(10 * stream + i), m), 20, 2e4) }));
    expect(decideDepthOrderByRank(draw([10, 1000, 100_000], 1)).verdict).toBe('reproduced');
    expect(decideDepthOrderByRank(draw([1000, 10, 100_000], 2)).verdict).toBe('deviates');
    expect(decideDepthOrderByRank(draw([100, 100, 100], 3)).verdict).toBe('inconclusive');
    // A drift of a few epochs at L = 3, then later at L = 4 and 5 (the shape of the full-profile runs): decided.
    expect(decideDepthOrderByRank(shifted([10, 40, 800], 4)).verdict).toBe('reproduced');
  });
});
