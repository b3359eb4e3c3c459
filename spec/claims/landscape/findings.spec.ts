// Every landscape claim's evidence and reading notes are findings, data with a kind, and read as their words.
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { LANDSCAPE_EVALUATORS } from '../../../src/claims/landscape/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText, wordsOf, plainSentences } from '../evidence-words.ts';

const claims = loadLedger().claims.filter((c) => c.evaluator in LANDSCAPE_EVALUATORS);

describe('landscape evidence as findings', () => {
  it.each(claims.map((c) => [c.id, c] as const))('%s: no line of evidence, note, what would decide or why not reproducible is a sentence made in the evaluator', (_, claim) => {
    const e = evaluateClaim(claim, recordedResults()).evaluation!;
    expect(e.evidence.filter((x) => typeof x === 'string')).toEqual([]);
    expect(e.readings.filter((r) => typeof r.note === 'string')).toEqual([]);
    expect(plainSentences(e)).toEqual([]);
    expect(evidenceText(e).every((line) => line.length > 0)).toBe(true);
    expect(e.readings.every((r) => r.note === undefined || wordsOf(r.note)!.length > 0)).toBe(true);
  });
});
