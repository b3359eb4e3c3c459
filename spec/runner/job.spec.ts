import { describe, expect, it } from 'vitest';
import { seedRunsJob } from '../../src/experiments/index.ts';
import { jobCost, longestFirst, type Job } from '../../src/runner/index.ts';

const runs = (epochs: number, seeds: number[]) => seedRunsJob('random-init', 'smoke', { seeds, overrides: { epochs } }, `${epochs} epochs`);
const analysis: Job = { kind: 'kramers-langer', label: 'Appendix F analysis', options: { beta: 0.32, seed: 42, learningRates: [1e-3], batch: 64, epsilons: [1e-3] } };

describe('longestFirst', () => {
  it('orders jobs by their estimated CPU time, longest first', () => {
    const jobs = [runs(5, [42]), analysis, runs(50_000, [42, 43]), runs(500, [42])];
    const ordered = longestFirst(jobs, null);
    const seconds = ordered.map((job) => jobCost(job, null).cpuSeconds);
    expect([...seconds].sort((a, b) => b - a)).toEqual(seconds);
    expect(ordered.indexOf(jobs[2]!)).toBeLessThan(ordered.indexOf(jobs[3]!));
    expect(ordered.indexOf(jobs[3]!)).toBeLessThan(ordered.indexOf(jobs[0]!));
    expect(new Set(ordered)).toEqual(new Set(jobs));
  });

  it('keeps jobs of equal cost in the order given, and leaves its input as it was', () => {
    const jobs = [runs(300, [42]), runs(300, [43]), runs(300, [44])];
    const copy = [...jobs];
    expect(longestFirst(jobs, null)).toEqual(jobs);
    expect(jobs).toEqual(copy);
  });
});
