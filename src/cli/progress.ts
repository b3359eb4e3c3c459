import cliProgress from 'cli-progress';
import type { Plan } from '../pipeline/index.ts';
import { jobKey, jobUnits, type Job, type ProgressEvent } from '../runner/index.ts';

// Progress of `reproduce` on stderr, counted in the plan's runs (the units `--plan` totals and the final count
// names). On a terminal: one overall line that ends at 100 %, and below it the jobs that are running, as many as the
// terminal has rows for, redrawn in place (never more rows than the terminal has, so nothing scrolls away). Without
// one (CI logs, a file): one line per finished job with its own time, the runs done of the total, the time elapsed
// and the time left. The time left is the plan's estimate (src/runner/cost.ts's calibrated cost model) spread over
// the workers, moved towards the pace measured so far as the work gets done.

/** A stream the display draws on: a terminal, or a fake one in specs. */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number; readonly rows?: number };

export interface ProgressOptions {
  readonly plan: Plan;
  readonly workers: number;
  /** Where plain lines go. */
  readonly stderr: (text: string) => void;
  /** The terminal to draw on; absent (or not a TTY) for plain lines. */
  readonly terminal?: ProgressStream | undefined;
  /** Milliseconds since some fixed moment; default performance.now. */
  readonly now?: () => number;
}

export interface ProgressCounts {
  /** The plan's runs (as `--plan` counts them) computed and read from the cache so far. */
  readonly computed: number;
  readonly cached: number;
}

export interface ProgressReporter {
  readonly mode: 'bars' | 'lines';
  readonly onProgress: (event: ProgressEvent) => void;
  /** A line of its own (a refused cache entry), printed above the live display when it is drawn. */
  log(line: string): void;
  counts(): ProgressCounts;
  /** Each finished job's own time (ownSeconds), by jobKey. */
  jobSeconds(): Map<string, number>;
  /** Each finished job's job-done event (what it computed and the CPU it took), by jobKey. */
  finishedJobs(): Map<string, JobDoneEvent>;
  /** Ends the display: when every job finished, the overall line at 100 % stays; otherwise it is erased. Idempotent. */
  stop(): void;
}

/** Live display on a terminal, plain lines elsewhere: the decision, separate so a spec can make it either way. */
export function progressMode(terminal: ProgressStream | undefined): 'bars' | 'lines' {
  return terminal?.isTTY === true ? 'bars' : 'lines';
}

/** A time left or taken, in the words of the plan's estimate. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(Math.floor(seconds % 60)).padStart(2, '0')} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/** One job as the display follows it. */
interface Tracked {
  readonly job: Job;
  readonly order: number;
  /** Its runs in the plan's count, its units in the runner's (a unit can stand for several runs, or a slice of them). */
  readonly runs: number;
  readonly units: number;
  /** Estimated CPU seconds of each unit not read from the cache. */
  readonly unitCost: number;
  readonly cost: number;
  done: number;
  cached: number;
  /** When its first and latest unit finished, and when its first unit was taken up by a worker. */
  firstAt?: number;
  lastAt?: number;
  before?: number;
  finished: boolean;
  /** Its job-done event, once it finished. */
  doneEvent?: JobDoneEvent;
}

type JobDoneEvent = Extract<ProgressEvent, { kind: 'job-done' }>;

