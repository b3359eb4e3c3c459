import { describe, expect, it } from 'vitest';
import { decideSingleDataSet, evaluatePhaseDiagramSweep, singleDataSetCalibration } from '../../../src/claims/phase-diagram/sweep.ts';
import { DEFAULT_ALPHA } from '../../../src/stats/index.ts';
import { EVALUATORS } from '../../../src/claims/evaluators.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText } from '../evidence-words.ts';

describe('phase-diagram-sweep evaluator (recorded smoke results)', () => {
  const claim = loadLedger().claims.find((c) => c.id === 'phase-diagram-transitions')!;
  const evaluation = evaluatePhaseDiagramSweep(claim, recordedResults());

  it('is registered under the claim’s evaluator name', () => {
    expect(claim.evaluator).toBe('phase-diagram-sweep');
    expect(EVALUATORS['phase-diagram-sweep']!.evaluate).toBe(evaluatePhaseDiagramSweep);
  });

  it('reads the up and the kicked sweep against the printed value of each mode (paired by size); Eq. 3 and the plain down sweep are other claims\' judgements', () => {
    const labels = evaluation.readings.map((r) => r.label);
    expect(labels[0]).toBe('up (App. A), one data set: both transitions');
    expect(labels).toContain('up (App. A): η = 0.9 vs 0.42');
    expect(labels).toContain('up (App. A): η = 0.8 vs 0.36');
    expect(labels).toContain('down, perturbed (ours): η = 0.9 vs 0.42');
    expect(labels.filter((l) => l.startsWith('Eq. 3') || l.startsWith('down (App. B)'))).toHaveLength(0);
    expect(evidenceText(evaluation).some((l) => l.includes('phase-diagram-decreasing-sweep'))).toBe(true);
    expect(evaluation.verdict).toBe(evaluation.readings[0]!.verdict);
    expect(evaluation.rule).toBeDefined();
  });

  it('calls three seeds inconclusive for the mean of the up sweep', () => {
    const byLabel = new Map(evaluation.readings.map((r) => [r.label, r]));
    // Three data seeds give a 1 − 10⁻⁶ t interval far wider than ± 0.005.
    expect(byLabel.get('up (App. A): η = 0.9 vs 0.42')!.verdict).toBe('inconclusive');
    // The headline is Fig. 3's own kind of reading, one sweep on one data set, which three seeds can give.
    const single = evaluation.readings.filter((r) => r.label.startsWith('up (App. A), one data set: η'));
    expect(single).toHaveLength(2);
    expect(evaluation.verdict).toBe(single.every((r) => r.verdict === 'reproduced') ? 'reproduced' : single.some((r) => r.verdict === 'deviates') ? 'deviates' : 'inconclusive');
  });

  it('carries the Fig. 3 figure drawn from its own sweeps', () => {
    expect(evaluation.figures?.map((f) => f.id)).toEqual(['fig-3-phase-diagram']);
    expect(JSON.stringify(evaluation.figures?.[0]?.spec)).toMatch(/"values":\[/);
  });
});

describe('the per-data-set reading of Fig. 3 (one data set)', () => {
  const band = { value: 0.36, tolerance: 0.005, printed: '0.36' };
  const spread = (centre: number, n = 200) => Array.from({ length: n }, (_, i) => centre + 0.025 * Math.sqrt(3) * (2 * ((i + 0.5) / n) - 1));

  it('returns each verdict', () => {
    expect(decideSingleDataSet(spread(0.345), band, DEFAULT_ALPHA)?.verdict).toBe('reproduced');
    expect(decideSingleDataSet(spread(0.2), band, DEFAULT_ALPHA)?.verdict).toBe('deviates');
    expect(decideSingleDataSet(spread(0.3), band, DEFAULT_ALPHA)?.verdict).toBe('inconclusive');
    expect(decideSingleDataSet([0.34], band, DEFAULT_ALPHA)).toBeNull();
  });

  it('states its figures at 400 data sets: a value one data set prints is reproduced, a value 0.15 away rejected', () => {
    const c = singleDataSetCalibration(400, 0.025, band, DEFAULT_ALPHA);
    expect(c.reproducedWhenTrue).toBe(1);
    expect(c.size).toBe(0);
    expect(c.discrepancy).toBe('± 0.075');
    expect(c.detectable).toBe('± 0.15');
  });
});
