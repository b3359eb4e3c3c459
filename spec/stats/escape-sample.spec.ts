import { describe, expect, it } from 'vitest';
import { escapeSampleOf, escapes, exposure, runsOf } from '../../src/stats/index.ts';

describe('an escape sample', () => {
  const sample = escapeSampleOf(
    [
      { seed: 7, time: 30, escaped: true },
      { seed: 8, time: 100, escaped: false },
      { seed: 9, time: 0, escaped: true },
    ],
    100,
    [{ seed: 10, reason: 'did not start trapped' }],
  );

  it('keeps seeds, times and flags side by side, and the seeds set aside with why', () => {
    expect([sample.seeds, sample.times, sample.escaped, sample.budget]).toEqual([[7, 8, 9], [30, 100, 0], [true, false, true], 100]);
    expect(sample.setAside).toEqual([{ seed: 10, reason: 'did not start trapped' }]);
    expect(runsOf(sample)).toEqual([{ time: 30, escaped: true }, { time: 100, escaped: false }, { time: 0, escaped: true }]);
  });

  it('counts escapes and the time at risk, censored runs included', () => {
    expect([escapes(sample), exposure(sample)]).toEqual([2, 130]);
  });

  it('refuses a time past the budget or not finite', () => {
    expect(() => escapeSampleOf([{ seed: 1, time: 101, escaped: true }], 100)).toThrow(/seed 1.*beyond the budget 100/);
    expect(() => escapeSampleOf([{ seed: 2, time: Number.NaN, escaped: false }], 100)).toThrow(/seed 2.*finite/);
  });
});
