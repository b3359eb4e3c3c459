// A run record read under an escape rule: the outcome (src/stats/escape-sample.ts) the rule gives the run.
import type { EscapeOutcome } from '../stats/index.ts';
import type { EscapeRuleName } from '../protocols/index.ts';
import type { RunRecord } from './run-protocol.ts';

/**
 * A run read by one rule. The test-MSE midpoint rule (Appendix A) applies when the plateau branch has lower rank than
 * the global one and the run does not start below the threshold; the σ rule (`mode`, default the protocol's σ mode)
 * applies when σ_mode starts below its threshold.
 */
export function outcomeOf(record: RunRecord, rule: EscapeRuleName, mode = record.escape.sigma.mode): EscapeOutcome {
  if (rule === 'test-mse-midpoint') {
    const m = record.escape.testMseMidpoint;
    return { seed: record.seed, trapped: m.trapped, escapeEpoch: m.epoch, budget: record.epochs };
  }
  const epoch = record.escape.sigmaCrossings[mode - 1] ?? null;
  return { seed: record.seed, trapped: epoch !== 0, escapeEpoch: epoch, budget: record.epochs };
}

/**
 * A run read by its protocol's own rule, from the record's headline fields: outcomeOf(record, record.escapeRule), except
 * that a run that diverged is not trapped (it says nothing of escape over the barrier).
 */
export function primaryOutcome(record: RunRecord): EscapeOutcome {
  return { seed: record.seed, trapped: record.trapped, escapeEpoch: record.escapeEpoch, budget: record.epochs };
}

/**
 * Appendix A assesses convergence "by monitoring test MSE": the first epoch from which the test MSE stays within
 * `band` of its final value — through the per-epoch window and every later trace sample. null when the record has
 * no per-epoch test MSE; `censored` when the window ends before the test MSE settles (the epoch is then a lower bound).
 */
export function convergenceEpoch(record: RunRecord, band: number): { epoch: number; censored: boolean } | null {
  const early = record.earlyTestMse;
  if (early === undefined || early.length === 0 || record.diverged) return null;
  const final = record.final.testMse;
  const within = (x: number): boolean => Math.abs(x - final) <= band;
  const window = early.length - 1;
  // A later excursion outside the band (trace samples past the window) means the run had not converged in it.
  if (!(record.trace ?? []).filter((t) => t.epoch > window).every((t) => within(t.testMse))) return { epoch: window, censored: true };
  let first = early.length;
  while (first > 0 && within(early[first - 1]!)) first -= 1;
  return first === early.length ? { epoch: window, censored: true } : { epoch: first, censored: false };
}
