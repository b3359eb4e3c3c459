import { fileURLToPath } from 'node:url';
import { loadValidatedJson, parseValidatedJson } from '../io/index.ts';
import { formatDecimals, formatNumber } from '../text/index.ts';
import { COST_MODEL, type JobCost } from './cost.ts';
import type { ProgressEvent } from './execute.ts';
import { jobKey } from './job.ts';
import { JOB_KINDS, type Job } from './jobs/kinds.ts';
import type { CostRate } from './jobs/job-kind.ts';

// The measured CPU time of each job beside the cost model's estimate (`timings.json` beside a report), and the fit
// of the model's rates to such measurements (scripts/fit-cost-model.ts). A measurement of this machine: never part
// of results.json nor of any cache entry.

/** One job that computed units: what it computed, the CPU seconds they took and what the model estimated for them. */
export interface JobTiming {
  readonly kind: string;
  readonly label: string;
  /** Units computed (not read from the cache). */
  readonly units: number;
  /** CPU seconds the computed units took, measured in the process that computed each. */
  readonly cpuSeconds: number;
  /** The cost model's estimate of the same work (the plan's, which counts only what the cache did not hold). */
  readonly estimatedCpuSeconds: number;
}

export interface Timings {
  readonly format: typeof TIMINGS_FORMAT;
  /** The rates the estimates used. */
  readonly costModel: Readonly<Record<string, number>>;
  /** In the plan's order; jobs that computed nothing are left out. */
  readonly jobs: readonly JobTiming[];
}

export const TIMINGS_FORMAT = 1;

/** The file beside the report. */
export const TIMINGS_FILE = 'timings.json';

const milli = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * The timings of a run: each planned job whose job-done event (by jobKey) says it computed units, with the plan's
 * estimate; events of jobs not planned are ignored.
 */
export function jobTimings(planned: readonly { readonly job: Job; readonly cost: JobCost }[], done: ReadonlyMap<string, Extract<ProgressEvent, { kind: 'job-done' }>>): Timings {
  const jobs: JobTiming[] = [];
  for (const { job, cost } of planned) {
    const event = done.get(jobKey(job));
    if (event === undefined || event.computedUnits === 0) continue;
    jobs.push({ kind: job.kind, label: job.label, units: event.computedUnits, cpuSeconds: milli(event.cpuSeconds), estimatedCpuSeconds: milli(cost.cpuSeconds) });
  }
  return { format: TIMINGS_FORMAT, costModel: { ...COST_MODEL }, jobs };
}

export function serialiseTimings(timings: Timings): string {
  return `${JSON.stringify(timings, null, 2)}\n`;
}

/** Where timings.json's schema lives (beside the other schemas of the project's files). */
export const TIMINGS_SCHEMA = fileURLToPath(new URL('../../golden/timings.schema.json', import.meta.url));

/** A timings file's text (read from `label`) as Timings, checked against its schema; a GoldenFileError says what is wrong. */
export function parseTimings(text: string, label = TIMINGS_FILE): Timings {
  return parseValidatedJson<Timings>(text, TIMINGS_SCHEMA, label);
}

/** A timings file on disk, read as the project reads its own files (a folder or FIFO is refused, not read). */
export function loadTimings(path: string): Timings {
  return loadValidatedJson<Timings>(path, TIMINGS_SCHEMA);
}


/** One kind's fit: measured over estimated, per job and pooled, and the entry's value that makes the pooled ratio 1. */
export interface KindFit {
  readonly kind: string;
  readonly jobs: number;
  readonly units: number;
  readonly cpuSeconds: number;
  readonly estimatedCpuSeconds: number;
  /** Measured / estimated of each job with an estimate: the median, least and greatest. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Σ measured / Σ estimated. */
  readonly pooled: number;
  readonly entry: string | null;
  /** The entry's value in the files (their costModel), and the value with which the pooled estimate equals the measurement. */
  readonly current: number | null;
  readonly fitted: number | null;
}

