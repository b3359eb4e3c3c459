// The calibration of the rules that decide on the censored line ln τ = a + b·x (fitEscapeRateLine): synthetic
// exponential runs with the verdict's own design (settings, trapped runs per setting, budget), the line anchored at
// the observed fit's centre and its slope moved by the shift under test, censored at the budget and decided by the
// same rule. Cheap: the fit works on each setting's escapes and exposure.
import { calibrateRule, fitEscapeRateLine, type CalibrationSpec, type EscapeRateFit, type RuleCalibration, type StatisticalVerdict } from '../../stats/index.ts';
import { CALIBRATION_REPLICATIONS, censoredExponential, uniformSource } from '../common/calibrations.ts';

/** One setting of a design: x and the trapped runs drawn there. */
export interface SlopeDesign {
  readonly x: number;
  readonly runs: number;
}

export interface SlopeCalibrationSpec extends Omit<CalibrationSpec, 'seeds' | 'replications'> {
  readonly design: readonly SlopeDesign[];
  readonly budget: number;
  /** ln τ at the design's mean x, held fixed while the slope moves (the observed fit's value there). */
  readonly lnTauAtCentre: number;
  /** The slope the synthetic runs are drawn with, for a shift of the calibration (the truth at 1 or 0 by scale). */
  readonly slopeAt: (shift: number) => number;
  /** The rule, on the fit of the synthetic runs (a fit that fails — escapes at fewer than two settings — is undecided). */
  readonly decide: (fit: EscapeRateFit) => StatisticalVerdict;
  /** A stream of its own per rule (common/calibrations.ts's purposes). */
  readonly purpose: number;
}

export function censoredSlopeCalibration(spec: SlopeCalibrationSpec): RuleCalibration {
  const uniform = uniformSource(spec.purpose);
  const centre = spec.design.reduce((s, d) => s + d.x, 0) / spec.design.length;
  const trial = (shift: number): StatisticalVerdict => {
    const slope = spec.slopeAt(shift);
    const groups = spec.design.map(({ x, runs }) => ({ x, runs: censoredExponential(uniform, runs, Math.min(1e300, Math.exp(spec.lnTauAtCentre + slope * (x - centre))), spec.budget) }));
    try {
      return spec.decide(fitEscapeRateLine(groups, spec.alpha));
    } catch {
      return 'inconclusive';
    }
  };
  const { design: _design, budget: _budget, lnTauAtCentre: _centre, slopeAt: _slopeAt, decide: _decide, purpose: _purpose, ...rest } = spec;
  return calibrateRule({ ...rest, seeds: Math.max(...spec.design.map((d) => d.runs)), replications: CALIBRATION_REPLICATIONS }, trial);
}

/** ln τ of a fitted line at the mean of its settings' x. */
export function lnTauAtCentre(fit: EscapeRateFit, xs: readonly number[]): number {
  return fit.intercept + fit.slope * (xs.reduce((s, x) => s + x, 0) / xs.length);
}
