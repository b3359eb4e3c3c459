import { describe, expect, it } from 'vitest';
import { escapeStatistics, escapesFinding, perSeedEscapeSeries } from '../../../src/claims/common/escape-statistics.ts';
import { wordEvidence } from '../../../src/report/words/index.ts';

describe('escapeStatistics', () => {
  it('sets runs that did not start trapped aside and censors the rest at the budget, never dropping them', () => {
    const s = escapeStatistics(
      [
        { seed: 1, trapped: false, escapeEpoch: 0, budget: 100 },
        { seed: 2, trapped: true, escapeEpoch: null, budget: 100 },
        { seed: 3, trapped: true, escapeEpoch: 40, budget: 100 },
      ],
      1e-6,
    );
    expect(s.notTrapped).toEqual([1]);
    expect(s.runs).toEqual([
      { time: 100, escaped: false },
      { time: 40, escaped: true },
    ]);
    expect(s.escapes).toBe(1);
    // Exposure 140 over 1 escape: the censored run counts its whole budget.
    expect(s.fit?.meanTime).toBe(140);
    expect(s.shape).toBeNull();
  });

  it('has no estimate when no run started trapped', () => {
    const s = escapeStatistics([{ seed: 1, trapped: false, escapeEpoch: null, budget: 100 }], 1e-6);
    expect(s.runs).toEqual([]);
    expect(s.km).toBeNull();
    expect(s.fit).toBeNull();
  });

  it('counts the seeds it sets aside in words and keeps which they are as data', () => {
    const outcomes = [1, 2, 3].map((seed) => ({ seed, trapped: seed === 3, escapeEpoch: seed === 3 ? 40 : 0, budget: 100 }));
    expect(wordEvidence(escapesFinding('x', escapeStatistics(outcomes, 1e-6)))).toMatch(/^x: 1 of 3 runs started trapped \(2 not trapped at the start, set aside\);/);
    expect(wordEvidence(escapesFinding('x', escapeStatistics(outcomes, 1e-6)))).not.toMatch(/seed/);
    expect(perSeedEscapeSeries('x', 'r', outcomes).excluded?.seeds).toEqual([1, 2]);
  });
});
