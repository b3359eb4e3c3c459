import { describe, expect, it } from 'vitest';
import { NOT_TRAPPED, escapeSample, escapes, exposure, runsOf } from '../../src/stats/index.ts';

describe('an escape sample', () => {
  const sample = escapeSample([
    { seed: 7, trapped: true, escapeEpoch: 30, budget: 100 },
    { seed: 8, trapped: true, escapeEpoch: null, budget: 100 },
    { seed: 9, trapped: true, escapeEpoch: 0, budget: 100 },
    { seed: 10, trapped: false, escapeEpoch: null, budget: 100 },
  ]);

  it('keeps seeds, times and flags side by side, and the seeds set aside with why', () => {
    expect([sample.seeds, sample.times, sample.escaped, sample.budget]).toEqual([[7, 8, 9], [30, 100, 0], [true, false, true], 100]);
    expect(sample.setAside).toEqual([{ seed: 10, reason: NOT_TRAPPED }]);
    expect(runsOf(sample)).toEqual([{ time: 30, escaped: true }, { time: 100, escaped: false }, { time: 0, escaped: true }]);
  });

  it('counts escapes and the time at risk, censored runs included', () => {
    expect([escapes(sample), exposure(sample)]).toEqual([2, 130]);
  });

  it('refuses a time past the budget or not finite', () => {
    expect(() => escapeSample([{ seed: 1, trapped: true, escapeEpoch: 101, budget: 100 }])).toThrow(/seed 1.*beyond the budget 100/);
    expect(() => escapeSample([{ seed: 2, trapped: true, escapeEpoch: Number.NaN, budget: 100 }])).toThrow(/seed 2.*finite/);
  });
});

const outcome = (seed: number, escapeEpoch: number | null, trapped = true) => ({ seed, escapeEpoch, trapped, budget: 1000 });

describe('escapeSample of outcomes', () => {
  it('censors runs that never escaped at the budget and lists seeds that never started trapped', () => {
    const sample = escapeSample([outcome(1, 300), outcome(2, null), outcome(3, null, false), outcome(5, 999)]);
    expect(runsOf(sample)).toEqual([
      { time: 300, escaped: true },
      { time: 1000, escaped: false },
      { time: 999, escaped: true },
    ]);
    expect(sample.seeds).toEqual([1, 2, 5]);
    expect(sample.setAside).toEqual([{ seed: 3, reason: NOT_TRAPPED }]);
    expect(sample.budget).toBe(1000);
  });
});