/** The run's bookkeeping, shared by both displays: runs done, the cost done, the time left. */
function tracker(plan: Plan, workers: number, now: () => number) {
  const started = now();
  const jobs = new Map<string, Tracked>();
  plan.jobs.forEach(({ job, cost }, order) => {
    const units = Math.max(1, jobUnits(job));
    const uncached = cost.runs > 0 ? (units * (cost.runs - cost.cached)) / cost.runs : units;
    jobs.set(jobKey(job), { job, order, runs: cost.runs, units, unitCost: cost.cpuSeconds / Math.max(1, uncached), cost: cost.cpuSeconds, done: 0, cached: 0, finished: false });
  });
  const totalRuns = plan.jobs.reduce((s, j) => s + j.cost.runs, 0);
  const totalCost = plan.jobs.reduce((s, j) => s + j.cost.cpuSeconds, 0);
  // When the latest computed results came in: a worker came free at each, and took up the next unit queued.
  const recent: number[] = [];
  let jobsDone = 0;

  const runsOf = (t: Tracked, units: number) => (t.finished && units === t.done ? t.runs : (t.runs * units) / t.units);
  const costDone = () => [...jobs.values()].reduce((s, t) => s + (t.finished ? t.cost : Math.min(t.cost, (t.done - t.cached) * t.unitCost)), 0);
  const elapsed = () => (now() - started) / 1000;
  return {
    jobs,
    totalRuns,
    get jobsDone() {
      return jobsDone;
    },
    elapsed,
    jobSeconds: () => new Map([...jobs].filter(([, t]) => t.finished).map(([key, t]) => [key, ownSeconds(t)])),
    finishedJobs: () => new Map([...jobs].flatMap(([key, t]) => (t.doneEvent === undefined ? [] : [[key, t.doneEvent] as const]))),
    runsDone: () => Math.round([...jobs.values()].reduce((s, t) => s + runsOf(t, t.done), 0)),
    counts(): ProgressCounts {
      const cached = Math.round([...jobs.values()].reduce((s, t) => s + runsOf(t, t.cached), 0));
      return { computed: Math.round([...jobs.values()].reduce((s, t) => s + runsOf(t, t.done), 0)) - cached, cached };
    },
    /** The plan's estimate over the workers, weighted towards the measured pace by the share of the work done. */
    secondsLeft(): number {
      if (jobsDone === jobs.size) return 0;
      const done = costDone();
      const left = Math.max(0, totalCost - done);
      const planned = left / Math.max(1, workers);
      if (done <= 0 || totalCost <= 0) return planned;
      const paced = (left * elapsed()) / done;
      const weight = Math.min(1, done / totalCost);
      return (1 - weight) * planned + weight * paced;
    },
    /** The share of the plan's runs done; 1 only when every job has finished. */
    fraction(): number {
      if (jobsDone === jobs.size) return 1;
      const runs = [...jobs.values()].reduce((s, t) => s + runsOf(t, t.done), 0);
      return totalRuns > 0 ? Math.min(0.999, runs / totalRuns) : jobsDone / Math.max(1, jobs.size);
    },
    record(event: ProgressEvent): Tracked | undefined {
      const t = jobs.get(jobKey(event.job));
      const at = now();
      if (t !== undefined && event.kind === 'unit-done') {
        t.firstAt ??= at;
        // Its first computed unit ran on one of the workers, which took it up at one of the last `workers` results
        // (or at the start): the earliest of those is when the job began, as far as the results tell.
        if (!event.cached && t.before === undefined) t.before = recent[recent.length - workers] ?? started;
        t.lastAt = at;
        t.done = event.done;
        if (event.cached) t.cached += 1;
        else {
          recent.push(at);
          if (recent.length > workers) recent.shift();
        }
      } else if (t !== undefined && event.kind === 'job-done' && !t.finished) {
        t.finished = true;
        t.doneEvent = event;
        t.done = t.units;
        jobsDone += 1;
      }
      return t;
    },
  };
}

/** A finished job's own time: from when its first unit was taken up (as the run's results tell) to its last result. */
export function ownSeconds(t: { firstAt?: number; lastAt?: number; before?: number }): number {
  if (t.firstAt === undefined || t.lastAt === undefined) return 0;
  return (t.lastAt - (t.before ?? t.firstAt)) / 1000;
}

const percent = (fraction: number) => `${String(Math.floor(fraction * 100)).padStart(3)} %`;

/**
 * The width a line may take on a terminal of `columns` (80 when it does not say): one column short, as a line of
 * exactly the width wraps on many terminals. The live display and the verdict table both keep to it.
 */
export function lineWidth(columns: number | undefined): number {
  return Math.max(20, (columns || 80) - 1);
}

/** Cut to the terminal's width, so that no line wraps and the display's height stays what it counts. */
export function fitLine(line: string, width: number): string {
  return line.length > width ? `${line.slice(0, Math.max(1, width - 1))}…` : line;
}

