import { TARGET_POWER, type RuleCalibration, type WouldDecide } from '../../stats/index.ts';
import { finding, type Finding } from '../finding.ts';
import type { Calibration } from './findings.ts';

/** A rule's calibration as a finding's data. */
export function calibration(rule: RuleCalibration): Calibration {
  return { rule, targetPower: TARGET_POWER };
}

/** What would decide a rule's undecided verdict, as a finding. */
export function wouldDecideFinding(decides: WouldDecide): Finding {
  return finding('common.would-decide', { decides });
}

/** The rule's calibration, as a line of evidence. */
export function calibrationFinding(rule: RuleCalibration): Finding {
  return finding('common.calibration', calibration(rule));
}
