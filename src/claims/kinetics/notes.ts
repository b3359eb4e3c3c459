// A reading's note as a finding of this subject, the not-reproducible headline that keeps it, and the line that says
// why a rule states no size or power.
import type { ExperimentResults } from '../../experiments/index.ts';
import { finding, type Finding, type FindingValues } from '../finding.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, Reading } from '../verdict.ts';
import type { KineticsNote, KineticsNoteKind } from './findings.ts';

/** A finding of a note kind, typed as this subject's note (what a line quoting a reading may word). */
export function note<K extends KineticsNoteKind>(kind: K, values: FindingValues[K]): KineticsNote {
  return finding(kind, values) as KineticsNote;
}

/** A reading whose note is this subject's. */
export type NotedReading = Reading & { readonly note: KineticsNote };

/** A reading and its note, as a line of evidence. */
export function readingLine(r: NotedReading): Finding {
  return finding('kinetics.reading', { label: r.label, note: r.note });
}

type Evaluate = (claim: Claim, results: ExperimentResults) => Evaluation;

/** The evaluator with `line` (why its rule has no size or power: REPRODUCE.md, "Calibrated rules") as its evidence's last line. */
export function withCalibrationLine(evaluate: Evaluate, line: Finding): Evaluate {
  return (claim, results) => {
    const e = evaluate(claim, results);
    return { ...e, evidence: [...e.evidence, line] };
  };
}
