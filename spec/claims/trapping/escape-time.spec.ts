import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { EVALUATORS } from '../../../src/claims/evaluators.ts';
import { escapeStatistics } from '../../../src/claims/common/escape-statistics.ts';
import { withinBudgetReading } from '../../../src/claims/trapping/escape-time.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText, wordsOf } from '../evidence-words.ts';

const IDS = ['tau-random-init', 'tau-rank1-trap', 'tau-trivial-trap-first', 'tau-trivial-trap-total', 'sparse-escape', 'sparse-gap-closes'];

describe('trapping evaluators (recorded smoke results)', () => {
  it('keep each seed\'s convergence and diagnostic epochs as per-seed data, not as lists in the evidence', () => {
    const results = recordedResults();
    const byId = (id: string) => loadLedger().claims.find((c) => c.id === id)!;
    const random = EVALUATORS[byId('tau-random-init').evaluator]!.evaluate(byId('tau-random-init'), results);
    expect(random.perSeed!.map((p) => p.label)).toEqual(expect.arrayContaining([expect.stringMatching(/test MSE within .* of final$/)]));
    expect(random.evidence.join('\n')).not.toMatch(/convergence epochs \d/);
    const trap = EVALUATORS[byId('tau-rank1-trap').evaluator]!.evaluate(byId('tau-rank1-trap'), results);
    expect(trap.perSeed!.map((p) => p.label)).toEqual(expect.arrayContaining([expect.stringMatching(/^diagnostic, checkpoint: /), expect.stringMatching(/^diagnostic, arithmetic: /)]));
    expect(trap.evidence.join('\n')).not.toMatch(/escape epoch per seed|set aside: seed/);
  });

  it('give every claim a verdict per reading, the headline first, with figures and the diagnostics', () => {
    const results = recordedResults();
    const claims = loadLedger().claims.filter((c) => IDS.includes(c.id));
    expect(claims.map((c) => c.id).sort()).toEqual([...IDS].sort());
    const figureIds = new Set<string>();
    for (const claim of claims) {
      const evaluation = EVALUATORS[claim.evaluator]!.evaluate(claim, results);
      expect(evaluation.verdict).toBe(evaluation.readings[0]!.verdict);
      expect(evaluation.value).toBe(evaluation.readings[0]!.value);
      const labels = evaluation.readings.map((r) => r.label);
      expect(new Set(labels).size).toBe(labels.length);
      expect(labels[0]).toMatch(claim.id.startsWith('sparse') ? /^B = 64 as written, a data set per seed/ : /^a data set per seed, /);
      if (evaluation.verdict === 'inconclusive' && claim.kind === 'stochastic' && claim.id !== 'sparse-gap-closes') expect(evaluation.wouldDecide).toBeTruthy();
      for (const f of evaluation.figures ?? []) {
        expect(JSON.stringify(f.spec)).toMatch(/"values":\[/);
        figureIds.add(f.id);
      }
      if (claim.id !== 'tau-random-init' && claim.evaluator !== 'train-test-gap') expect(evidenceText(evaluation).some((line) => line.startsWith('Diagnostic (b)'))).toBe(true);
    }
    expect([...figureIds].sort()).toEqual(
      ['checkpoint-sensitivity-rank1-trap', 'checkpoint-sensitivity-sparse', 'checkpoint-sensitivity-trivial-trap', 'fig-1a-trapping', 'fig-1b-sparse', 'survival-sparse', 'survival-trapping'].sort(),
    );
  });

  it('never calls a lower bound reproduced when no trapped run escaped', () => {
    const claim = loadLedger().claims.find((c) => c.id === 'tau-trivial-trap-total')!;
    const evaluation = EVALUATORS[claim.evaluator]!.evaluate(claim, recordedResults());
    for (const reading of evaluation.readings) {
      if (/0 escaped/.test(wordsOf(reading.note) ?? '')) expect(reading.verdict).toBe('inconclusive');
    }
  });
});

describe('the within-budget reading of "τ > bound" (Fig. 1a)', () => {
  const outcomes = (epochs: (number | null)[]) => epochs.map((escapeEpoch, seed) => ({ seed, trapped: true, escapeEpoch, budget: 20_000 }));

  it('deviates when no trapped run escapes although half would have within the budget', () => {
    const r = withinBudgetReading(escapeStatistics(outcomes(Array(30).fill(null)), 1e-6), 'x', '7000', []);
    expect(r.verdict).toBe('deviates');
  });

  it('is reproduced when the escape median lies between the bound and the budget, inconclusive on too few runs', () => {
    const late = outcomes([8000, 9000, 10_000, 11_000, 12_000, 13_000, null, null]);
    expect(withinBudgetReading(escapeStatistics(late, 1e-6), 'x', '7000', []).verdict).toBe('reproduced');
    expect(withinBudgetReading(escapeStatistics(outcomes([null, null]), 1e-6), 'x', '7000', []).verdict).toBe('inconclusive');
  });
});
