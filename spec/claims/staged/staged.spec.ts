import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { decidePlateauOrder, exponentCalibration, locationCalibration, orderedProbability, plateauOrderCalibration, withinGroupSlope } from '../../../src/claims/staged/staged.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { createStream, uniformUnit } from '../../../src/data/index.ts';
import { networkBarriers, type ExperimentResults, type StagedEscape, type StagedPlateaus, type StagedSweeps } from '../../../src/experiments/index.ts';
import type { PhaseDiagramRecord, PhaseSweepPoint as SweepPoint, SgldEscapeRecord, Sweep } from '../../../src/run/index.ts';
import type { Evaluation } from '../../../src/claims/index.ts';
import { evidenceText, wordsOf } from '../evidence-words.ts';

// Synthetic results only (no SGD): each rule of the d = 4 claims can return each of its verdicts.

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;
const ETAS = [0.9, 0.8, 0.7, 0.6];

/** Results whose staged parts are the given ones (the other accessors are never read by these claims). */
function results(parts: Partial<Pick<ExperimentResults, 'stagedSweeps' | 'stagedPlateaus' | 'stagedEscape'>>): ExperimentResults {
  const missing = () => {
    throw new Error('not part of this spec');
  };
  return { profile: 'smoke', stagedSweeps: missing, stagedPlateaus: missing, stagedEscape: missing, ...parts } as unknown as ExperimentResults;
}

// ---- sweeps ----

const GRID = Array.from({ length: 31 }, (_, i) => Number((i * 0.01).toFixed(2)));

function sweep(direction: Sweep['direction'], at: readonly (number | null)[]): Sweep {
  const betas = direction === 'up' ? GRID : [...GRID].reverse();
  const points = betas.map((beta): SweepPoint => {
    const rank = at.filter((b) => b !== null && b > beta).length;
    return { beta, testMse: 1, trainMse: 1, singularValues: ETAS.map((_, k) => (k < rank ? 0.5 : 0)), effectiveRank: rank, lr: 0.2, steps: 1, gradientNorm: 0, converged: true };
  });
  const transitions = at.flatMap((b, i) => (b === null ? [] : [{ level: i + 1, lower: b - 1.5e-4, upper: b + 1.5e-4, beta: b, bisections: 4 }]));
  return { direction, points, transitions };
}

/** Transitions at Eq. 3's sample βc/2 + gap; the kicked down sweep regains at `back` below, the plain one at `plain` below (null: never). */
function sweepRecord(seed: number, gap: number, back: number, plain: number | null): PhaseDiagramRecord {
  const rng = createStream(seed, 'data');
  const whitened = ETAS.map((eta) => eta * 0.45 + 0.01 * (uniformUnit(rng) - 0.5));
  const up = whitened.map((b) => b / 2 + gap + 0.001 * (uniformUnit(rng) - 0.5));
  return {
    dataSeed: seed,
    spectrum: { raw: [...ETAS], whitened: [...ETAS] } as unknown as PhaseDiagramRecord['spectrum'],
    criticalBeta: { population: ETAS.map((e) => e * 0.45), raw: whitened, whitened },
    sweeps: [sweep('up', up), sweep('down', up.map((b) => (plain === null ? null : b - plain))), sweep('down-perturbed', up.map((b) => b - back))],
  };
}

function sweeps(seeds: number, gap: number, back: number, plain: number | null = null): StagedSweeps {
  return { profile: 'smoke', etas: ETAS, outputs: 4, depth: 3, records: Array.from({ length: seeds }, (_, i) => sweepRecord(42 + i, gap, back, plain)) };
}

