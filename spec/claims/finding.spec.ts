import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../src/claims/evaluate.ts';
import { finding } from '../../src/claims/finding.ts';
import { loadLedger } from '../../src/claims/ledger.ts';
import { wordEvidence } from '../../src/report/words/index.ts';
import { recordedResults } from '../fixtures/recorded.ts';

describe('findings as data', () => {
  const claims = loadLedger().claims;

  it.each(claims.map((c) => [c.id, c] as const))('%s: every evidence line, reading note, what would decide, measured estimate and not-reproducible reason is a finding with words of its own', (_id, claim) => {
    const e = evaluateClaim(claim, recordedResults()).evaluation!;
    const marks = [e.wouldDecide, e.measured, e.notReproducible].filter((x) => x !== undefined);
    const items = [...e.evidence, ...e.readings.flatMap((r) => (r.note === undefined ? [] : [r.note])), ...marks];
    expect(items.filter((x) => typeof x === 'string')).toEqual([]);
    for (const item of items) {
      expect(wordEvidence(item)).not.toMatch(/undefined|\[object Object\]/);
      // As data a finding survives results.json: it is plain JSON.
      expect(JSON.parse(JSON.stringify(item))).toEqual(JSON.parse(JSON.stringify(structuredClone(item))));
    }
  });

  it('puts the kind first and the values after it, as given', () => {
    expect(Object.keys(finding('common.escapes-cell', { escapes: null as never }))).toEqual(['kind', 'escapes']);
  });
});
