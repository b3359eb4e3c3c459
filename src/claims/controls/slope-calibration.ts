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
  const { design, budget, lnTauAtCentre, slopeAt, decide, ...rest } = spec;
  return censoredSlopesCalibration({ ...rest, settings: [{ design, budget, lnTauAtCentre, slopeAt, decide }], combine: (verdicts) => verdicts[0]! });
}

/** One of several designs decided together: its own settings, budget, centre, slope under a shift and rule. */
export type SlopeSetting = Pick<SlopeCalibrationSpec, 'design' | 'budget' | 'lnTauAtCentre' | 'slopeAt' | 'decide'>;

export interface SlopesCalibrationSpec extends Omit<CalibrationSpec, 'seeds' | 'replications'> {
  readonly settings: readonly SlopeSetting[];
  /** The verdict of the whole from each setting's (e.g. the worst of them). */
  readonly combine: (verdicts: readonly StatisticalVerdict[]) => StatisticalVerdict;
  readonly purpose: number;
}

/** The calibration of a rule over several censored lines at once (e.g. one per data set), each drawn under the same shift. */
export function censoredSlopesCalibration(spec: SlopesCalibrationSpec): RuleCalibration {
  const uniform = uniformSource(spec.purpose);
  const one = (setting: SlopeSetting, shift: number): StatisticalVerdict => {
    const centre = setting.design.reduce((s, d) => s + d.x, 0) / setting.design.length;
    const slope = setting.slopeAt(shift);
    const groups = setting.design.map(({ x, runs }) => ({ x, runs: censoredExponential(uniform, runs, Math.min(1e300, Math.exp(setting.lnTauAtCentre + slope * (x - centre))), setting.budget) }));
    try {
      return setting.decide(fitEscapeRateLine(groups, spec.alpha));
    } catch {
      return 'inconclusive';
    }
  };
  const trial = (shift: number): StatisticalVerdict => spec.combine(spec.settings.map((setting) => one(setting, shift)));
  const { settings, combine: _combine, purpose: _purpose, ...rest } = spec;
  const seeds = Math.max(...settings.flatMap((s) => s.design.map((d) => d.runs)));
  return calibrateRule({ ...rest, seeds, replications: CALIBRATION_REPLICATIONS }, trial);
}

/** ln τ of a fitted line at the mean of its settings' x. */
export function lnTauAtCentre(fit: EscapeRateFit, xs: readonly number[]): number {
  return fit.intercept + fit.slope * (xs.reduce((s, x) => s + x, 0) / xs.length);
}
