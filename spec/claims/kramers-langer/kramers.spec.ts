import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { plainSentences } from '../evidence-words.ts';

const ledger = loadLedger();
const evaluate = (id: string) => evaluateClaim(ledger.claims.find((c) => c.id === id)!, recordedResults()).evaluation!;

describe('Appendix F from the Hessians and the gradient noise', () => {
  it('finds no component of the SGD noise across the barrier at the trapped state', () => {
    const e = evaluate('sgd-noise-across-barrier');
    expect(e.verdict).toBe('deviates');
    expect(e.value).toBe('0');
    expect(e.figures!.map((f) => f.id)).toEqual(['noise-direction']);
  });

  it('holds the noise share to a stated floor of 1e-12 of tr C: a rounding residue is no noise across the barrier', () => {
    const claim = ledger.claims.find((c) => c.id === 'sgd-noise-across-barrier')!;
    const recorded = recordedResults();
    const withShare = (share: number) => {
      const report = recorded.kramersLanger(0.32);
      const atTrappedSample = report.noise.atTrappedSample.map((n) => (n.epsilon === 0 ? { ...n, ratioOffInvariantSet: share } : n));
      return { ...recorded, kramersLanger: () => ({ ...report, noise: { ...report.noise, atTrappedSample } }) };
    };
    expect(evaluateClaim(claim, withShare(1e-30)).evaluation!.verdict).toBe('deviates');
    expect(evaluateClaim(claim, withShare(1e-13)).evaluation!.verdict).toBe('deviates');
    expect(evaluateClaim(claim, withShare(1e-6)).evaluation!.verdict).toBe('reproduced');
  });

  it('finds the Kramers–Langer slope equal to ΔE, not 50 times it', () => {
    const e = evaluate('barrier-factor-50');
    expect(e.verdict).toBe('deviates');
    expect(Number(e.readings[0]!.value)).toBeCloseTo(1, 10);
    expect(Number(e.readings[2]!.value)).toBeLessThan(1);
    expect(e.figures!.map((f) => f.id)).toEqual(['hessian-spectra']);
  });

  it('finds the saddle stiffer, not softer, in most transverse directions', () => {
    const e = evaluate('saddle-softer-transverse');
    expect(e.verdict).toBe('deviates');
    expect(Number(e.value)).toBeLessThan(0.5);
  });

  it('names both places where Eq. 11 and Eq. 12 disagree, and the temperature scale that makes τ unmeasurable', () => {
    const sign = evaluate('eq11-eq12-sign');
    expect(sign.verdict).toBe('inconsistent');
    expect(sign.places).toHaveLength(2);
    const scale = evaluate('arrhenius-temperature-scale');
    expect(scale.verdict).toBe('inconsistent');
    for (const r of scale.readings) expect(Number(r.value)).toBeGreaterThan(Math.log(20_000));
  });

  it('returns its evidence, notes and marks as findings, not sentences', () => {
    for (const id of ['saddle-softer-transverse', 'sgd-noise-across-barrier', 'eq11-eq12-sign', 'arrhenius-temperature-scale', 'barrier-factor-50']) {
      expect(plainSentences(evaluate(id)), id).toEqual([]);
      expect(plainSentences(evaluate(id)), id).toEqual([]);
    }
  });
});
