import { calibrateRule, DEFAULT_ALPHA, decideAgainstClaim, fitEscapeRateLine, type ClaimBand, type RuleCalibration, type StatisticalVerdict } from '../../stats/index.ts';
import { censoredExponential, ESCAPE_TIME_DISCREPANCY, uniformSource } from '../common/calibrations.ts';
import type { Claim } from '../ledger.ts';
import { toleranceWidth } from '../tolerance.ts';
import type { Evaluation } from '../verdict.ts';
import { fitArrhenius, type ExperimentRequest, type ExperimentResults } from '../../experiments/index.ts';
import { kramersNeeds, kramersReportOf } from '../kramers-langer/kramers.ts';
import { sweepWouldDecide } from './arrhenius.ts';
import { statingInvariance } from '../controls/sgld-sweeps.ts';
import { CALIBRATION_REPLICATIONS } from '../common/calibrations.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding } from '../finding.ts';
import { note, readingLine, type NotedReading } from './notes.ts';
import { unlessSweepNotReproducible } from './marks.ts';

/** τ of the synthetic sweeps at the smallest B/ηlr (effectiveBarrierCalibration). */
const TAU_AT_SMALLEST_X = 500;

/**
 * How 1/T_eff scales with x = B/ηlr under each reading of Appendix A's "T_eff = ηlr/(BC), C estimated using the trace of
 * the covariance of the gradients" (tr C at the trapped state): ln τ = a + b·x then gives ΔE_eff = b / (1/T per unit x).
 */
function inverseTemperaturePerX(trace: number, parameters: number): Array<{ label: string; perX: number }> {
  return [
    { label: 'T = ηlr/(B·tr C) (Appendix A as printed)', perX: trace },
    { label: 'T = ηlr·tr C/B (C read as 1/tr C)', perX: 1 / trace },
    { label: 'T = ηlr·tr C/(2BD) (isotropic Langevin)', perX: (2 * parameters) / trace },
  ];
}

/** Eq. 6: ΔE_eff = 0.15 ± 0.05 from the slope of ln τ against B/ηlr (the learning-rate sweep, protocol checkpoint). */
export function evaluateEffectiveBarrier(claim: Claim, results: ExperimentResults): Evaluation {
  const sweeps = results.arrheniusSweeps();
  const report = kramersReportOf(claim, results);
  const fit = fitArrhenius(sweeps.learningRateSweep, DEFAULT_ALPHA);
  const printed = claim.paper.value!;
  const tolerance = toleranceWidth(claim.tolerance, printed)!.toNumber();
  const trace = report.arrhenius.gradientCovarianceTrace;
  const scales = inverseTemperaturePerX(trace, report.settings.parameterCount);
  const spread = Math.max(...scales.map((s) => s.perX)) / Math.min(...scales.map((s) => s.perX));
  const readings = scales.map(({ label, perX }): NotedReading => {
    if (fit.arrhenius === null) return { label, value: null, verdict: 'inconclusive', note: note('kinetics.no-fit', { notEstimable: fit.notEstimable }) };
    const line = fit.arrhenius;
    const decision = decideAgainstClaim(
      { value: Number(printed), tolerance, printed },
      { estimate: line.slope / perX, lower: line.slopeInterval.lower / perX, upper: line.slopeInterval.upper / perX, alpha: line.alpha, seeds: sweeps.seeds.length },
    );
    return { label, value: (line.slope / perX).toPrecision(6), verdict: decision.verdict, note: note('kinetics.decision', { grounds: decision.grounds }) };
  });
  const headline = readings[0]!;
  // The headline reading's rule on synthetic sweeps of this design: what it would say were ΔE_eff = 0.15 true.
  const band = { value: Number(printed), tolerance, printed };
  const rule = effectiveBarrierCalibration(sweeps.learningRateSweep.map((p) => p.x), sweeps.seeds.length, sweeps.epochs, scales[0]!.perX, band, DEFAULT_ALPHA, CALIBRATION_REPLICATIONS);
  return statingInvariance(unlessSweepNotReproducible({
    verdict: headline.verdict,
    value: headline.value,
    readings,
    evidence: [
      finding('kinetics.barrier-sweep', {
        seeds: sweeps.seeds.length,
        epochs: sweeps.epochs,
        notEstimable: fit.notEstimable,
        line: fit.arrhenius === null ? null : { intercept: fit.arrhenius.intercept, slope: fit.arrhenius.slope },
      }),
      finding('kinetics.barrier-temperatures', { trace, parameters: report.settings.parameterCount, spread }),
      ...readings.map(readingLine),
      finding('kinetics.barrier-calibration', { calibration: calibration(rule), seeds: sweeps.seeds.length, epochs: sweeps.epochs, tauAtSmallest: TAU_AT_SMALLEST_X }),
    ],
    rule,
    ...(headline.verdict === 'inconclusive'
      ? { wouldDecide: sweepWouldDecide(sweeps, 'two-rates') }
      : {}),
  }, sweeps));
}

/** The learning-rate sweep, and Appendix F's tr C at the claim's β. */
export function effectiveBarrierNeeds(claim: Claim): ExperimentRequest[] {
  return [{ experiment: 'arrhenius-sweeps' }, ...kramersNeeds(claim)];
}

/**
 * The ΔE_eff rule on synthetic sweeps: settings x, `runs` seeds each, exponential escapes with ln τ = a + b·x, where
 * b = ΔE_eff × (1/T per unit x) and a puts τ = TAU_AT_SMALLEST_X (500 epochs) at the smallest x; censored at the budget; the truth moved
 * by a factor in ΔE_eff. Decided as evaluateEffectiveBarrier does: the 1 − α slope interval over 1/T per unit x.
 */
export function effectiveBarrierCalibration(x: readonly number[], runs: number, budget: number, perX: number, band: ClaimBand, alpha: number, replications: number): RuleCalibration {
  const uniform = uniformSource(7);
  const smallest = Math.min(...x);
  const trial = (shift: number): StatisticalVerdict => {
    const slope = band.value * shift * perX;
    const groups = x.map((xi) => ({ x: xi, runs: censoredExponential(uniform, runs, Math.min(1e300, TAU_AT_SMALLEST_X * Math.exp(slope * (xi - smallest))), budget) }));
    try {
      const line = fitEscapeRateLine(groups, alpha);
      return decideAgainstClaim(band, { estimate: line.slope / perX, lower: line.slopeInterval.lower / perX, upper: line.slopeInterval.upper / perX, alpha, seeds: runs }).verdict;
    } catch {
      return 'inconclusive';
    }
  };
  return calibrateRule(
    { name: `the 1 − α slope interval of ln τ on B/ηlr, over 1/T per unit x, against ${band.printed ?? band.value} ± ${band.tolerance}`, alpha, seeds: runs, replications, discrepancy: ESCAPE_TIME_DISCREPANCY, grid: [1.5, 2, 3] },
    trial,
  );
}
