// The barriers behind the reported escapes: each evaluator can return each of its verdicts.
import { describe, expect, it } from 'vitest';
import { evaluateBarrierOrder, evaluateSaddleBarrier, evaluateSparseBarrier } from '../../../src/claims/landscape/escape-barriers.ts';
import type { ExperimentResults } from '../../../src/experiments/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { claimOf as claim, variantOf as variant } from '../claim-of.ts';
import { evidenceText } from '../evidence-words.ts';

describe('eq10-minimal-barrier: Eq. 10 is the network\'s lowest exit from the rank-1 minimum', () => {
  it('is reproduced: the network saddle lies ΔE above the minimum to rounding, and the exit towards rank 0 is higher', () => {
    const e = evaluateSaddleBarrier(claim('eq10-minimal-barrier'), recordedResults());
    expect(e.verdict).toBe('reproduced');
    expect(Number(e.value)).toBeCloseTo(0.028453461730578, 12);
    expect(Math.abs(Number(e.readings[0]!.difference))).toBeLessThan(1e-14);
    expect(evidenceText(e).join(' ')).toMatch(/Hessian index 1/);
  });

  it('deviates when the point is not an index-1 saddle, or when the other exit is the lower', () => {
    const recorded = recordedResults();
    const report = recorded.kramersLanger(0.32);
    const twisted = { ...recorded, kramersLanger: () => ({ ...report, population: { ...report.population, saddle: { ...report.population.saddle, index: 2 } } }) } as ExperimentResults;
    expect(evaluateSaddleBarrier(claim('eq10-minimal-barrier'), twisted).verdict).toBe('deviates');
    // With the modes' roles swapped the exit over the strong mode's saddle would be the one Eq. 10 names, and it is higher.
    expect(evaluateSaddleBarrier(variant('eq10-minimal-barrier', { params: { etas: ['0.8', '0.9'] } }), recorded).verdict).toBe('deviates');
  });
});

describe('sparse-run-barrier: the barrier at β = 0.0025', () => {
  it('deviates under both readings: λsad ≈ 3.1×10⁻⁸ and ΔE ≈ 1.2×10⁻⁸ lie far below the escape criterion σ2 > 10⁻³', () => {
    const e = evaluateSparseBarrier(claim('sparse-run-barrier'));
    expect(e.verdict).toBe('deviates');
    expect(e.readings.map((r) => [r.label, r.verdict])).toEqual([['Eq. 2', 'deviates'], ['Eq. 1', 'deviates']]);
    expect(Number(e.value)).toBeCloseTo(1.2207e-8, 11);
    expect(evidenceText(e)[0]).toMatch(/λsad = 3\.05e-8/);
    expect(evidenceText(e).join(' ')).toMatch(/B ≥ N/);
  });

  it('is reproduced where the saddle lies above the criterion (the dense trap\'s β = 0.32)', () => {
    expect(evaluateSparseBarrier(variant('sparse-run-barrier', { params: { beta: '0.32' } })).readings[0]!.verdict).toBe('reproduced');
  });
});

describe('escape-order-vs-barriers: the printed escape times against the barriers they cross', () => {
  it('is inconsistent: out of rank 0 the lower barrier (0.0214) yet the slower printed escape', () => {
    const e = evaluateBarrierOrder(claim('escape-order-vs-barriers'));
    expect(e.verdict).toBe('inconsistent');
    expect(Number(e.value)).toBeCloseTo(0.021433770099954 / 0.028453461730578, 10);
    expect(e.places).toHaveLength(2);
    expect(evidenceText(e).join(' ')).toMatch(/Caveat/);
  });

  it('agrees when the printed order is the barriers\' order', () => {
    expect(evaluateBarrierOrder(variant('escape-order-vs-barriers', { params: { firstEscape: '4000' } })).verdict).toBe('reproduced');
  });
});