describe('staged-rank-drops', () => {
  const rule = claim('staged-rank-drops');
  it('reproduces four one-step drops at Eq. 3 (mapped) with hysteresis: a plain down sweep that never regains a mode is permanent trapping', () => {
    const e = evaluateClaim(rule, results({ stagedSweeps: () => sweeps(12, 0, 0) })).evaluation!;
    expect(e.verdict).toBe('reproduced');
    expect(e.figures!.map((f) => f.id)).toEqual(['staged-staircase']);
    // The kicked sweep is a reset by a kick past the saddle, not a reading of hysteresis.
    expect(e.readings.some((r) => r.label.includes('kick'))).toBe(false);
    expect(evidenceText(e).some((l) => l.includes('a reset, not a test of hysteresis'))).toBe(true);
  });
  it('reproduces hysteresis when the plain down sweep regains each mode strictly below where it was lost', () => {
    expect(evaluateClaim(rule, results({ stagedSweeps: () => sweeps(12, 0, 0, 0.03) })).outcome).toBe('reproduced');
  });
  it('deviates when the drops sit 0.05 (network units) from Eq. 3, or the plain down sweep regains every mode where it lost it', () => {
    expect(evaluateClaim(rule, results({ stagedSweeps: () => sweeps(12, 0.05, 0) })).outcome).toBe('deviates');
    expect(evaluateClaim(rule, results({ stagedSweeps: () => sweeps(12, 0, 0, 0) })).outcome).toBe('deviates');
  });
  it('is inconclusive on one data seed, and asks for more', () => {
    const e = evaluateClaim(rule, results({ stagedSweeps: () => sweeps(1, 0, 0.03) }));
    expect(e.outcome).toBe('inconclusive');
    const hint = e.evaluation!.wouldDecide;
    expect(typeof hint === 'string' ? hint : wordsOf(hint)).toBe('more data seeds (the t interval of the mean gap at α = 1e-6 needs about ten)');
  });
  it('heads with the three parts combined, so the verdict is the first reading\'s', () => {
    const cases: [number, number, number, number | null][] = [[12, 0, 0, null], [12, 0.05, 0, null], [12, 0, 0, 0]];
    for (const [seeds, gap, back, plain] of cases) {
      const e = evaluateClaim(rule, results({ stagedSweeps: () => sweeps(seeds, gap, back, plain) })).evaluation!;
      expect(e.readings[0]!.label).toMatch(/all three parts/);
      expect(e.verdict).toBe(e.readings[0]!.verdict);
    }
  });
  it('states the location rule\'s calibration: true gaps reproduce, gaps 0.02 off are refuted', () => {
    const c = locationCalibration(40, 0.008, 0.01);
    expect(c.reproducedWhenTrue).toBeGreaterThan(0.9);
    expect(c.size).toBeLessThan(0.01);
    expect(c.power).toBeGreaterThan(0.5);
  });
});

// ---- plateaus ----

function plateaus(seeds: number, initStds: readonly number[], time: (s: number, u0: number, k: number, noise: number) => number): StagedPlateaus {
  return {
    profile: 'smoke',
    etas: ETAS,
    depth: 3,
    lr: 0.08,
    batch: 64,
    beta: 0,
    epochs: 1000,
    traceEvery: 5,
    groups: initStds.map((initStd) => ({
      initStd,
      runs: Array.from({ length: seeds }, (_, i) => {
        const rng = createStream(100 * i + Math.round(initStd * 1000), 'batches');
        const sampleSigma = ETAS.map((eta) => eta + 0.02 * (uniformUnit(rng) - 0.5));
        const riseEpochs = sampleSigma.map((s, k) => Math.max(1, Math.round(time(s, initStd, k, 0.04 * (uniformUnit(rng) - 0.5)))));
        return { dataSeed: 42 + i, run: { riseEpochs, finalSingularValues: sampleSigma, trace: [sampleSigma], sampleSigma } };
      }),
    })),
  };
}

const saxe = (s: number, u0: number, _k: number, noise: number) => (1.2 / (s * u0)) * Math.exp(noise);
/** Waiting set by a barrier growing as the mode weakens, independent of the start. */
const activated = (s: number, _u0: number, _k: number, noise: number) => Math.exp(2 + 4 * (1 - s) + noise);

