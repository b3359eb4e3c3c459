import type { EscapeRun } from '../stats/index.ts';
import type { RunRecord } from './run-protocol.ts';

/** Seeds as survival data: escapes and censored runs, and the seeds that never started trapped. */
export interface EscapeSample {
  readonly runs: EscapeRun[];
  /** Seeds whose escape rule did not apply (no lower-rank start, no higher-rank minimum) or that crossed at epoch 0. */
  readonly notTrapped: number[];
  /** The epoch budget at which a run that never escaped is censored. */
  readonly budget: number;
}

/**
 * Turns run records into censored escape times by each record's primary rule (Appendix A). A run that never
 * crossed is censored at its budget — never dropped, never counted as an escape; a seed that did not start
 * in the trapped phase is not a sample of escape from it, and is listed instead.
 */
export function escapeSample(records: readonly RunRecord[]): EscapeSample {
  const runs: EscapeRun[] = [];
  const notTrapped: number[] = [];
  let budget = 0;
  for (const r of records) {
    budget = Math.max(budget, r.epochs);
    if (!r.escapeApplicable || r.escapeEpoch === 0) {
      notTrapped.push(r.seed);
      continue;
    }
    runs.push(r.escapeEpoch === null ? { time: r.epochs, escaped: false } : { time: r.escapeEpoch, escaped: true });
  }
  return { runs, notTrapped, budget };
}
