import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fitLine, formatSeconds, ownSeconds, progressMode, progressReporter, type ProgressStream } from '../../src/cli/progress.ts';
import { seedRunsJob } from '../../src/experiments/index.ts';
import type { Plan } from '../../src/pipeline/index.ts';
import { jobCost, jobKey, jobUnits, type Job, type ProgressEvent } from '../../src/runner/index.ts';

const runs = seedRunsJob('random-init', 'smoke', { seeds: [42, 43], overrides: { epochs: 5 } }, 'spec');
const analysis: Job = { kind: 'kramers-langer', label: 'Appendix F analysis', options: { beta: 0.32, seed: 42, learningRates: [1e-3], batch: 64, epsilons: [1e-3] } };
const planOf = (jobs: readonly Job[]): Plan => ({ profile: 'smoke', claims: [], requests: [], jobs: jobs.map((job) => ({ job, cost: jobCost(job, null), neededBy: [] })) });
const plan = planOf([runs, analysis]);

/** The events of the plan running: the runs (one from the cache), then the analysis. */
const events: ProgressEvent[] = [
  { kind: 'job-started', job: runs, index: 0, total: 2 },
  { kind: 'job-started', job: analysis, index: 1, total: 2 },
  { kind: 'unit-done', job: runs, done: 1, units: 2, cached: true },
  { kind: 'unit-done', job: runs, done: 2, units: 2, cached: false },
  { kind: 'job-done', job: runs, seconds: 1.25, computedUnits: 0, cpuSeconds: 0 },
  { kind: 'unit-done', job: analysis, done: 1, units: 1, cached: false },
  { kind: 'job-done', job: analysis, seconds: 3, computedUnits: 0, cpuSeconds: 0 },
];

/**
 * A pseudo-terminal of `rows` × `columns`: it interprets what the display writes (text, newlines, cursor to the
 * start of an earlier line, clear to the end of the screen) and counts the lines pushed off its top.
 */