describe('staged-plateau-order and staged-plateau-timing', () => {
  it('reproduce deterministic plateaus (t ∝ 1/(s·u0)) ending in η order', () => {
    const r = results({ stagedPlateaus: () => plateaus(10, [0.01, 0.02, 0.04], saxe) });
    expect(evaluateClaim(claim('staged-plateau-order'), r).outcome).toBe('reproduced');
    expect(evaluateClaim(claim('staged-plateau-timing'), r).outcome).toBe('reproduced');
  });
  it('deviate when the waits do not depend on u0 (activated) and the order is reversed', () => {
    expect(evaluateClaim(claim('staged-plateau-timing'), results({ stagedPlateaus: () => plateaus(10, [0.01, 0.02, 0.04], activated) })).outcome).toBe('deviates');
    const reversed = (s: number, u0: number, k: number, noise: number) => saxe(ETAS[3 - k]!, u0, k, noise) + 0 * s;
    expect(evaluateClaim(claim('staged-plateau-order'), results({ stagedPlateaus: () => plateaus(10, [0.01, 0.02], reversed) })).outcome).toBe('deviates');
  });
  it('are inconclusive on too few runs (one initial scale, one seed)', () => {
    const r = results({ stagedPlateaus: () => plateaus(1, [0.02], saxe) });
    expect(evaluateClaim(claim('staged-plateau-order'), r).outcome).toBe('inconclusive');
    expect(evaluateClaim(claim('staged-plateau-timing'), r).outcome).toBe('inconclusive');
  });
  it('counts a tie at epoch resolution as no reversal', () => {
    const tie = (s: number, u0: number, k: number, noise: number) => (k === 1 || k === 2 ? saxe(ETAS[1]!, u0, 1, 0) : saxe(s, u0, k, noise));
    const r = results({ stagedPlateaus: () => plateaus(10, [0.01, 0.02, 0.04], tie) });
    const e = evaluateClaim(claim('staged-plateau-order'), r).evaluation!;
    expect(e.verdict).toBe('reproduced');
    expect(e.readings[1]!.value).not.toBe('1');
  });
  it('heads the timing claim with the u0 exponent, Saxe\'s 1/s_k law beside it', () => {
    const e = evaluateClaim(claim('staged-plateau-timing'), results({ stagedPlateaus: () => plateaus(10, [0.01, 0.02, 0.04], saxe) })).evaluation!;
    expect(e.readings[0]!.label).toMatch(/exponent of 1\/u0/);
    expect(e.readings[1]!.label).toMatch(/Saxe et al.'s 1\/s_k law/);
    expect(e.rule).toBeDefined();
  });
  it('calibrates the order rule and the exponent rule on synthetic truths', () => {
    expect(decidePlateauOrder(0, 90).verdict).toBe('reproduced');
    expect(decidePlateauOrder(40, 90).verdict).toBe('deviates');
    const order = plateauOrderCalibration(90);
    expect(order.reproducedWhenTrue).toBe(1);
    expect(order.size).toBe(0);
    expect(order.falseReproduce).toBe(0);
    const points = Array.from({ length: 120 }, (_, i) => ({ group: String(i % 40), x: Math.log(1 / [0.01, 0.02, 0.04][Math.floor(i / 40)]!), y: 0 }));
    const exponent = exponentCalibration(points, 1, 0.25, 0.05);
    expect(exponent.reproducedWhenTrue).toBeGreaterThan(0.95);
    expect(exponent.size).toBe(0);
    expect(exponent.power).toBeGreaterThan(0.9);
  });
  it('fits a slope within groups with each group its own intercept', () => {
    const points = [0, 1, 2].flatMap((g) => [1, 2, 3].map((x) => ({ group: String(g), x, y: 10 * g + 2 * x + (x === 2 ? 0.01 : 0) })));
    const fit = withinGroupSlope(points, 0.05)!;
    expect(fit.slope).toBeCloseTo(2, 6);
    expect(fit.dof).toBe(5);
  });
});

// ---- staged escape ----

const TEMPERATURES = [8e-4, 6e-4, 4e-4];
const BARRIERS = networkBarriers(ETAS, 0.109029, 3);

/** Each mode's wait exponential with mean exp(a + slope·ΔE_k/T), independent across modes; censored at the budget. */
function escape(seeds: number, slope: number, budget: number): StagedEscape {
  return {
    profile: 'smoke',
    etas: ETAS,
    beta: 0.109029,
    epochs: budget,
    sigmaThreshold: 0.15,
    barriers: BARRIERS,
    points: TEMPERATURES.map((temperature, t) => ({
      temperature,
      records: Array.from({ length: seeds }, (_, i): SgldEscapeRecord => {
        const rng = createStream(1000 * t + i, 'langevin');
        const waits = BARRIERS.map((b) => Math.ceil(-Math.exp(1 + (slope * b) / temperature) * Math.log(1 - uniformUnit(rng))));
        const crossings = waits.map((w) => (w <= budget ? w : null));
        const epochs = Math.min(budget, Math.max(...waits));
        return { noiseSeed: i, temperature, epochs, escapeEpoch: crossings[3] ?? null, trapped: true, sigmaCrossings: crossings, modeCrossings: crossings, checkpointSigma: [0, 0, 0, 0] };
      }),
    })),
  };
}

describe('staged-escape-sequence', () => {
  const rule = claim('staged-escape-sequence');
  it('reproduces waits Arrhenius in each mode’s barrier (slope 1), ordered by η', () => {
    const e = evaluateClaim(rule, results({ stagedEscape: () => escape(100, 1, 1e9) }));
    expect(e.outcome).toBe('reproduced');
    expect(Number(e.evaluation!.value)).toBeCloseTo(1, 1);
    expect(e.evaluation!.figures!.map((f) => f.id)).toEqual(['staged-escape-sequence']);
  });
  it('deviates when the waits follow 0.3 of the barriers', () => {
    expect(evaluateClaim(rule, results({ stagedEscape: () => escape(100, 0.3, 1e9) })).outcome).toBe('deviates');
  });
  it('is inconclusive when no run escapes', () => {
    expect(evaluateClaim(rule, results({ stagedEscape: () => escape(5, 1, 1) })).outcome).toBe('inconclusive');
  });
  it('gives the probability of η order for independent exponential waits', () => {
    expect(orderedProbability([1, 1])).toBeCloseTo(0.5, 12);
    expect(orderedProbability([1, 1, 1])).toBeCloseTo(1 / 6, 12);
  });
});

describe('the staged claims as findings', () => {
  /** Evidence lines, reading notes, what would decide, what was measured and why not reproducible, given as sentences rather than findings. */
  const sentences = (e: Evaluation) =>
    [...e.evidence, ...e.readings.map((r) => r.note), e.wouldDecide, e.measured, e.notReproducible].filter((x) => typeof x === 'string');
  const reversed = (s: number, u0: number, k: number, noise: number) => saxe(ETAS[3 - k]!, u0, k, noise) + 0 * s;
  const cases: [string, ExperimentResults][] = [
    ['staged-rank-drops', results({ stagedSweeps: () => sweeps(12, 0, 0) })],
    ['staged-rank-drops', results({ stagedSweeps: () => sweeps(12, 0, 0, 0.03) })],
    ['staged-rank-drops', results({ stagedSweeps: () => sweeps(1, 0, 0.03) })],
    ['staged-plateau-order', results({ stagedPlateaus: () => plateaus(10, [0.01, 0.02], reversed) })],
    ['staged-plateau-order', results({ stagedPlateaus: () => plateaus(1, [0.02], saxe) })],
    ['staged-plateau-timing', results({ stagedPlateaus: () => plateaus(10, [0.01, 0.02, 0.04], saxe) })],
    ['staged-plateau-timing', results({ stagedPlateaus: () => plateaus(1, [0.02], saxe) })],
    ['staged-escape-sequence', results({ stagedEscape: () => escape(100, 1, 1e9) })],
    ['staged-escape-sequence', results({ stagedEscape: () => escape(5, 1, 1) })],
  ];
  it.each(cases.map(([id, r], i) => [`${id} (case ${i + 1})`, id, r] as const))('%s gives every evidence line, reading note and hint as a finding, none as a sentence', (_, id, r) => {
    expect(sentences(evaluateClaim(claim(id), r).evaluation!)).toEqual([]);
  });
  it('reaches what would decide each claim among the cases above', () => {
    const undecided = cases.filter(([id, r]) => evaluateClaim(claim(id), r).evaluation!.wouldDecide !== undefined).map(([id]) => id);
    expect([...new Set(undecided)]).toEqual(['staged-rank-drops', 'staged-plateau-order', 'staged-plateau-timing', 'staged-escape-sequence']);
  });
});
