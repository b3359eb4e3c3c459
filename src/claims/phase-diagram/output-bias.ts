// Appendix B's explanation of the phase diagram's offset from Eq. 3: "The small offset from the theoretical values
// reflects the bias of the output distribution".
import type { ExperimentRequest, ExperimentResults } from '../../experiments/index.ts';
import { tIntervalOfMean } from '../../stats/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, Reading, Verdict } from '../verdict.ts';
import { finding, type Finding } from '../finding.ts';

import { ALPHA } from '../common/typicality.ts';
import { decimalListParam } from '../common/params.ts';

export function outputBiasNeeds(): ExperimentRequest[] {
  return [{ experiment: 'phase-diagram' }];
}

/**
 * Read as: Eq. 3 on the training sample's own singular values (the sample's bias) against Eq. 3 on the population.
 * For each printed transition, the 1 − α t interval of the shift over data seeds: `reproduced` when it lies on the
 * side of the printed value (the explanation moves Eq. 3 towards the printed number), `deviates` when on the other,
 * else `inconclusive`. Also read for the located (up-sweep) transition. The rule states no size and power of its own:
 * its last line says why (REPRODUCE.md, "Calibrated rules").
 */
export function evaluateOutputBias(claim: Claim, results: ExperimentResults): Evaluation {
  const printed = decimalListParam(claim, 'printedBetaC').map(Number).sort((a, b) => b - a); // level 1 = η1 (larger βc)
  const records = results.phaseDiagram();
  const evidence: Finding[] = [];
  const readings: Reading[] = [];
  const levels = printed.map((_, i) => i + 1).reverse(); // the lower transition (the paper's 0.36) first
  for (const level of levels) {
    const target = printed[level - 1]!;
    const population = records[0]!.criticalBeta.population[level - 1]!;
    const direction = Math.sign(target - population);
    const series: [string, number[]][] = [
      ['Eq. 3 on the raw sample Σ̂yx', records.map((r) => r.criticalBeta.raw[level - 1]! - population)],
      ['Eq. 3 on the whitened sample', records.map((r) => r.criticalBeta.whitened[level - 1]! - population)],
      ['located, up sweep', records.flatMap((r) => {
        const t = r.sweeps.find((s) => s.direction === 'up')?.transitions.find((x) => x.level === level)?.beta;
        return t === undefined ? [] : [t - population];
      })],
    ];
    for (const [what, shifts] of series) {
      const label = `${target}: ${what}`;
      if (shifts.length < 2) {
        readings.push({ label, value: null, verdict: 'inconclusive', note: finding('phase-diagram.too-few-seeds', { seeds: shifts.length }) });
        continue;
      }
      const i = tIntervalOfMean(shifts, ALPHA);
      const verdict: Verdict = i.lower * direction > 0 ? 'reproduced' : i.upper * direction < 0 ? 'deviates' : 'inconclusive';
      readings.push({ label, value: String(i.estimate), verdict });
      evidence.push(
        finding('phase-diagram.output-shift', { printed: target, population, series: what, shift: { estimate: i.estimate, lower: i.lower, upper: i.upper }, seeds: shifts.length, verdict }),
      );
    }
  }
  evidence.push(finding('phase-diagram.output-bias-reading', {}), finding('phase-diagram.output-bias-calibration', {}));
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence };
}
