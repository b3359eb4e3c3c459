import type { EscapeRun } from './runs.ts';

/** A seed that is no sample of escape from the trap, and why (it did not start trapped, say). */
export interface SetAside {
  readonly seed: number;
  readonly reason: string;
}

/**
 * Seeds as censored escape times, the one sample the escape statistics take (as scipy.stats' CensoredData): each
 * trapped seed's time — its escape, or where it was stopped without one (right-censored: never dropped, never an
 * escape at the budget) — and the seeds set aside, each with why.
 */
export interface EscapeSample {
  /** The trapped seeds, in order; times[i] and escaped[i] are seed i's. */
  readonly seeds: readonly number[];
  readonly times: readonly number[];
  readonly escaped: readonly boolean[];
  /** Where a run that never escaped is censored. */
  readonly budget: number;
  readonly setAside: readonly SetAside[];
}

/** One trapped seed's run. */
export interface SeedRun extends EscapeRun {
  readonly seed: number;
}

/** The sample of `runs` (trapped seeds, in order) censored at `budget`, with the seeds set aside. */
export function escapeSampleOf(runs: readonly SeedRun[], budget: number, setAside: readonly SetAside[] = []): EscapeSample {
  for (const [i, run] of runs.entries()) {
    if (!Number.isFinite(run.time) || run.time < 0) throw new RangeError(`run ${i} (seed ${run.seed}): time must be finite and ≥ 0, got ${run.time}`);
    if (run.time > budget) throw new RangeError(`run ${i} (seed ${run.seed}): time ${run.time} is beyond the budget ${budget}`);
  }
  return { seeds: runs.map((r) => r.seed), times: runs.map((r) => r.time), escaped: runs.map((r) => r.escaped), budget, setAside: [...setAside] };
}

/** The trapped runs as the fits take them, in seed order. */
export function runsOf(sample: EscapeSample): EscapeRun[] {
  return sample.times.map((time, i) => ({ time, escaped: sample.escaped[i]! }));
}

/** How many trapped runs escaped. */
export function escapes(sample: EscapeSample): number {
  return sample.escaped.reduce((count, e) => count + (e ? 1 : 0), 0);
}

/** Total time at risk: every trapped run's time, escaped or censored, summed in seed order. */
export function exposure(sample: EscapeSample): number {
  return sample.times.reduce((sum, t) => sum + t, 0);
}
