import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { TRAPPING_EVALUATORS } from '../../../src/claims/trapping/index.ts';
import { INVARIANCE_CALIBRATION } from '../../../src/claims/controls/sgld-sweeps.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText, wordsOf } from '../evidence-words.ts';
import type { Finding } from '../../../src/claims/index.ts';

// The headline that headedBySgd (controls) puts before a kinetic reading, and its calibration line: the controls
// subject's words, not this subject's.
const CONTROLS_WORDS = new Set<unknown>([INVARIANCE_CALIBRATION, 'not reproducible as specified', 'no SGD escape to read within the budget']);

describe('the trapping claims return findings, not sentences', () => {
  const claims = loadLedger().claims.filter((c) => c.evaluator in TRAPPING_EVALUATORS);

  it.each(claims.map((c) => [c.id, c] as const))('%s: every evidence line and reading note is a finding', (_id, claim) => {
    const evaluation = evaluateClaim(claim, recordedResults()).evaluation!;
    expect(evaluation.evidence.filter((x) => typeof x === 'string' && !CONTROLS_WORDS.has(x))).toEqual([]);
    expect(evaluation.readings.map((r) => r.note).filter((n) => typeof n === 'string' && !CONTROLS_WORDS.has(n))).toEqual([]);
    // Every finding has its words.
    expect(evidenceText(evaluation).every((line) => line.length > 0)).toBe(true);
    for (const r of evaluation.readings) if (r.note !== undefined) expect(wordsOf(r.note)!.length).toBeGreaterThan(0);
  });

  it.each(claims.map((c) => [c.id, c] as const))('%s: what would decide it, what was measured and why it is not reproducible are findings', (_id, claim) => {
    const evaluation = evaluateClaim(claim, recordedResults()).evaluation!;
    const fields = [evaluation.wouldDecide, evaluation.measured, evaluation.notReproducible].filter((x) => x !== undefined);
    expect(fields.filter((x) => typeof x === 'string')).toEqual([]);
    for (const field of fields) expect(wordsOf(field as Finding)!.length).toBeGreaterThan(0);
  });
});
