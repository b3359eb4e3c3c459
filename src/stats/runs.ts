/**
 * One seed's outcome: the epoch at which it escaped, or — when it never escaped — the epoch at which it was
 * stopped (the budget). A run that never escapes is right-censored at that time: it is never dropped and
 * never counted as an escape at the budget, either of which would bias the escape time low.
 */
export interface EscapeRun {
  time: number;
  escaped: boolean;
}

/** Throws unless every run has a finite non-negative time; with a budget, unless escapes lie within it and censored runs end at it. */
export function assertRuns(runs: readonly EscapeRun[], budget?: number): void {
  if (runs.length === 0) throw new RangeError('no runs');
  if (budget !== undefined && !(budget > 0)) throw new RangeError(`budget must be positive, got ${budget}`);
  for (const [i, run] of runs.entries()) {
    if (!Number.isFinite(run.time) || run.time < 0) throw new RangeError(`run ${i}: time must be finite and ≥ 0, got ${run.time}`);
    if (budget === undefined) continue;
    if (run.escaped && run.time > budget) throw new RangeError(`run ${i}: escape at ${run.time} is beyond the budget ${budget}`);
    if (!run.escaped && run.time !== budget) throw new RangeError(`run ${i}: censored at ${run.time}, not at the budget ${budget}`);
  }
}

export function countEscapes(runs: readonly EscapeRun[]): number {
  return runs.reduce((count, run) => count + (run.escaped ? 1 : 0), 0);
}

/** Total time at risk: every run contributes its time, escaped or censored. */
export function totalExposure(runs: readonly EscapeRun[]): number {
  return runs.reduce((sum, run) => sum + run.time, 0);
}

export function escapeTimes(runs: readonly EscapeRun[]): number[] {
  return runs.filter((run) => run.escaped).map((run) => run.time);
}

export function assertAlpha(alpha: number): void {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
}
