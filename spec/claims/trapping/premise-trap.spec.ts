import { describe, expect, it } from 'vitest';
import type { ExperimentResults, PremiseTrapResult } from '../../../src/experiments/index.ts';
import type { RunRecord } from '../../../src/run/index.ts';
import { evaluatePremiseTrap } from '../../../src/claims/trapping/premise-trap.ts';
import { claimOf } from '../claim-of.ts';
import type { Finding } from '../../../src/claims/finding.ts';
import { evidenceText, wordsOf } from '../evidence-words.ts';

/** A run from a rank-1 checkpoint (σ2 = `residue`) that escapes at `escape` by both rules, or is censored at 20000. */
function run(seed: number, escape: number | null, residue = 0): RunRecord {
  return {
    seed,
    epochs: 20_000,
    escape: { testMseMidpoint: { trapped: true, epoch: escape }, sigma: { mode: 2 } },
    start: { kind: 'checkpoint', stages: [{ singularValues: [0.6, residue] }] },
    final: { singularValues: [0.6, escape === null ? residue / 2 : 0.48] },
  } as unknown as RunRecord;
}

function results(runs: RunRecord[]): ExperimentResults {
  const withCrossings = runs.map((r) => ({ ...r, escape: { ...r.escape, sigmaCrossings: [null, r.escape.testMseMidpoint.epoch] } }) as unknown as RunRecord);
  const placements = runs.map((r) => ({ dataSeed: r.seed, criticalBetas: [0.41, 0.35], checkpointBeta: 0.38, weakEqualLossBeta: 0.29 }));
  const premise: PremiseTrapResult = { beta: 0.25, profile: 'full', schemes: { 'per-seed': { runs: withCrossings, placements }, fixed: { runs: withCrossings, placements } } };
  return { premiseTraps: () => premise } as unknown as ExperimentResults;
}

const seeds = Array.from({ length: 50 }, (_, i) => 42 + i);

describe('escape where rank 2 is global (β = 0.25)', () => {
  it('is reproduced when most trapped runs escape well within the budget', () => {
    const e = evaluatePremiseTrap(claimOf('trap-where-rank2-global'), results(seeds.map((s, i) => run(s, 500 + 100 * i))));
    expect(e.verdict).toBe('reproduced');
    expect(e.notReproducible).toBeUndefined();
    expect(e.rule?.reproducedWhenTrue).toBeGreaterThan(0.9);
  });

  it('deviates, not reproducible as specified, when no run leaves an exactly invariant trap', () => {
    const e = evaluatePremiseTrap(claimOf('trap-where-rank2-global'), results(seeds.map((s) => run(s, null))));
    expect(e.verdict).toBe('deviates');
    expect(typeof e.notReproducible).toBe('object');
    expect(wordsOf(e.notReproducible as Finding)).toMatch(/^none of the 50 trapped runs left the trap — 50 from a checkpoint whose σ is exactly 0/);
    expect(wordsOf(e.measured as Finding)).toBe('50 trapped, 0 escaped, 0 set aside');
    expect(wordsOf(e.readings[0]!.note)).toBe('50 of 50 trapped, 0 escaped; τ in [72380, ∞]');
    expect(e.evidence.filter((x) => typeof x === 'string')).toEqual([]);
    expect(e.readings.filter((r) => typeof r.note === 'string')).toEqual([]);
  });

  it('deviates without the invariance reason when runs with a growing residue still do not escape', () => {
    const growing = seeds.map((s) => ({ ...run(s, null, 1e-6), final: { singularValues: [0.6, 1e-3] } }) as unknown as RunRecord);
    const e = evaluatePremiseTrap(claimOf('trap-where-rank2-global'), results(growing));
    expect(e.verdict).toBe('deviates');
    expect(e.notReproducible).toBeUndefined();
  });

  it('states on how many data sets the premise holds, per scheme', () => {
    const e = evaluatePremiseTrap(claimOf('trap-where-rank2-global'), results(seeds.map((s) => run(s, null))));
    expect(evidenceText(e)[0]).toMatch(/^per-seed: on 50 of 50 data set\(s\) the weak mode's equal-loss crossing β\* .* lies above β = 0\.25/);
  });
});
