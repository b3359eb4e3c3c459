import { checkpointSigma, primaryOutcomes, type ExperimentResults, type RunRecord } from '../../experiments/index.ts';
import type { EscapeOutcome } from '../../stats/index.ts';
import type { Evaluation } from '../verdict.ts';
import { finding, type Finding } from '../finding.ts';
import type { InvariantEscape, TrapInvariance } from './findings.ts';
import { formatNumber } from '../../text/index.ts';

// DESIGN.md, "Claims and verdicts": where the stated protocol provably cannot produce the data a claim is about, the
// claim is `deviates` with the reason "not reproducible as specified" — never `inconclusive`. For the trapping
// protocols that is a trap no run leaves and none can: the rank-deficient set of a bias-free linear network is
// invariant under every SGD step, and the mini-batch noise across it is proportional to the run's residue off it
// (sgd-noise-across-barrier), so a residue that only shrinks under weight decay never reaches the saddle.

/** A run's σ of its watched mode at its checkpoint and at its end, and σ1 at its end (for the rounding level). */
export interface TrapResidue {
  readonly start: number | null;
  readonly end: number | undefined;
  readonly top: number;
}

/** The residue of a bias-free run: its checkpoint's last stage and its final σ. */
export function residueOf(record: RunRecord, mode = record.escape.sigma.mode): TrapResidue {
  return { start: checkpointSigma(record, mode), end: record.final.singularValues[mode - 1], top: record.final.singularValues[0] ?? 0 };
}

/**
 * σ_mode at the run's end is no larger than at its checkpoint, or than rounding (float64's ε times σ1 at the end): the
 * residue off the rank-deficient set did not grow. Residues of 10⁻¹⁸ come and go by rounding alone (0 → 4·10⁻¹⁸ over a
 * run); that is not a residue growing towards the saddle.
 */
export function residueShrank(r: TrapResidue): boolean {
  return r.start !== null && r.end !== undefined && r.end <= Math.max(r.start, Number.EPSILON * r.top);
}

export type { TrapInvariance };

/** Over the residues of the runs that started trapped, none of which escaped (`anyEscaped` false). */
export function residueInvariance(residues: readonly TrapResidue[], anyEscaped: boolean): TrapInvariance {
  if (residues.length === 0 || anyEscaped) return { invariant: false, exactlyZero: 0, shrank: 0, runs: residues.length, largestStart: 0, largestEnd: 0 };
  const exactlyZero = residues.filter((r) => r.start === 0).length;
  const shrank = residues.filter((r) => r.start !== 0 && residueShrank(r)).length;
  const largest = (f: (r: TrapResidue) => number | null | undefined): number => Math.max(0, ...residues.map((r) => f(r) ?? 0));
  return {
    invariant: exactlyZero + shrank === residues.length,
    exactlyZero,
    shrank,
    runs: residues.length,
    largestStart: largest((r) => r.start),
    largestEnd: largest((r) => r.end),
  };
}

/** Over the bias-free runs that started trapped and did not escape (`escaped` tells which did). */
export function trapInvariance(trapped: readonly RunRecord[], escaped: (r: RunRecord) => boolean, mode?: number): TrapInvariance {
  // A sweep whose runs escaped is not invariant; its records need not hold a σ per mode to read a residue from.
  if (trapped.some(escaped)) return { invariant: false, exactlyZero: 0, shrank: 0, runs: trapped.length, largestStart: 0, largestEnd: 0 };
  return residueInvariance(trapped.map((r) => residueOf(r, mode)), false);
}

/** trapInvariance over the runs of `records` that started trapped by their `outcomes` (one per record, in order). */
export function trappedInvariance(records: readonly RunRecord[], outcomes: readonly EscapeOutcome[], mode?: number): TrapInvariance {
  const trapped = records.filter((_, i) => outcomes[i]!.trapped);
  const escaped = new Set(records.filter((_, i) => outcomes[i]!.trapped && outcomes[i]!.escapeEpoch !== null));
  return trapInvariance(trapped, (r) => escaped.has(r), mode);
}

/** Why no run can produce `escape` (`notReproducible`): the trap's invariance, as a finding. */
export function invariantTrapFinding(trap: TrapInvariance, escape: InvariantEscape, paperTrap = false): Finding {
  return finding('trapping.invariant-trap', { trap, escape, paperTrap });
}


/** Why a not-reproducible verdict carries no calibration: no statistic decides it. */
export const NO_RULE_INVARIANT: Finding = finding('trapping.no-rule-invariant', {});

/** The headline's note marked not reproducible as specified, the note it had inside the mark. */
function notReproducibleNote(note: Finding | undefined): Finding {
  return finding('trapping.not-reproducible', { note: note ?? null });
}

/**
 * An `inconclusive` evaluation whose escapes the protocol cannot produce becomes `deviates` with the reason; its first
 * reading (the headline) says so. Any other evaluation is returned as it is.
 */
export function unlessNotReproducible(evaluation: Evaluation, reason: Evaluation['notReproducible'] | null): Evaluation {
  if (reason === null || evaluation.verdict !== 'inconclusive') return evaluation;
  const [first, ...rest] = evaluation.readings;
  const { wouldDecide: _undecidable, ...kept } = evaluation;
  return {
    ...kept,
    verdict: 'deviates',
    readings: first === undefined ? [] : [{ ...first, verdict: 'deviates', note: notReproducibleNote(first.note) }, ...rest],
    evidence: [...evaluation.evidence, NO_RULE_INVARIANT],
    notReproducible: reason,
  };
}


/** The invariance of the per-seed runs of the rank-1 trap under the paper's SGD, over those that started trapped. */
export function paperTrapInvariance(results: ExperimentResults): TrapInvariance {
  const records = results.trapping('rank1-trap').runs['per-seed'];
  return trappedInvariance(records, primaryOutcomes(records));
}