export function progressReporter(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const run = tracker(options.plan, options.workers, now);
  const total = run.jobs.size;
  const overallText = () =>
    `${run.runsDone()}/${run.totalRuns} runs, ${run.jobsDone}/${total} jobs, ${formatSeconds(run.elapsed())} elapsed, ` +
    `about ${formatSeconds(run.secondsLeft())} left`;

  if (progressMode(options.terminal) === 'lines') {
    return {
      mode: 'lines',
      onProgress(event) {
        const t = run.record(event);
        if (event.kind !== 'job-done' || t === undefined) return;
        options.stderr(`  [${run.jobsDone}/${total}] ${formatSeconds(ownSeconds(t))}  ${event.job.label} — ${percent(run.fraction()).trim()}, ${overallText()}\n`);
      },
      log: (line) => options.stderr(`  ${line}\n`),
      counts: () => run.counts(),
      jobSeconds: () => run.jobSeconds(),
      finishedJobs: () => run.finishedJobs(),
      stop() {},
    };
  }

  const stream = options.terminal!;
  const bar = (fraction: number, size: number) =>
    cliProgress.Format.BarFormat(fraction, { barsize: size, barCompleteString: '█'.repeat(size), barIncompleteString: '░'.repeat(size), barGlue: '' });
  let height = 0;
  let stopped = false;
  let lastDraw = -Infinity;

  /** What is running: jobs with results coming in, topped up to the workers' number with the next ones queued. */
  const running = (): Tracked[] => {
    const open = [...run.jobs.values()].filter((t) => !t.finished).sort((a, b) => a.order - b.order);
    const active = open.filter((t) => t.done > 0);
    const queued = open.filter((t) => t.done === 0).slice(0, Math.max(0, options.workers - active.length));
    return [...active, ...queued].sort((a, b) => a.order - b.order);
  };
  const frame = (final: boolean): string[] => {
    const width = lineWidth(stream.columns);
    // One row is kept free below the display, so the cursor never pushes the top line into the scrollback.
    const rows = Math.max(2, (stream.rows || 24) - 1);
    const lines = [fitLine(`${bar(run.fraction(), 20)} ${percent(run.fraction())}  ${overallText()}`, width)];
    if (final) return lines;
    const jobs = running();
    const room = rows - 1;
    const shown = jobs.length > room ? jobs.slice(0, Math.max(0, room - 1)) : jobs;
    for (const t of shown) lines.push(fitLine(`  ${bar(t.done / t.units, 10)} ${t.done}/${t.units}  ${t.job.label}`, width));
    const waiting = total - run.jobsDone - shown.length;
    if (jobs.length > shown.length || (waiting > 0 && lines.length < rows)) lines.push(fitLine(`  … ${waiting} more job(s) running or queued`, width));
    return lines.slice(0, rows);
  };
  /** Moves back over the last frame and clears it and what is below. */
  const erase = () => {
    if (height > 0) stream.write(`\u001b[${height}F\u001b[J`);
    height = 0;
  };
  const draw = (final = false) => {
    const lines = frame(final);
    erase();
    stream.write(lines.map((l) => `${l}\n`).join(''));
    height = lines.length;
    lastDraw = now();
  };
  // The elapsed time and the time left move between events too.
  const timer = setInterval(() => !stopped && draw(), 1000);
  timer.unref();
  draw();
  return {
    mode: 'bars',
    onProgress(event) {
      if (stopped) return;
      run.record(event);
      // Jobs ending redraw at once; results and starts at most five times a second.
      if (event.kind === 'job-done' || now() - lastDraw >= 200) draw();
    },
    log(line) {
      if (stopped) return options.stderr(`  ${line}\n`);
      erase();
      stream.write(`  ${line}\n`);
      draw();
    },
    counts: () => run.counts(),
    jobSeconds: () => run.jobSeconds(),
    finishedJobs: () => run.finishedJobs(),
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      if (run.jobsDone === total) draw(true);
      else erase();
    },
  };
}
