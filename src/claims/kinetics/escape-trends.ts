// Appendix C and prediction 2, the kinetic halves: escape times (not only barriers) grow with β and with depth. The
// analytic halves are the landscape's; the escape-time halves are read on the SGLD control, headed by the paper's SGD.
import type { ExperimentRequest, ExperimentResults } from '../../experiments/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation } from '../verdict.ts';
import { evaluateBarrierMonotone, evaluateDepthBarrier } from '../landscape/transitions.ts';
import { evaluateDepthControl } from '../controls/escape-controls.ts';
import { betaControlReading, CONTROL_NOISE, headedBySgd, type ControlReading } from '../controls/sgld-sweeps.ts';

export function betaKineticNeeds(): ExperimentRequest[] {
  return [{ experiment: 'trapping', protocol: 'rank1-trap' }, { experiment: 'sgld-sweeps' }];
}

export function depthKineticNeeds(): ExperimentRequest[] {
  return [{ experiment: 'trapping', protocol: 'rank1-trap' }, { experiment: 'network-control' }];
}

/**
 * The escape-time half read on the SGLD control (headline), then the analytic half. The paper's own runs give τ at
 * one β and one depth only, and from the trap they do not escape by noise: an evidence line says so.
 */
function kineticHalf(control: ControlReading, analytic: Evaluation, what: string, results: ExperimentResults): Evaluation {
  const runs = results.trapping('rank1-trap').runs['per-seed'];
  const trapped = runs.filter((r) => r.escapeApplicable);
  const escaped = trapped.filter((r) => r.escapeEpoch !== null).length;
  return headedBySgd(
    [control],
    {
      ...analytic,
      readings: analytic.readings.map((r) => ({ ...r, label: `analytic half (${what}), ${r.label}` })),
      evidence: [
        ...analytic.evidence,
        `The paper's runs give τ at one β (0.32) and one depth (L = 3) only: of the rank-1 trap's ${runs.length} per-seed runs, ${trapped.length} started trapped and ${escaped} escaped ` +
          '(escapes there start from checkpoints left above the saddle, sgd-noise-across-barrier). The escape-time half is therefore read on the SGLD control, whose noise is the harness\'s, not SGD\'s.',
      ],
    },
    results,
    `the escape times whose growth the claim states (${what})`,
    'escapes from the rank-1 trap under the paper\'s SGD within a longer budget',
  );
}

export function evaluateEscapeTimeGrowsWithBeta(claim: Claim, results: ExperimentResults): Evaluation {
  return kineticHalf(betaControlReading(results), evaluateBarrierMonotone(claim), 'barrier grows with β', results);
}

/** Prediction 2's escape-time half: the depth control's own reading (control-depth-escape-time), relabelled as the control's. */
function depthControlReading(claim: Claim, results: ExperimentResults): ControlReading {
  const e = evaluateDepthControl(claim, results);
  const reading = e.readings[0]!;
  return { reading: { ...reading, label: `${CONTROL_NOISE}: ${reading.label}` }, evidence: e.evidence };
}

export function evaluateDeeperLongerDelays(claim: Claim, results: ExperimentResults): Evaluation {
  return kineticHalf(depthControlReading(claim, results), evaluateDepthBarrier(claim), 'barrier grows with L at equal β/βc', results);
}
