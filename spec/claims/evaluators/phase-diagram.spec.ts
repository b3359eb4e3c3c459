import { describe, expect, it } from 'vitest';
import { evaluatePhaseDiagramSweep } from '../../../src/claims/evaluators/phase-diagram.ts';
import { EVALUATORS } from '../../../src/claims/evaluators/index.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { recordedResults } from '../../fixtures/recorded.ts';

describe('phase-diagram-sweep evaluator (recorded smoke results)', () => {
  const claim = loadLedger().claims.find((c) => c.id === 'phase-diagram-transitions')!;
  const evaluation = evaluatePhaseDiagramSweep(claim, recordedResults());

  it('is registered under the claim’s evaluator name', () => {
    expect(claim.evaluator).toBe('phase-diagram-sweep');
    expect(EVALUATORS['phase-diagram-sweep']!.evaluate).toBe(evaluatePhaseDiagramSweep);
  });

  it('reads each sweep direction and each Eq. 3 basis against the printed value of its mode (paired by size)', () => {
    const labels = evaluation.readings.map((r) => r.label);
    expect(labels[0]).toBe('up (App. A): both transitions');
    expect(labels).toContain('up (App. A): η = 0.9 vs 0.42');
    expect(labels).toContain('up (App. A): η = 0.8 vs 0.36');
    expect(labels).toContain('down (App. B): η = 0.8 vs 0.36');
    expect(labels).toContain('down, perturbed (ours): η = 0.9 vs 0.42');
    expect(labels.filter((l) => l.startsWith('Eq. 3'))).toHaveLength(6);
    expect(evaluation.verdict).toBe(evaluation.readings[0]!.verdict);
  });

  it('calls the plain down sweep deviating (it never re-learns a mode) and three seeds inconclusive for the up sweep', () => {
    const byLabel = new Map(evaluation.readings.map((r) => [r.label, r]));
    expect(byLabel.get('down (App. B): η = 0.9 vs 0.42')!.verdict).toBe('deviates');
    expect(byLabel.get('down (App. B): η = 0.9 vs 0.42')!.value).toBeNull();
    // Three data seeds give a 1 − 10⁻⁶ t interval far wider than ± 0.005.
    expect(byLabel.get('up (App. A): η = 0.9 vs 0.42')!.verdict).toBe('inconclusive');
    expect(evaluation.verdict).toBe('inconclusive');
    expect(evaluation.wouldDecide).toMatch(/seeds/);
    // Eq. 3 on the population η is exact: 0.4105 is outside 0.42 ± 0.005.
    expect(byLabel.get('Eq. 3 on population η: η = 0.9 vs 0.42')!.verdict).toBe('deviates');
  });

  it('carries the Fig. 3 figure drawn from its own sweeps', () => {
    expect(evaluation.figures?.map((f) => f.id)).toEqual(['fig-3-phase-diagram']);
    expect(JSON.stringify(evaluation.figures?.[0]?.spec)).toMatch(/"values":\[/);
  });
});