/** The cost entry of a kind named in a timings file (a kind this code no longer has: none). */
function rateOf(kind: string): CostRate | undefined {
  return Object.hasOwn(JOB_KINDS, kind) ? JOB_KINDS[kind as Job['kind']].rate : undefined;
}

function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Per kind, over every file's jobs: the ratios and the fitted entry (a rate divided by the pooled ratio, a time
 * multiplied by it). Files written under different rates are fitted each on its own estimates; the entry's current
 * value is the last file's. Kinds in name order.
 */
export function fitCostModel(files: readonly Timings[]): KindFit[] {
  const byKind = new Map<string, { jobs: JobTiming[]; current: number | null }>();
  for (const file of files) {
    for (const job of file.jobs) {
      const row = byKind.get(job.kind) ?? { jobs: [], current: null };
      const entry = rateOf(job.kind)?.entry;
      if (entry !== undefined && typeof file.costModel[entry] === 'number') row.current = file.costModel[entry];
      row.jobs.push(job);
      byKind.set(job.kind, row);
    }
  }
  return [...byKind.keys()].sort().map((kind) => {
    const { jobs, current } = byKind.get(kind)!;
    const ratios = jobs.filter((j) => j.estimatedCpuSeconds > 0).map((j) => j.cpuSeconds / j.estimatedCpuSeconds).sort((a, b) => a - b);
    const cpuSeconds = jobs.reduce((s, j) => s + j.cpuSeconds, 0);
    const estimatedCpuSeconds = jobs.reduce((s, j) => s + j.estimatedCpuSeconds, 0);
    const pooled = estimatedCpuSeconds > 0 ? cpuSeconds / estimatedCpuSeconds : Number.NaN;
    const rate = rateOf(kind);
    const fitted = current === null || rate === undefined || !Number.isFinite(pooled) || pooled === 0 ? null : rate.is === 'rate' ? current / pooled : current * pooled;
    return {
      kind,
      jobs: jobs.length,
      units: jobs.reduce((s, j) => s + j.units, 0),
      cpuSeconds,
      estimatedCpuSeconds,
      median: ratios.length > 0 ? median(ratios) : Number.NaN,
      min: ratios[0] ?? Number.NaN,
      max: ratios[ratios.length - 1] ?? Number.NaN,
      pooled,
      entry: rate?.entry ?? null,
      current,
      fitted,
    };
  });
}

// Through the one number formatter; a ratio without an estimate to divide by is shown as no value.
const fixed = (x: number, digits: number) => formatDecimals(Number.isFinite(x) ? x : null, digits);
const figures = (x: number | null) => formatNumber(x !== null && Number.isFinite(x) ? x : null, 2);

/** The fit as a table, one line per kind, and the totals. */
export function formatFit(fits: readonly KindFit[]): string {
  const head = ['kind', 'jobs', 'units', 'measured s', 'estimated s', 'ratio median [min–max]', 'pooled', 'COST_MODEL entry: now → fitted'];
  const rows = fits.map((f) => [
    f.kind,
    String(f.jobs),
    String(f.units),
    fixed(f.cpuSeconds, 1),
    fixed(f.estimatedCpuSeconds, 1),
    `${fixed(f.median, 2)} [${fixed(f.min, 2)}–${fixed(f.max, 2)}]`,
    fixed(f.pooled, 2),
    f.entry === null ? '—' : `${f.entry}: ${figures(f.current)} → ${figures(f.fitted)}`,
  ]);
  const measured = fits.reduce((s, f) => s + f.cpuSeconds, 0);
  const estimated = fits.reduce((s, f) => s + f.estimatedCpuSeconds, 0);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return `${[head, ...rows].map(line).join('\n')}\nTotal: ${fixed(measured, 1)} s measured, ${fixed(estimated, 1)} s estimated (ratio ${fixed(estimated > 0 ? measured / estimated : Number.NaN, 2)}).\n`;
}
