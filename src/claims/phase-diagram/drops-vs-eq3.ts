// Appendix B: "Two sharp drops mark the transitions at βc(1) = 0.36 and βc(2) = 0.42, in close agreement with
// Eq. (3)". The measured drops against Eq. 3 — a statement apart from Eq. 3's own value (beta-c-mode2-appendix-a,
// beta-c-mode1) and from the drops' printed values (phase-diagram-transitions). "Close" is read as one step of the
// sweep's grid ("in steps of 0.01"): the finest agreement a sweep can show.
import type { ExperimentResults } from '../../experiments/index.ts';
import { PHASE_DIAGRAM_FILE } from '../../protocols/index.ts';
import { DEFAULT_ALPHA, decideAgainstClaim, tIntervalOfMean, type ClaimBand, type RuleCalibration } from '../../stats/index.ts';
import type { Claim } from '../ledger.ts';
import { toleranceWidth } from '../tolerance.ts';
import { worstVerdict, type Evaluation, type Reading, type Verdict } from '../verdict.ts';
import { meanIntervalCalibration, TRANSITION_DISCREPANCY } from '../common/calibrations.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding, type Finding } from '../finding.ts';
import type { PrintedGap } from './findings.ts';
import { decideSingleDataSet, located, printedTransitions, protocolEvidence } from './sweep.ts';
import { formatDecimals } from '../../text/index.ts';

/** β on the phase diagram's 10⁻⁴ resolution (the band's printed value and the readings' labels). */
const fmt = (x: number): string => formatDecimals(x, 4);

function closeness(claim: Claim): number {
  const width = toleranceWidth(claim.tolerance, null);
  if (width === null) throw new RangeError(`claim ${claim.id}: a stated tolerance (one sweep step) is needed`);
  return width.toNumber();
}

/**
 * Per mode: the mean located drop of the up sweep over data seeds (its t interval at α) against Eq. 3 on the population
 * ± one sweep step, by decideAgainstClaim (headline, the modes combined); one data set's drop against the same band by
 * decideSingleDataSet; and the paper's printed drops against it (arithmetic).
 */
export function evaluateDropsVsEq3(claim: Claim, results: ExperimentResults): Evaluation {
  const records = results.phaseDiagram();
  if (records.length < 2) throw new Error(`claim '${claim.id}': the phase diagram needs at least 2 data seeds, got ${records.length}`);
  const step = closeness(claim);
  const modes = printedTransitions(claim, PHASE_DIAGRAM_FILE.settings.teacher.singularValues);
  const mean: Reading[] = [];
  const single: Reading[] = [];
  const printed: Reading[] = [];
  const gaps: PrintedGap[] = [];
  const evidence: Finding[] = [protocolEvidence(records)];
  let rule: RuleCalibration | undefined;
  for (const mode of modes) {
    const eq3 = records[0]!.criticalBeta.population[mode.level - 1]!;
    const band: ClaimBand = { value: eq3, tolerance: step, printed: fmt(eq3) };
    const values = located(records, 'up', mode.level);
    const at = `η = ${mode.eta} (Eq. 3: ${fmt(eq3)})`;
    if (values.length < records.length) {
      mean.push({ label: `mean drop against Eq. 3 ± ${step}: ${at}`, value: null, verdict: 'inconclusive', note: finding('phase-diagram.drop-located', { located: values.length, seeds: records.length }) });
    } else {
      const t = tIntervalOfMean(values, DEFAULT_ALPHA);
      const d = decideAgainstClaim(band, t, { discrepancy: TRANSITION_DISCREPANCY });
      mean.push({ label: `mean drop against Eq. 3 ± ${step}: ${at}`, value: String(t.estimate - eq3), verdict: d.verdict, note: finding('phase-diagram.drop-mean-note', { difference: t.estimate - eq3, grounds: d.grounds }) });
      rule ??= meanIntervalCalibration(values.length, t.sd, band, DEFAULT_ALPHA);
      evidence.push(finding('phase-diagram.drop-mean', { eta: mode.eta, eq3, seeds: values.length, mean: t.estimate, sd: t.sd, verdict: d.verdict, grounds: d.grounds }));
    }
    const one = decideSingleDataSet(values, band, DEFAULT_ALPHA);
    const within = values.filter((v) => Math.abs(v - eq3) <= step).length;
    single.push({ label: `one data set's drop against Eq. 3 ± ${step}: ${at}`, value: String(within / Math.max(1, values.length)), verdict: one?.verdict ?? 'inconclusive', note: finding('phase-diagram.single-data-set', { decision: one, of: 'drops' }) });
    evidence.push(finding('phase-diagram.drop-single', { eta: mode.eta, eq3, step, within, located: values.length, decision: one }));
    const gap: PrintedGap = { printed: mode.band.printed ?? null, eq3, gap: mode.band.value - eq3 };
    const verdict: Verdict = Math.abs(gap.gap) <= step ? 'reproduced' : 'deviates';
    gaps.push(gap);
    printed.push({ label: `the printed drop ${mode.band.printed} against Eq. 3 ± ${step}: η = ${mode.eta}`, value: String(gap.gap), verdict, note: finding('phase-diagram.printed-gap', gap) });
  }
  const verdict = worstVerdict(mean.map((r) => r.verdict));
  const headline: Reading = { label: `the measured drops (up sweep, mean over data sets) against Eq. 3 ± ${step}: both`, value: null, verdict, note: finding('phase-diagram.parts', { parts: mean.map((r) => ({ label: r.label, verdict: r.verdict })) }) };
  evidence.push(
    finding('phase-diagram.close-agreement', { step, printed: gaps }),
    finding('phase-diagram.drops-elsewhere', {}),
    finding('phase-diagram.drops-rule', { alpha: DEFAULT_ALPHA, step, resolution: TRANSITION_DISCREPANCY.size, calibration: rule === undefined ? null : calibration(rule) }),
  );
  return {
    verdict,
    value: mean[0]?.value ?? null,
    readings: [headline, ...mean, ...single, ...printed],
    evidence,
    ...(rule === undefined ? {} : { rule }),
    ...(verdict === 'inconclusive' ? { wouldDecide: finding('phase-diagram.would-decide-drops', {}) } : {}),
  };
}
