import { describe, expect, it } from 'vitest';
import { invariantTrapFinding, residueOf, residueShrank, trapInvariance, unlessNotReproducible } from '../../../src/claims/trapping/invariant-trap.ts';
import type { Evaluation } from '../../../src/claims/verdict.ts';
import { finding, type Finding } from '../../../src/claims/finding.ts';
import { escapeStatistics, escapesCell } from '../../../src/claims/common/escape-statistics.ts';
import { evidenceText, wordsOf } from '../evidence-words.ts';
import type { RunRecord } from '../../../src/run/index.ts';

/** A run from a checkpoint whose σ2 is `start`, ending at σ2 = `end` (only the fields the invariance reads). */
const run = (start: number, end: number): RunRecord =>
  ({ escape: { sigma: { mode: 2 } }, start: { kind: 'checkpoint', stages: [{ singularValues: [0.9, start] }] }, final: { singularValues: [0.9, end] } }) as unknown as RunRecord;
const never = () => false;

describe('a trap no run leaves and none can', () => {
  it('reads a residue that shrank or stayed at rounding level, and one that grew', () => {
    expect(residueShrank(residueOf(run(1e-18, 1e-30)))).toBe(true);
    expect(residueShrank(residueOf(run(1e-18, 1e-18)))).toBe(true);
    // 0 → 4·10⁻¹⁸ is rounding (ε·σ1 = 2·10⁻¹⁶ here), as the full profile's runs show; 10⁻⁹ is growth.
    expect(residueShrank(residueOf(run(0, 4e-18)))).toBe(true);
    expect(residueShrank(residueOf(run(1e-18, 1e-9)))).toBe(false);
  });

  it('is invariant when every censored run starts at σ exactly 0 or its residue shrank', () => {
    const inv = trapInvariance([run(0, 0), run(1e-18, 1e-20), run(2e-18, 0)], never);
    expect(inv).toMatchObject({ invariant: true, exactlyZero: 1, shrank: 2, runs: 3, largestStart: 2e-18, largestEnd: 1e-20 });
  });

  it('is not invariant when a residue grew, when a run escaped, or when no run started trapped', () => {
    expect(trapInvariance([run(0, 0), run(1e-18, 1e-9)], never).invariant).toBe(false);
    const runs = [run(0, 0), run(0, 0.5)];
    expect(trapInvariance(runs, (r) => r === runs[1]).invariant).toBe(false);
    expect(trapInvariance([], never).invariant).toBe(false);
  });
});

describe('unlessNotReproducible', () => {
  const undecided: Evaluation = {
    verdict: 'inconclusive',
    value: null,
    readings: [{ label: 'headline', value: null, verdict: 'inconclusive', note: finding('trapping.none-trapped', {}) }, { label: 'other', value: null, verdict: 'reproduced' }],
    evidence: [],
    wouldDecide: finding('trapping.would-decide-escapes', {}),
  };
  const reason = invariantTrapFinding(trapInvariance([run(0, 0)], never), 'claimed');

  it('turns an undecidable inconclusive into deviates, with the reason and the headline reading changed', () => {
    const e = unlessNotReproducible(undecided, reason);
    expect(e).toMatchObject({ verdict: 'deviates', notReproducible: reason });
    expect(e.wouldDecide).toBeUndefined();
    expect(wordsOf(e.notReproducible as Finding)).toMatch(/^none of the 1 trapped runs left the trap — 1 from a checkpoint whose σ is exactly 0\. /);
    expect(e.readings[0]).toMatchObject({ verdict: 'deviates' });
    expect(wordsOf(e.readings[0]!.note)).toBe(`not reproducible as specified (${wordsOf(undecided.readings[0]!.note)})`);
    expect(e.readings[1]).toEqual(undecided.readings[1]);
  });

  it('marks a headline whose note is a finding in the finding\'s words, and says why no rule applies as a finding', () => {
    const cell = escapesCell(escapeStatistics([0, 1, 2].map((seed) => ({ seed, trapped: true, escapeEpoch: null, budget: 300 })), 1e-6));
    const e = unlessNotReproducible({ ...undecided, readings: [{ ...undecided.readings[0]!, note: cell }] }, reason);
    expect(wordsOf(e.readings[0]!.note)).toBe('not reproducible as specified (3 of 3 trapped, 0 escaped; τ in [65.14, ∞])');
    expect(e.evidence.filter((x) => typeof x === 'string')).toEqual([]);
    expect(evidenceText(e)).toEqual([expect.stringMatching(/^No statistical rule decides this verdict/)]);
    const bare = unlessNotReproducible({ ...undecided, readings: [{ label: 'headline', value: null, verdict: 'inconclusive' }] }, reason);
    expect(wordsOf(bare.readings[0]!.note)).toBe('not reproducible as specified');
  });

  it('leaves an evaluation alone without a reason or with a decided verdict', () => {
    expect(unlessNotReproducible(undecided, null)).toBe(undecided);
    const decided = { ...undecided, verdict: 'reproduced' as const };
    expect(unlessNotReproducible(decided, reason)).toBe(decided);
  });
});
