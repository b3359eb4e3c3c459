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

/** One seed's run read by one escape rule: whether it started trapped, and when it escaped (null: censored at `budget`). */
export interface EscapeOutcome {
  readonly seed: number;
  readonly trapped: boolean;
  /** First epoch past the rule's threshold; null when censored at `budget`. */
  readonly escapeEpoch: number | null;
  readonly budget: number;
}

/** Why a seed that did not start trapped is set aside. */
export const NOT_TRAPPED = 'did not start in the trapped phase (the rule does not apply)';

/**
 * Outcomes as censored escape times (Appendix A), the one way a sample is made: a trapped run that never crossed is
 * censored at its budget — never dropped, never counted as an escape; a seed that did not start in the trapped phase
 * is not a sample of escape from it, and is set aside instead. The sample's budget is the largest of the outcomes'.
 */
export function escapeSample(outcomes: readonly EscapeOutcome[]): EscapeSample {
  const budget = Math.max(0, ...outcomes.map((o) => o.budget));
  const runs = outcomes.filter((o) => o.trapped).map((o) => (o.escapeEpoch === null ? { seed: o.seed, time: o.budget, escaped: false } : { seed: o.seed, time: o.escapeEpoch, escaped: true }));
  for (const [i, run] of runs.entries()) {
    if (!Number.isFinite(run.time) || run.time < 0) throw new RangeError(`run ${i} (seed ${run.seed}): time must be finite and ≥ 0, got ${run.time}`);
    if (run.time > budget) throw new RangeError(`run ${i} (seed ${run.seed}): time ${run.time} is beyond the budget ${budget}`);
  }
  return {
    seeds: runs.map((r) => r.seed),
    times: runs.map((r) => r.time),
    escaped: runs.map((r) => r.escaped),
    budget,
    setAside: outcomes.filter((o) => !o.trapped).map((o) => ({ seed: o.seed, reason: NOT_TRAPPED })),
  };
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
