// Every claim the paper's own text decides gives its evidence as findings, data with a kind, read as their words.
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { TEXT_EVALUATORS } from '../../../src/claims/text/index.ts';
import { NO_EXPERIMENTS } from '../without-experiments.ts';
import { evidenceText, plainSentences } from '../evidence-words.ts';

const claims = loadLedger().claims.filter((c) => c.evaluator in TEXT_EVALUATORS);

describe('text evidence as findings', () => {
  it.each(claims.map((c) => [c.id, c] as const))('%s: no line of evidence, note, what would decide or why not reproducible is a sentence made in the evaluator', (_, claim) => {
    const e = evaluateClaim(claim, NO_EXPERIMENTS).evaluation!;
    expect(e.evidence.filter((x) => typeof x === 'string')).toEqual([]);
    expect(e.readings.filter((r) => r.note !== undefined)).toEqual([]);
    expect(plainSentences(e)).toEqual([]);
    expect(evidenceText(e).every((line) => line.length > 0)).toBe(true);
  });

  it('words a quotation of the paper as the ledger gives it, inside the audit\'s own sentence', () => {
    const e = evaluateClaim(claims.find((c) => c.id === 'appendix-g-nonlinear')!, NO_EXPERIMENTS).evaluation!;
    expect(evidenceText(e)[0]).toBe('Section 2.1 promises: saddle-node bifurcations; coexisting phases; Arrhenius escape.');
  });
});
