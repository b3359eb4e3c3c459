import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { EVALUATORS } from '../../../src/claims/evaluators/index.ts';
import { specContext } from '../context.ts';

const IDS = ['tau-random-init', 'tau-rank1-trap', 'tau-trivial-trap-first', 'tau-trivial-trap-total', 'sparse-escape', 'sparse-gap-closes'];

describe('trapping evaluators (smoke profile)', () => {
  it('give every claim a verdict per reading, the headline first, with figures and the diagnostics', async () => {
    const context = specContext('smoke');
    const claims = loadLedger().claims.filter((c) => IDS.includes(c.id));
    expect(claims.map((c) => c.id).sort()).toEqual([...IDS].sort());
    const figureIds = new Set<string>();
    for (const claim of claims) {
      const evaluation = await EVALUATORS[claim.evaluator]!(claim, context);
      expect(evaluation.verdict).toBe(evaluation.readings[0]!.verdict);
      expect(evaluation.value).toBe(evaluation.readings[0]!.value);
      const labels = evaluation.readings.map((r) => r.label);
      expect(new Set(labels).size).toBe(labels.length);
      expect(labels[0]).toMatch(claim.id.startsWith('sparse') ? /^as-written\/per-seed/ : /^per-seed\//);
      if (evaluation.verdict === 'inconclusive' && claim.kind === 'stochastic' && claim.id !== 'sparse-gap-closes') expect(evaluation.wouldDecide).toBeTruthy();
      for (const f of evaluation.figures ?? []) {
        expect(f.svg.startsWith('<svg')).toBe(true);
        figureIds.add(f.id);
      }
      if (claim.id !== 'tau-random-init' && claim.evaluator !== 'train-test-gap') expect(evaluation.evidence.some((line) => line.startsWith('Diagnostic (b)'))).toBe(true);
    }
    expect([...figureIds].sort()).toEqual(
      ['checkpoint-sensitivity-rank1-trap', 'checkpoint-sensitivity-sparse', 'checkpoint-sensitivity-trivial-trap', 'fig-1a-trapping', 'fig-1b-sparse', 'survival-sparse', 'survival-trapping'].sort(),
    );
  });

  it('never calls a lower bound reproduced when no trapped run escaped', async () => {
    const claim = loadLedger().claims.find((c) => c.id === 'tau-trivial-trap-total')!;
    const evaluation = await EVALUATORS[claim.evaluator]!(claim, specContext('smoke'));
    for (const reading of evaluation.readings) {
      if (/0 escaped/.test(reading.note ?? '')) expect(reading.verdict).toBe('inconclusive');
    }
  });
});
