import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressMode, progressReporter, type ProgressStream } from '../../src/cli/progress.ts';
import { seedRunsJob } from '../../src/experiments/index.ts';
import type { Plan } from '../../src/pipeline/index.ts';
import { jobCost, type Job, type ProgressEvent } from '../../src/runner/index.ts';

const runs = seedRunsJob('random-init', 'smoke', { seeds: [42, 43], overrides: { epochs: 5 } }, 'spec');
const analysis: Job = { kind: 'kramers-langer', label: 'Appendix F analysis', options: { beta: 0.32, seed: 42, learningRates: [1e-3], batch: 64, epsilons: [1e-3] } };
const plan: Plan = {
  profile: 'smoke',
  claims: [],
  requests: [],
  jobs: [runs, analysis].map((job) => ({ job, cost: jobCost(job, null), neededBy: [] })),
};

/** The events of the plan running: the runs (one from the cache), then the analysis. */
const events: ProgressEvent[] = [
  { kind: 'job-started', job: runs, index: 0, total: 2 },
  { kind: 'job-started', job: analysis, index: 1, total: 2 },
  { kind: 'unit-done', job: runs, done: 1, units: 2, cached: true },
  { kind: 'unit-done', job: runs, done: 2, units: 2, cached: false },
  { kind: 'job-done', job: runs, seconds: 1.25 },
  { kind: 'unit-done', job: analysis, done: 1, units: 1, cached: false },
  { kind: 'job-done', job: analysis, seconds: 3 },
];

/** A terminal that records what is drawn on it. */
function fakeTerminal(): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number };
  stream.isTTY = true;
  stream.columns = 120;
  return Object.assign(stream, { text: () => chunks.join('') });
}

describe('progress', () => {
  it('draws bars only on a terminal', () => {
    expect(progressMode(undefined)).toBe('lines');
    expect(progressMode(Object.assign(new Writable(), { isTTY: false }))).toBe('lines');
    expect(progressMode(fakeTerminal())).toBe('bars');
  });

  it('without a terminal prints one plain line per finished job with its time, and counts cached units', () => {
    let stderr = '';
    const progress = progressReporter({ plan, workers: 2, stderr: (t) => (stderr += t) });
    expect(progress.mode).toBe('lines');
    for (const event of events) progress.onProgress(event);
    progress.log('run cache: a refused entry');
    progress.stop();
    expect(stderr.split('\n')).toEqual([
      `  [1/2] done in 1.3 s: ${runs.label}`,
      '  [2/2] done in 3.0 s: Appendix F analysis',
      '  run cache: a refused entry',
      '',
    ]);
    expect(progress.counts()).toEqual({ computed: 2, cached: 1 });
  });

  it('on a terminal draws a bar per running job and one overall, with the time left from the plan', () => {
    const terminal = fakeTerminal();
    let stderr = '';
    let clock = 0;
    const progress = progressReporter({ plan, workers: 2, stderr: (t) => (stderr += t), terminal, now: () => clock });
    expect(progress.mode).toBe('bars');
    const estimate = plan.jobs.reduce((s, j) => s + j.cost.cpuSeconds, 0) / 2;
    progress.onProgress(events[0]!);
    progress.onProgress(events[1]!);
    const drawn = terminal.text();
    expect(drawn).toContain(`ETA ${Math.round(estimate)} s`);
    expect(drawn).toContain('overall');
    expect(drawn).toContain(runs.label);
    expect(drawn).toContain('Appendix F analysis');
    clock = 1000;
    for (const event of events.slice(2)) progress.onProgress(event);
    progress.log('run cache: a refused entry');
    progress.stop();
    progress.stop();
    const all = terminal.text();
    expect(all).toContain('3/3 runs, 2/2 jobs, ETA 0 s');
    expect(all).toContain('run cache: a refused entry');
    expect(stderr).toBe('');
    expect(progress.counts()).toEqual({ computed: 2, cached: 1 });
  });
});
