// Appendix B: Fig. 3 is "obtained by training to convergence and then quasi-statically decreasing β in steps of 0.01.
// Two sharp drops mark the transitions at βc(1) = 0.36 and βc(2) = 0.42". The decreasing sweep as written: trained
// to convergence at the top of the grid (above every βc, where every mode is lost), then β lowered step by step.
import type { ExperimentResults } from '../../experiments/index.ts';
import { PHASE_DIAGRAM_FILE } from '../../protocols/index.ts';
import { DEFAULT_ALPHA, proportionInterval, type RuleCalibration, type StatisticalVerdict } from '../../stats/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, Verdict } from '../verdict.ts';
import { countRuleCalibration } from '../common/calibrations.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding } from '../finding.ts';
import { seedRange, sweepOf, withSweep } from './sweep.ts';

/** The share of data sets whose decreasing sweep re-learns every mode, at or below which the statement fails. */
export const TYPICAL_SHARE = 0.5;

/**
 * `reproduced` when every one of n data sets (3 at least) re-learns every mode on the way down; `deviates` when the
 * one-sided 1 − α upper bound of the share that does lies below TYPICAL_SHARE (most data sets show no drop); else
 * `inconclusive`.
 */
export function decideRelearning(relearned: number, n: number, alpha = DEFAULT_ALPHA): StatisticalVerdict {
  if (n < 3) return 'inconclusive';
  if (relearned === n) return 'reproduced';
  return proportionInterval(relearned, n, 2 * alpha).upper < TYPICAL_SHARE ? 'deviates' : 'inconclusive';
}

/** decideRelearning on binomial draws: truth, every data set re-learns; the alternative, a share missing it. */
export function relearningCalibration(n: number, alpha = DEFAULT_ALPHA): RuleCalibration {
  return countRuleCalibration(
    `reproduced: every data set's decreasing sweep re-learns every mode; deviates: the 1 − α upper bound of that share below ${TYPICAL_SHARE}`,
    n,
    15,
    (missing, sets) => decideRelearning(sets - missing, sets, alpha),
    alpha,
    0.75,
    [0.05, 0.25, 0.5, 0.75, 0.9, 1],
  );
}

export function evaluateDecreasingSweep(claim: Claim, results: ExperimentResults): Evaluation {
  const records = withSweep(results.phaseDiagram(), 'down');
  const modes = PHASE_DIAGRAM_FILE.settings.teacher.singularValues.length;
  const n = records.length;
  const perMode = Array.from({ length: modes }, (_, i) => records.filter((r) => sweepOf(r, 'down')!.transitions.some((t) => t.level === i + 1)).length);
  const relearned = records.filter((r) => sweepOf(r, 'down')!.transitions.length === modes).length;
  const rule = n >= 3 ? relearningCalibration(n) : null;
  const top = PHASE_DIAGRAM_FILE.settings.grid.to;
  const maxSigma = Math.max(0, ...records.map((r) => Math.max(...sweepOf(r, 'down')!.points.map((p) => Math.max(0, ...p.singularValues)))));
  // Deterministic full-batch descent from rank 0 keeps rank 0: the proof, not the count, says no seed count changes it.
  const invariant = n > 0 && relearned === 0 && maxSigma <= PHASE_DIAGRAM_FILE.settings.rankThreshold;
  const verdict: Verdict = invariant ? 'deviates' : decideRelearning(relearned, n);
  const bound = n === 0 ? null : proportionInterval(relearned, n, 2 * DEFAULT_ALPHA).upper;
  return {
    verdict,
    value: n === 0 ? null : String(relearned / n),
    readings: [
      {
        label: 'decreasing sweep as Appendix B writes it: data sets re-learning both modes',
        value: n === 0 ? null : String(relearned / n),
        verdict,
        note: finding('phase-diagram.relearned', { notReproducible: invariant, relearned, seeds: n, alpha: DEFAULT_ALPHA, bound }),
      },
    ],
    evidence: [
      finding('phase-diagram.decreasing-protocol', { seeds: seedRange(records), top, step: PHASE_DIAGRAM_FILE.settings.grid.step }),
      finding('phase-diagram.relearned-modes', { perMode, seeds: n, maxSigma, rankThreshold: PHASE_DIAGRAM_FILE.settings.rankThreshold }),
      finding('phase-diagram.decreasing-why', {}),
      finding('phase-diagram.decreasing-kick', {}),
      finding('phase-diagram.decreasing-rule', { alpha: DEFAULT_ALPHA, typicalShare: TYPICAL_SHARE, calibration: rule === null ? null : calibration(rule) }),
    ],
    ...(rule === null ? {} : { rule }),
    ...(invariant ? { notReproducible: finding('phase-diagram.decreasing-not-reproducible', { seeds: n, top, depth: PHASE_DIAGRAM_FILE.settings.network.widths.length - 1 }) } : {}),
    ...(verdict === 'inconclusive' ? { wouldDecide: finding('phase-diagram.would-decide-decreasing', {}) } : {}),
  };
}
