import { describe, expect, it } from 'vitest';
import { seedRunsJob } from '../../src/experiments/index.ts';
import { COST_MODEL, fitCostModel, formatFit, jobKey, jobTimings, parseTimings, serialiseTimings, type JobCost, type Timings } from '../../src/runner/index.ts';

const cost = (cpuSeconds: number): JobCost => ({ runs: 2, cached: 0, sgdSteps: 0, sweepPoints: 0, cpuSeconds });

/** A hand-made timings file: three seed-run jobs, one analysis and a job of a kind no entry prices. */
const FILE: Timings = {
  format: 1,
  costModel: { sgdStepsPerSecond: 1000, kramersLangerSeconds: 3 },
  jobs: [
    { kind: 'seed-runs', label: 'a', units: 2, cpuSeconds: 4, estimatedCpuSeconds: 2 },
    { kind: 'seed-runs', label: 'b', units: 1, cpuSeconds: 3, estimatedCpuSeconds: 1 },
    { kind: 'seed-runs', label: 'c', units: 5, cpuSeconds: 5, estimatedCpuSeconds: 5 },
    { kind: 'kramers-langer', label: 'd', units: 1, cpuSeconds: 1.5, estimatedCpuSeconds: 3 },
    { kind: 'unpriced', label: 'e', units: 1, cpuSeconds: 1, estimatedCpuSeconds: 0 },
  ],
};

describe('the cost model fit', () => {
  it('gives per kind the median and range of measured / estimated, the pooled ratio, and the entry that matches it', () => {
    const fits = fitCostModel([FILE]);
    expect(fits.map((f) => f.kind)).toEqual(['kramers-langer', 'seed-runs', 'unpriced']);
    const runs = fits.find((f) => f.kind === 'seed-runs')!;
    // Ratios 2, 3 and 1: median 2; pooled 12 / 8 = 1.5; a rate is divided by it.
    expect(runs).toMatchObject({ jobs: 3, units: 8, cpuSeconds: 12, estimatedCpuSeconds: 8, median: 2, min: 1, max: 3, pooled: 1.5, entry: 'sgdStepsPerSecond', current: 1000 });
    expect(runs.fitted).toBeCloseTo(1000 / 1.5, 9);
    // A time is multiplied by it.
    expect(fits.find((f) => f.kind === 'kramers-langer')).toMatchObject({ median: 0.5, pooled: 0.5, entry: 'kramersLangerSeconds', current: 3, fitted: 1.5 });
    // No estimate: no ratio, no fit.
    const unpriced = fits.find((f) => f.kind === 'unpriced')!;
    expect([unpriced.entry, unpriced.fitted, unpriced.median]).toEqual([null, null, Number.NaN]);
  });

  it('pools the jobs of several files, an even count of ratios taking the mean of the middle two', () => {
    const second: Timings = { ...FILE, costModel: { sgdStepsPerSecond: 2000 }, jobs: [{ kind: 'seed-runs', label: 'f', units: 1, cpuSeconds: 8, estimatedCpuSeconds: 2 }] };
    const runs = fitCostModel([FILE, second]).find((f) => f.kind === 'seed-runs')!;
    expect(runs).toMatchObject({ jobs: 4, median: 2.5, min: 1, max: 4, pooled: 20 / 10, current: 2000, fitted: 1000 });
  });

  it('prints one line per kind and the totals', () => {
    const text = formatFit(fitCostModel([FILE]));
    expect(text).toMatch(/^kind\s+jobs\s+units\s+measured s\s+estimated s\s+ratio median \[min–max\]\s+pooled\s+COST_MODEL entry: now → fitted\n/);
    expect(text).toMatch(/\nseed-runs\s+3\s+8\s+12\.0\s+8\.0\s+2\.00 \[1\.00–3\.00\]\s+1\.50\s+sgdStepsPerSecond: 1000 → 670\n/);
    expect(text).toMatch(/\nTotal: 14\.5 s measured, 11\.0 s estimated \(ratio 1\.32\)\.\n$/);
  });
});

describe('a run\'s timings', () => {
  const a = seedRunsJob('random-init', 'smoke', { seeds: [42, 43] }, 'a');
  const b = seedRunsJob('random-init', 'smoke', { seeds: [44] }, 'b');
  const planned = [a, b].map((job, i) => ({ job, cost: cost(i + 1.23456) }));
  const done = (job: typeof a, computedUnits: number, cpuSeconds: number) => [jobKey(job), { kind: 'job-done' as const, job, seconds: 9, computedUnits, cpuSeconds }] as const;

  it('list the jobs that computed units, with the plan\'s estimate beside the measurement, in the plan\'s order', () => {
    const timings = jobTimings(planned, new Map([done(b, 0, 0), done(a, 2, 0.98765)]));
    expect(timings).toEqual({
      format: 1,
      costModel: { ...COST_MODEL },
      jobs: [{ kind: 'seed-runs', label: a.label, units: 2, cpuSeconds: 0.988, estimatedCpuSeconds: 1.235 }],
    });
    expect(parseTimings(serialiseTimings(timings))).toEqual(timings);
  });

  it('are refused when they are not a timings file, saying why', () => {
    expect(() => parseTimings('{')).toThrow(/^timings\.json: not valid JSON/);
    expect(() => parseTimings('{"format":2,"costModel":{},"jobs":[]}')).toThrow(/^timings\.json: \/format must be equal to constant/);
    expect(() => parseTimings('{"format":1,"costModel":{},"jobs":[{"kind":"seed-runs","label":"a","units":1,"cpuSeconds":-1,"estimatedCpuSeconds":1}]}')).toThrow(/^timings\.json: \/jobs\/0\/cpuSeconds must be >= 0/);
  });
});
