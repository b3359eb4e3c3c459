import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, restrictedMean, survivalAt, type EscapeRun } from '../../src/stats/index.ts';
import { censoredRuns, exponentialDraw, seededUniform } from './simulate.ts';

// Integer epochs, so that ties (several seeds escaping in the same epoch) occur.
const epochs = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 60 });
const escapedAt = (times: readonly number[]): EscapeRun[] => times.map((time) => ({ time, escaped: true }));
const fractionAbove = (times: readonly number[], t: number): number => times.filter((x) => x > t).length / times.length;

describe('kaplanMeier', () => {
  it('without censoring is the empirical survival function, with the binomial standard error', () => {
    fc.assert(
      fc.property(epochs, (times) => {
        const km = kaplanMeier(escapedAt(times), 0.05);
        for (let t = 0; t <= Math.max(...times); t += 0.5) {
          expect(survivalAt(km, t)).toBeCloseTo(fractionAbove(times, t), 12);
        }
        for (const step of km.steps) {
          expect(step.standardError).toBeCloseTo(Math.sqrt((step.survival * (1 - step.survival)) / times.length), 12);
        }
      }),
    );
  });

  it('with censoring at a common budget is the empirical survival of the uncensored times up to the budget, then stays', () => {
    fc.assert(
      fc.property(epochs, fc.integer({ min: 1, max: 40 }), (times, budget) => {
        const runs = times.map((time) => (time < budget ? { time, escaped: true } : { time: budget, escaped: false }));
        const km = kaplanMeier(runs, 0.05);
        for (let t = 0; t < budget && t <= km.followUp; t += 0.5) {
          expect(survivalAt(km, t)).toBeCloseTo(fractionAbove(times, t), 12);
        }
        // Runs that never escaped are neither dropped (S would fall to 0) nor escapes at the budget (S(budget) would be 0).
        const stillTrapped = runs.filter((run) => !run.escaped).length / runs.length;
        expect(survivalAt(km, km.followUp)).toBeCloseTo(stillTrapped, 12);
      }),
    );
  });

  it('never falls when an escape is recorded as a censoring at the same time instead', () => {
    fc.assert(
      fc.property(epochs, fc.nat(), (times, pick) => {
        const runs = escapedAt(times);
        const which = pick % runs.length;
        const withCensoring = runs.map((run, i) => (i === which ? { ...run, escaped: false } : run));
        const full = kaplanMeier(runs, 0.05);
        const censored = kaplanMeier(withCensoring, 0.05);
        for (let t = 0; t <= full.followUp; t += 0.5) {
          expect(survivalAt(censored, t)).toBeGreaterThanOrEqual(survivalAt(full, t) - 1e-15);
        }
      }),
    );
  });

  it('has the sample median for an odd uncensored sample, inside its interval', () => {
    fc.assert(
      fc.property(epochs.filter((t) => t.length % 2 === 1), (times) => {
        const { median } = kaplanMeier(escapedAt(times), 0.05);
        const sorted = [...times].sort((a, b) => a - b);
        expect(median.estimate).toBe(sorted[(sorted.length - 1) / 2]);
        expect(median.lower).not.toBeNull();
        expect(median.lower!).toBeLessThanOrEqual(median.estimate!);
        if (median.upper !== null) expect(median.upper).toBeGreaterThanOrEqual(median.estimate!);
      }),
    );
  });

  it('keeps every band inside [0, 1] around its estimate', () => {
    const km = kaplanMeier(censoredRuns(exponentialDraw(seededUniform(5), 5500), 50, 20_000), 1e-6);
    for (const step of km.steps) {
      expect(step.lower).toBeGreaterThanOrEqual(0);
      expect(step.lower).toBeLessThanOrEqual(step.survival);
      expect(step.upper).toBeGreaterThanOrEqual(step.survival);
      expect(step.upper).toBeLessThanOrEqual(1);
    }
  });

  it('reports no median, and no bound above it, when more than half of the runs are censored', () => {
    const runs: EscapeRun[] = [
      { time: 100, escaped: true },
      { time: 200, escaped: false },
      { time: 200, escaped: false },
    ];
    expect(kaplanMeier(runs, 0.05).median).toMatchObject({ estimate: null, upper: null });
    const none = kaplanMeier([{ time: 200, escaped: false }], 0.05);
    expect(none.steps).toEqual([]);
    expect(none.median).toEqual({ estimate: null, lower: null, upper: null });
  });
});

describe('restrictedMean', () => {
  it('is the mean of min(time, budget) when the runs are censored only at the budget', () => {
    fc.assert(
      fc.property(epochs, fc.integer({ min: 1, max: 40 }), (times, budget) => {
        const runs = times.map((time) => (time < budget ? { time, escaped: true } : { time: budget, escaped: false }));
        const km = kaplanMeier(runs, 0.05);
        const mean = times.reduce((sum, t) => sum + Math.min(t, budget), 0) / times.length;
        if (km.followUp > 0) expect(restrictedMean(km, km.followUp).estimate).toBeCloseTo(mean, 10);
      }),
    );
  });

  it('matches a hand computation: times 1, 2, 3 and a run censored at 3', () => {
    const km = kaplanMeier(
      [
        { time: 1, escaped: true },
        { time: 2, escaped: true },
        { time: 3, escaped: true },
        { time: 3, escaped: false },
      ],
      0.05,
    );
    // S = 1 on [0,1), 3/4 on [1,2), 1/2 on [2,3) → 1 + 0.75 + 0.5
    const rm = restrictedMean(km, 3);
    expect(rm.estimate).toBeCloseTo(2.25, 14);
    // A = 1.25 after t=1 (n=4, d=1), 0.5 after t=2 (n=3, d=1), 0 after t=3.
    expect(rm.standardError).toBeCloseTo(Math.sqrt((1.25 ** 2 * 1) / (4 * 3) + (0.5 ** 2 * 1) / (3 * 2)), 14);
    expect(() => restrictedMean(km, 4)).toThrow(RangeError);
  });
});
