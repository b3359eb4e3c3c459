// Appendix C and prediction 2, the kinetic halves: escape times (not only barriers) grow with β and with depth. The
// analytic halves are the landscape's; the escape-time halves are the paper's SGD, with the SGLD control beside them.
import type { ExperimentRequest, ExperimentResults } from '../../experiments/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation } from '../verdict.ts';
import { evaluateBarrierMonotone, evaluateDepthBarrier } from '../landscape/transitions.ts';
import { evaluateDepthControl } from '../controls/escape-controls.ts';
import { betaControlReading, type ControlReading } from '../controls/sgld-sweeps.ts';
import { headedByPaperSgd } from './marks.ts';
import { readingLabel } from '../common/reading-words.ts';
import { finding, type Finding } from '../finding.ts';

export function betaKineticNeeds(): ExperimentRequest[] {
  return [{ experiment: 'trapping', protocol: 'rank1-trap' }, { experiment: 'sgld-sweeps' }];
}

export function depthKineticNeeds(): ExperimentRequest[] {
  return [{ experiment: 'trapping', protocol: 'rank1-trap' }, { experiment: 'network-control' }];
}

/**
 * The paper's SGD (headline), the escape-time half on the SGLD control where it is this claim's own (none for depth:
 * that is control-depth-escape-time), then the analytic half. The paper's own runs give τ at
 * one β and one depth only, and from the trap they do not escape by noise: an evidence line says so.
 */
function kineticHalf(control: ControlReading | null, analytic: Evaluation, what: string, results: ExperimentResults): Evaluation {
  const runs = results.trapping('rank1-trap').runs['per-seed'];
  const trapped = runs.filter((r) => r.trapped);
  const escaped = trapped.filter((r) => r.escapeEpoch !== null).length;
  return headedByPaperSgd(
    control === null ? [] : [control],
    {
      ...analytic,
      readings: analytic.readings.map((r) => ({ ...r, label: readingLabel(`analytic half (${what})`, r.label) })),
      evidence: [
        ...analytic.evidence,
        finding('kinetics.paper-runs', { runs: runs.length, trapped: trapped.length, escaped, withControl: control !== null }),
      ],
    },
    results,
    { growth: what },
  );
}

export function evaluateEscapeTimeGrowsWithBeta(claim: Claim, results: ExperimentResults): Evaluation {
  return kineticHalf(betaControlReading(results), evaluateBarrierMonotone(claim), 'barrier grows with β', results);
}

/**
 * Prediction 2's escape-time half under the audit's SGLD noise is the audit's own claim control-depth-escape-time: one
 * experiment, one claim. This claim names it and its verdict, and neither repeats its evidence nor counts it as a reading.
 */
export const DEPTH_CONTROL_CLAIM = 'control-depth-escape-time';

function depthControlPointer(claim: Claim, results: ExperimentResults): Finding {
  const control = evaluateDepthControl(claim, results);
  return finding('kinetics.depth-control', { claim: DEPTH_CONTROL_CLAIM, verdict: control.verdict, value: control.value });
}

export function evaluateDeeperLongerDelays(claim: Claim, results: ExperimentResults): Evaluation {
  const analytic = evaluateDepthBarrier(claim);
  const e = kineticHalf(null, analytic, 'barrier grows with L at equal β/βc', results);
  return { ...e, evidence: [depthControlPointer(claim, results), ...e.evidence] };
}
