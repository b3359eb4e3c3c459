import { describe, expect, it } from 'vitest';
import { escapeSample, type RunRecord } from '../../src/experiments/index.ts';

const record = (seed: number, escapeEpoch: number | null, escapeApplicable = true) =>
  ({ seed, epochs: 1000, escapeEpoch, escapeApplicable }) as unknown as RunRecord;

describe('escapeSample', () => {
  it('censors runs that never escaped at the budget and lists seeds that never started trapped', () => {
    const sample = escapeSample([record(1, 300), record(2, null), record(3, null, false), record(4, 0), record(5, 999)]);
    expect(sample.runs).toEqual([
      { time: 300, escaped: true },
      { time: 1000, escaped: false },
      { time: 999, escaped: true },
    ]);
    expect(sample.notTrapped).toEqual([3, 4]);
    expect(sample.budget).toBe(1000);
  });
});
