// The experiments' runs read as escapes: a set of runs under one escape rule gives each seed's outcome, the one
// thing the escape statistics take (src/stats/escape-sample.ts). The evaluators read escapes only through here; how a
// run record holds its crossings is the run stage's (src/run/escape-outcome.ts).
import type { EscapeRuleName } from '../protocols/index.ts';
import { outcomeOf, primaryOutcome, type RunRecord } from '../run/index.ts';
import type { EscapeOutcome } from '../stats/index.ts';

/** Each run read by one rule (the σ rule of `mode`, by default each run's protocol σ mode), in the runs' order. */
export function escapeOutcomes(records: readonly RunRecord[], rule: EscapeRuleName, mode?: number): EscapeOutcome[] {
  return records.map((r) => outcomeOf(r, rule, mode));
}

/** Each run read by its protocol's own rule, in the runs' order (a run that diverged is set aside: it says nothing of escape). */
export function primaryOutcomes(records: readonly RunRecord[]): EscapeOutcome[] {
  return records.map(primaryOutcome);
}
