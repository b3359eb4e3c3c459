// Controls: audit experiments with a known answer (isotropic noise on one mode, on the network, across depth, with the
// full-batch gradient; the undertrained checkpoint; SGD's noise added to a kick), each a check that the methods can see
// what the paper claims.
import type { EvaluatorTable } from '../evaluator.ts';
import { finding } from '../finding.ts';
import { withCalibrationNote } from './calibration-notes.ts';
import { depthControlNeeds, evaluateDepthControl, evaluateModeControl, evaluateNetworkControl, evaluateUndertrained, modeControlNeeds, networkControlNeeds, undertrainedNeeds } from './escape-controls.ts';
import { evaluateNetworkKramers, networkKramersNeeds } from './network-kramers.ts';
import { evaluateSgdNoiseAddsToT, sgdNoiseNeeds } from './sgld-sweeps.ts';

export const CONTROLS_EVALUATORS: EvaluatorTable = {
  'control-one-mode': { needs: modeControlNeeds, evaluate: evaluateModeControl },
  'control-network-barrier': { needs: networkControlNeeds, evaluate: evaluateNetworkControl },
  'control-network-kramers': { needs: networkKramersNeeds, evaluate: evaluateNetworkKramers },
  'control-depth': { needs: depthControlNeeds, evaluate: evaluateDepthControl },
  'undertrained-escape-law': { needs: undertrainedNeeds, evaluate: withCalibrationNote(evaluateUndertrained, finding('controls.law-rule-uncalibrated', {})) },
  'sgld-noise-adds-to-temperature': { needs: sgdNoiseNeeds, evaluate: evaluateSgdNoiseAddsToT },
};
