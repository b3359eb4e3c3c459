import cliProgress, { type SingleBar } from 'cli-progress';
import type { Plan } from '../pipeline/index.ts';
import { jobKey, jobUnits, type ProgressEvent } from '../runner/index.ts';

// Progress of `reproduce` on stderr. On a terminal: a live bar per running job and one overall, with the time left
// estimated from the plan's cost model (src/runner/cost.ts) and corrected by the pace so far. Without one (CI logs, a
// file): one plain line per completed job with its time.

/** A stream the bars draw on: a terminal, or a fake one in specs. */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };

export interface ProgressOptions {
  readonly plan: Plan;
  readonly workers: number;
  /** Where plain lines go (and anything logged while no bars are drawn). */
  readonly stderr: (text: string) => void;
  /** The terminal to draw bars on; absent (or not a TTY) for plain lines. */
  readonly terminal?: ProgressStream | undefined;
  /** Milliseconds since some fixed moment; default performance.now. */
  readonly now?: () => number;
}

export interface ProgressReporter {
  readonly mode: 'bars' | 'lines';
  readonly onProgress: (event: ProgressEvent) => void;
  /** A line of its own (a refused cache entry), printed above the bars when they are drawn. */
  log(line: string): void;
  /** Units computed and units read from the cache so far. */
  counts(): { computed: number; cached: number };
  /** Removes the bars (the terminal is left at a fresh line); idempotent. */
  stop(): void;
}

/** Bars on a terminal, plain lines elsewhere: the decision, separate so a spec can make it either way. */
export function progressMode(terminal: ProgressStream | undefined): 'bars' | 'lines' {
  return terminal?.isTTY === true ? 'bars' : 'lines';
}

/** A time left or taken, in the words of the plan's estimate. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
  return `${Math.floor(seconds / 3600)} h ${String(Math.round((seconds % 3600) / 60)).padStart(2, '0')} min`;
}

/**
 * Estimated work per job from the plan: each unit not already cached carries an equal share of its job's estimated
 * CPU seconds, so cached units finish at no cost and the overall bar moves with the work actually done.
 */
function unitCosts(plan: Plan): Map<string, number> {
  return new Map(plan.jobs.map(({ job, cost }) => [jobKey(job), cost.cpuSeconds / Math.max(1, cost.runs - cost.cached)]));
}

export function progressReporter(options: ProgressOptions): ProgressReporter {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const costs = unitCosts(options.plan);
  const totalCost = options.plan.jobs.reduce((sum, j) => sum + j.cost.cpuSeconds, 0);
  const totalUnits = options.plan.jobs.reduce((sum, j) => sum + j.cost.runs, 0);
  let doneCost = 0;
  let doneUnits = 0;
  let computed = 0;
  let cached = 0;
  let jobsDone = 0;

  /** Time left: the plan's estimate over the workers until work is done, then the estimate scaled by the pace. */
  const secondsLeft = () => {
    const left = Math.max(0, totalCost - doneCost);
    const elapsed = (now() - started) / 1000;
    return doneCost > 0 ? (left * elapsed) / doneCost : left / Math.max(1, options.workers);
  };
  const fraction = () => (totalCost > 0 ? Math.min(1, doneCost / totalCost) : totalUnits > 0 ? doneUnits / totalUnits : 1);
  const record = (event: Extract<ProgressEvent, { kind: 'unit-done' }>) => {
    doneUnits += 1;
    if (event.cached) cached += 1;
    else {
      computed += 1;
      doneCost += costs.get(jobKey(event.job)) ?? 0;
    }
  };
  const counts = () => ({ computed, cached });
  const total = options.plan.jobs.length;

  if (progressMode(options.terminal) === 'lines') {
    return {
      mode: 'lines',
      onProgress(event) {
        if (event.kind === 'unit-done') record(event);
        if (event.kind !== 'job-done') return;
        jobsDone += 1;
        options.stderr(`  [${jobsDone}/${total}] done in ${event.seconds.toFixed(1)} s: ${event.job.label}\n`);
      },
      log: (line) => options.stderr(`  ${line}\n`),
      counts,
      stop() {},
    };
  }

  const stream = options.terminal!;
  const width = Math.max(40, (stream.columns || 80) - 1);
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: (barOptions, params, payload: { text: string }) => {
        const bar = cliProgress.Format.BarFormat(params.progress, barOptions);
        const line = `${bar} ${String(Math.floor(params.progress * 100)).padStart(3)}% ${payload.text}`;
        return line.length > width ? `${line.slice(0, width - 1)}…` : line;
      },
      // Cursor and line wrap left as they are: a run stopped with Ctrl-C must not leave the terminal altered.
      // Lines are cut to the terminal's width instead.
      hideCursor: false,
      linewrap: true,
      clearOnComplete: true,
      autopadding: true,
      barsize: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const overallText = () => `overall: ${doneUnits}/${totalUnits} runs, ${jobsDone}/${total} jobs, ETA ${formatSeconds(secondsLeft())}`;
  const overall = bars.create(1, 0, { text: overallText() });
  const running = new Map<string, SingleBar>();
  let stopped = false;
  return {
    mode: 'bars',
    onProgress(event) {
      if (stopped) return;
      const key = jobKey(event.job);
      if (event.kind === 'job-started') {
        const units = jobUnits(event.job);
        running.set(key, bars.create(units, 0, { text: `0/${units} | ${event.job.label}` }));
      } else if (event.kind === 'unit-done') {
        record(event);
        running.get(key)?.update(event.done, { text: `${event.done}/${event.units} | ${event.job.label}` });
      } else {
        jobsDone += 1;
        const bar = running.get(key);
        if (bar !== undefined) bars.remove(bar);
        running.delete(key);
      }
      overall.update(fraction(), { text: overallText() });
      // Jobs starting and ending redraw at once; seeds finishing are drawn by the bars' own timer (5 per second).
      if (event.kind !== 'unit-done') bars.update();
    },
    log(line) {
      if (stopped) return options.stderr(`  ${line}\n`);
      bars.log(`  ${line}\n`);
      bars.update();
    },
    counts,
    stop() {
      if (stopped) return;
      stopped = true;
      bars.stop();
    },
  };
}
