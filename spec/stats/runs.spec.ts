import { describe, expect, it } from 'vitest';
import { assertRuns, countEscapes, escapeTimes, totalExposure, type EscapeRun } from '../../src/stats/runs.ts';

const runs: EscapeRun[] = [
  { time: 10, escaped: true },
  { time: 100, escaped: false },
  { time: 30, escaped: true },
];

describe('escape runs', () => {
  it('count escapes and time at risk, censored runs included', () => {
    expect(countEscapes(runs)).toBe(2);
    expect(totalExposure(runs)).toBe(140);
    expect(escapeTimes(runs)).toEqual([10, 30]);
  });

  it('refuse an empty sample, a bad time, an escape after the budget and a censoring before it', () => {
    expect(() => assertRuns([])).toThrow(RangeError);
    expect(() => assertRuns([{ time: Number.NaN, escaped: true }])).toThrow(RangeError);
    expect(() => assertRuns([{ time: 200, escaped: true }], 100)).toThrow(/beyond the budget/);
    expect(() => assertRuns([{ time: 50, escaped: false }], 100)).toThrow(/not at the budget/);
    expect(() => assertRuns(runs, 100)).not.toThrow();
  });
});
