// Where a rule of the ledger carries no size and power of its own, the reason stands in the evidence beside the
// verdict (REPRODUCE.md, "Calibrated rules"): one line appended to an evaluation, never a changed verdict.
import type { ExperimentResults } from '../../experiments/index.ts';
import type { Finding } from '../finding.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation } from '../verdict.ts';

type Evaluate = (claim: Claim, results: ExperimentResults) => Evaluation;

/** The evaluator with `note` (a finding whose words are the whole "Calibration: …" line) as its evidence's last line. */
export function withCalibrationNote(evaluate: Evaluate, note: Finding): Evaluate {
  return (claim, results) => {
    const e = evaluate(claim, results);
    return { ...e, evidence: [...e.evidence, note] };
  };
}
