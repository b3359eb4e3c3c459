import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { claimOf as claim } from '../claim-of.ts';
import { evidenceText, plainSentences } from '../evidence-words.ts';

// Every statistical verdict in the kinetics, kramers-langer, staged, phase-diagram, nonlinear and controls folders
// states its calibration: a `rule` with size and power, or a "Calibration:" line saying why it has none.
const IDS = [
  'arrhenius-r2', 'delta-e-eff', 'batch-size-collapse', 'one-way-jump-memoryless', 'one-way-jump-arrhenius', 'one-way-jump-slope-barrier',
  'escape-time-grows-with-beta', 'deeper-networks-longer-delays', 'multiplicative-noise-keeps-linear', 'gradient-noise-inverse-batch',
  'phase-diagram-transitions', 'beta-c-mode2-appendix-b', 'phase-diagram-decreasing-sweep', 'figure3-offset-output-bias',
  'staged-rank-drops', 'staged-plateau-order', 'staged-plateau-timing', 'staged-escape-sequence',
  'nonlinear-hysteresis', 'nonlinear-noise-off-low-rank', 'nonlinear-escape',
  'control-one-mode-kramers', 'control-network-barrier-factor', 'control-depth-escape-time', 'undertrained-escape-law', 'sgld-noise-adds-to-temperature',
];

describe('calibration beside every statistical verdict', () => {
  it.each(IDS)('%s states its rule\'s size and power, or why it has none', (id) => {
    const e = evaluateClaim(claim(id), recordedResults()).evaluation!;
    const stated = e.rule !== undefined || evidenceText(e).some((l) => /Calibration|synthetic replications per truth|calibrat/.test(l));
    expect(stated).toBe(true);
  });

  it.each(IDS.filter((id) => id.startsWith('control-') || ['undertrained-escape-law', 'sgld-noise-adds-to-temperature'].includes(id)))('%s gives its evidence, notes and what would decide it as findings, its calibration line among them', (id) => {
    const e = evaluateClaim(claim(id), recordedResults()).evaluation!;
    expect(plainSentences(e)).toEqual([]);
  });
});
