import { describe, expect, it } from 'vitest';
import { inKramersRegime, langerLnTau } from '../../../src/claims/controls/network-kramers.ts';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ExperimentResults, KramersControlResult } from '../../../src/experiments/index.ts';
import { censoredRuns, exponentialDraw, seededUniform } from '../../stats/simulate.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText, wordsOf, plainSentences } from '../evidence-words.ts';

const claim = loadLedger().claims.find((c) => c.id === 'control-network-kramers')!;

/**
 * The recorded smoke control with every temperature's runs drawn exponential, 200 per temperature (the smoke data set
 * has two temperatures in the regime), with
 * ln τ = Langer's ln τ at T with the barrier × `factor`, moved by a constant (the prefactor need not be right).
 */
function synthetic(factor: number): KramersControlResult {
  const base = recordedResults().networkKramers();
  return {
    ...base,
    runsPerPoint: 200,
    dataSets: base.dataSets.map((d, k) => ({
      ...d,
      points: d.points.map((p, i) => {
        const lnTau = langerLnTau(d.analysis, p.temperature) + (factor - 1) * (d.analysis.lossDifference / p.temperature) + 1;
        return { ...p, runs: censoredRuns(exponentialDraw(seededUniform(100 * k + i), Math.exp(lnTau)), 200, 1e9) };
      }),
    })),
  };
}

function withControl(control: KramersControlResult): ExperimentResults {
  return { ...recordedResults(), networkKramers: () => control };
}

describe('the full-batch Langevin control (control-network-kramers)', () => {
  it('is reproduced when escape times follow Langer\'s law with the data set\'s own barrier', () => {
    const e = evaluateClaim(claim, withControl(synthetic(1))).evaluation!;
    expect(e.verdict).toBe('reproduced');
    expect(Number(e.value)).toBeGreaterThan(0.75);
    expect(Number(e.value)).toBeLessThan(1.25);
    expect(plainSentences(e)).toEqual([]);
  });

  it('deviates when the times grow with 0.6 of the barrier', () => {
    const e = evaluateClaim(claim, withControl(synthetic(0.6))).evaluation!;
    expect(e.verdict).toBe('deviates');
    expect(Number(e.value)).toBeLessThan(0.75);
  });

  it('reads the plain law below the Langer one when the truth carries the zero modes\' T-power (plain slope = ΔE − (Δn0/2)·T̄)', () => {
    const e = evaluateClaim(claim, withControl(synthetic(1))).evaluation!;
    const [langer, , plain] = e.readings;
    expect(Number(plain!.value)).toBeLessThan(Number(langer!.value));
  });

  it('chooses the regime by theory alone: the same temperatures whatever the runs', () => {
    const control = recordedResults().networkKramers();
    const d = control.dataSets[0]!;
    const inRegime = d.points.map((p) => inKramersRegime(d.analysis, p.temperature, control.regimeFactor));
    // Colder is longer: once a temperature is in the regime every colder one is too.
    expect(inRegime).toEqual([...inRegime].sort((a, b) => Number(a) - Number(b)));
    expect(inRegime.some(Boolean)).toBe(true);
    expect(inRegime.every(Boolean)).toBe(false);
    const e1 = evaluateClaim(claim, withControl(synthetic(1))).evaluation!;
    const e2 = evaluateClaim(claim, withControl(synthetic(0.6))).evaluation!;
    expect(evidenceText(e1).filter((l) => /outside the regime/.test(l)).join()).toMatch(/outside the regime/);
    expect((evidenceText(e1).join().match(/outside the regime/g) ?? []).length).toBe((evidenceText(e2).join().match(/outside the regime/g) ?? []).length);
  });

  it('gives the recorded smoke run a verdict under every reading, with its calibration and figure', () => {
    const e = evaluateClaim(claim, recordedResults()).evaluation!;
    expect(e.readings).toHaveLength(5);
    expect(e.readings[1]!.label).toMatch(/pooled over the data sets/);
    expect(e.readings[0]!.label).toMatch(/^Langer: .*Kramers regime/);
    expect(e.figures?.[0]?.id).toBe('control-network-kramers');
    expect(evidenceText(e).join('\n')).toMatch(/Data seed 42 .*ΔE = .* on its own sample/);
    expect(plainSentences(e)).toEqual([]);
    expect(wordsOf(e.wouldDecide)).toMatch(/^a narrower interval on data seed 42 \(\d+ temperatures in the regime\): more noise seeds per temperature, or colder temperatures inside the budget$/);
  });
});
