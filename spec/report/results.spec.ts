import { describe, expect, it } from 'vitest';
import { GoldenFileError } from '../../src/io/validated-json.ts';
import { loadLedger } from '../../src/claims/ledger.ts';
import { evaluatedNonStochastic, tolerancesOf } from '../claims/without-experiments.ts';
import { buildResults, serialiseResults } from '../../src/report/results.ts';

// The analytic and consistency claims; the stochastic ones have specs of their own.
const evaluated = evaluatedNonStochastic(loadLedger().claims.filter((c) => c.kind !== 'stochastic'));

describe('results.json', () => {
  const results = buildResults(evaluated, 'smoke', [], tolerancesOf(evaluated));

  it('counts every claim once in the summary', () => {
    const s = results.summary;
    expect(s.reproduced + s.deviates + s.inconsistent + s.inconclusive + s['not evaluated'] + (s.arithmetic ?? 0)).toBe(results.claims.length);
    expect(s.drift).toBe(0);
  });

  it('validates against its schema, and refuses a record that does not', () => {
    expect(JSON.parse(serialiseResults(results)).claims).toHaveLength(results.claims.length);
    const broken = structuredClone(results);
    (broken.claims[0] as unknown as Record<string, unknown>).outcome = 'passed';
    expect(() => serialiseResults(broken)).toThrow(GoldenFileError);
  });
});