function virtualTerminal(rows: number, columns: number) {
  const screen: string[] = [''];
  let row = 0;
  let scrolled = 0;
  let widest = 0;
  const stream = new Writable({
    write(chunk, _encoding, done) {
      const text = String(chunk);
      for (const part of text.split(/(\u001b\[\d*[FJ]|\n)/)) {
        if (part === '') continue;
        const escape = /^\u001b\[(\d*)([FJ])$/.exec(part);
        if (escape?.[2] === 'F') row = Math.max(0, row - Number(escape[1] || 1));
        else if (escape?.[2] === 'J') screen.splice(row + 1), (screen[row] = '');
        else if (part === '\n') {
          row += 1;
          if (row >= rows) {
            screen.shift();
            scrolled += 1;
            row = rows - 1;
          }
          screen[row] ??= '';
        } else {
          screen[row] = (screen[row] ?? '') + part;
          widest = Math.max(widest, screen[row]!.length);
        }
      }
      done();
    },
  }) as Writable & { isTTY: boolean; columns: number; rows: number };
  Object.assign(stream, { isTTY: true, columns, rows });
  return { stream: stream as ProgressStream, screen: () => screen.filter((l) => l !== ''), scrolled: () => scrolled, widest: () => widest };
}

/** Many jobs of many seeds, as a quick profile has: every job starts at once, results arrive two at a time. */
function busyRun(jobCount: number): { plan: Plan; events: ProgressEvent[] } {
  const jobs = Array.from({ length: jobCount }, (_, i) =>
    seedRunsJob('random-init', 'smoke', { seeds: Array.from({ length: 2 + (i % 5) }, (_, s) => 100 * i + s), overrides: { epochs: 5 + i } }, `job ${i} ${'with a long label '.repeat(i % 3 === 0 ? 12 : 1)}`),
  );
  const events: ProgressEvent[] = jobs.map((job, index) => ({ kind: 'job-started', job, index, total: jobCount }));
  for (const job of jobs) {
    const units = jobUnits(job);
    for (let done = 1; done <= units; done++) events.push({ kind: 'unit-done', job, done, units, cached: done === 1 && units > 3 });
    events.push({ kind: 'job-done', job, seconds: 1, computedUnits: 0, cpuSeconds: 0 });
  }
  return { plan: planOf(jobs), events };
}

describe('progress', () => {
  it('draws the live display only on a terminal', () => {
    expect(progressMode(undefined)).toBe('lines');
    expect(progressMode(Object.assign(new Writable(), { isTTY: false }))).toBe('lines');
    expect(progressMode(virtualTerminal(45, 150).stream)).toBe('bars');
  });

  it("without a terminal prints a line per finished job: its own time, the runs done of the plan's, elapsed and left", () => {
    let stderr = '';
    let clock = 0;
    const progress = progressReporter({ plan, workers: 2, stderr: (t) => (stderr += t), now: () => clock });
    expect(progress.mode).toBe('lines');
    for (const [i, event] of events.entries()) {
      clock = [0, 0, 1000, 3000, 3000, 7000, 7000][i]!;
      progress.onProgress(event);
    }
    progress.log('run cache: a refused entry');
    progress.stop();
    const lines = stderr.split('\n');
    // Two workers, busy from the start: the runs end at 3 s; the analysis, taken up at the start too, at 7 s.
    expect(lines[0]).toBe(`  [1/2] 3.0 s  ${runs.label} — 66 %, 2/3 runs, 1/2 jobs, 3.0 s elapsed, about ${lines[0]!.split('about ')[1]}`);
    expect(lines[1]).toBe('  [2/2] 7.0 s  Appendix F analysis — 100 %, 3/3 runs, 2/2 jobs, 7.0 s elapsed, about 0.0 s left');
    expect(lines.slice(2)).toEqual(['  run cache: a refused entry', '']);
    expect(progress.counts()).toEqual({ computed: 2, cached: 1 });
  });

  it('in a 45-row terminal never draws more rows than it has, cuts lines to its width, and ends at 100 %', () => {
    const { plan: busy, events: busyEvents } = busyRun(98);
    const terminal = virtualTerminal(45, 150);
    let clock = 0;
    const progress = progressReporter({ plan: busy, workers: 2, stderr: () => {}, terminal: terminal.stream, now: () => clock });
    let tallest = 0;
    for (const event of busyEvents) {
      clock += 250;
      progress.onProgress(event);
      tallest = Math.max(tallest, terminal.screen().length);
      expect(terminal.scrolled()).toBe(0);
    }
    progress.stop();
    expect(tallest).toBeGreaterThan(1);
    expect(tallest).toBeLessThan(45);
    expect(terminal.widest()).toBeLessThan(150);
    const total = busy.jobs.reduce((s, j) => s + j.cost.runs, 0);
    expect(terminal.screen()).toEqual([expect.stringMatching(new RegExp(`100 % {2}${total}/${total} runs, 98/98 jobs, .* elapsed, about 0\\.0 s left$`))]);
    expect(terminal.scrolled()).toBe(0);
  });

  it('shows the jobs with results coming in, topped up to the workers with those queued, and how many more', () => {
    const { plan: busy, events: busyEvents } = busyRun(10);
    const terminal = virtualTerminal(45, 150);
    const progress = progressReporter({ plan: busy, workers: 2, stderr: () => {}, terminal: terminal.stream, now: () => 0 });
    for (const event of busyEvents.slice(0, 10)) progress.onProgress(event);
    expect(terminal.screen()).toHaveLength(1 + 2 + 1);
    expect(terminal.screen()[1]).toMatch(/ 0\/2 {2}.*, job 0 /);
    expect(terminal.screen()[3]).toBe('  … 8 more job(s) running or queued');
    progress.onProgress(busyEvents[10]!);
    progress.onProgress({ kind: 'unit-done', job: busy.jobs[1]!.job, done: 1, units: 3, cached: false });
    progress.log('run cache: a refused entry');
    expect(terminal.screen()[0]).toBe('  run cache: a refused entry');
    expect(terminal.screen()[2]).toMatch(/ 1\/2 {2}.*, job 0 /);
    expect(terminal.screen()[3]).toMatch(/ 1\/3 {2}.*, job 1 /);
    progress.stop();
    // Stopped before the end (Ctrl-C): the display is erased, the logged line stays.
    expect(terminal.screen()).toEqual(['  run cache: a refused entry']);
  });

  it("a job's own time runs from when a worker took up its first unit: one of the last results before it, on two workers", () => {
    let stderr = '';
    let clock = 0;
    const progress = progressReporter({ plan, workers: 2, stderr: (t) => (stderr += t), now: () => clock });
    const at = (ms: number, event: ProgressEvent) => {
      clock = ms;
      progress.onProgress(event);
    };
    at(0, events[0]!);
    at(0, events[1]!);
    at(2000, { kind: 'unit-done', job: analysis, done: 1, units: 1, cached: false });
    at(2000, { kind: 'job-done', job: analysis, seconds: 2, computedUnits: 0, cpuSeconds: 0 });
    at(5000, { kind: 'unit-done', job: runs, done: 1, units: 2, cached: false });
    at(9000, { kind: 'unit-done', job: runs, done: 2, units: 2, cached: false });
    at(9000, { kind: 'job-done', job: runs, seconds: 9, computedUnits: 0, cpuSeconds: 0 });
    // Two workers: the analysis took one from the start; the runs' first unit the other, from the start too.
    expect(stderr.trim().split('\n').map((l) => /\] ([\d.]+ s) /.exec(l)?.[1])).toEqual(['2.0 s', '9.0 s']);
    expect(progress.jobSeconds().get(jobKey(runs))).toBe(9);
  });

  it('on one worker a job begins at the result before its first', () => {
    let stderr = '';
    let clock = 0;
    const progress = progressReporter({ plan, workers: 1, stderr: (t) => (stderr += t), now: () => clock });
    for (const [ms, event] of [
      [2000, { kind: 'unit-done', job: analysis, done: 1, units: 1, cached: false }],
      [2000, { kind: 'job-done', job: analysis, seconds: 2, computedUnits: 0, cpuSeconds: 0 }],
      [5000, { kind: 'unit-done', job: runs, done: 1, units: 2, cached: false }],
      [9000, { kind: 'unit-done', job: runs, done: 2, units: 2, cached: false }],
      [9000, { kind: 'job-done', job: runs, seconds: 9, computedUnits: 0, cpuSeconds: 0 }],
    ] as const) {
      clock = ms;
      progress.onProgress(event);
    }
    expect(stderr.trim().split('\n').map((l) => /\] ([\d.]+ s) /.exec(l)?.[1])).toEqual(['2.0 s', '7.0 s']);
  });

  it('own time, widths and durations', () => {
    expect(ownSeconds({ firstAt: 1000, lastAt: 3000, before: 500 })).toBe(2.5);
    expect(ownSeconds({ firstAt: 5000, lastAt: 5000 })).toBe(0);
    expect(fitLine('abcdef', 4)).toBe('abc…');
    expect(formatSeconds(4.24)).toBe('4.2 s');
    expect(formatSeconds(125)).toBe('2 min 05 s');
    expect(formatSeconds(Number.NaN)).toBe('?');
  });
});
