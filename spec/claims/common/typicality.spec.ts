import { describe, expect, it } from 'vitest';
import { EXCEPTION_RATE, RUNS_TO_DECIDE, universalReading, universalVerdict, upperRate } from '../../../src/claims/common/typicality.ts';

describe('the universal rule over runs', () => {
  it('deviates on one failing run, reproduces with none in enough runs, is inconclusive with too few', () => {
    expect(universalVerdict(1, 50)).toBe('deviates');
    expect(universalVerdict(0, 50)).toBe('reproduced');
    expect(universalVerdict(0, 3)).toBe('inconclusive');
    expect(universalVerdict(0, 0)).toBe('inconclusive');
  });

  it('needs the paper\'s 50 seeds: the bound crosses a quarter between RUNS_TO_DECIDE − 1 and RUNS_TO_DECIDE runs', () => {
    expect(upperRate(0, RUNS_TO_DECIDE)).toBeLessThanOrEqual(EXCEPTION_RATE);
    expect(upperRate(0, RUNS_TO_DECIDE - 1)).toBeGreaterThan(EXCEPTION_RATE);
    expect(RUNS_TO_DECIDE).toBeLessThanOrEqual(50);
  });

  it('names the failing seeds and says what would decide', () => {
    const r = universalReading('x', [{ seed: 7, fails: true, value: 1 }, { seed: 8, fails: false, value: 0 }], 'm', 'fail');
    expect(r.reading.verdict).toBe('deviates');
    expect(r.line).toMatch(/1 of 2 runs fail \(seeds 7\)/);
    expect(universalReading('y', [{ seed: 1, fails: false, value: 0 }], 'm', 'fail').wouldDecide).toMatch(/runs or more/);
  });
});
