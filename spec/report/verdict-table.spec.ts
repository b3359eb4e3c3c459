import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/claims/ledger.ts';
import { evaluatedNonStochastic, tolerancesOf } from '../claims/without-experiments.ts';
import { buildResults } from '../../src/report/results.ts';
import { formatVerdictTable } from '../../src/report/verdict-table.ts';

// The analytic and consistency claims; the stochastic ones have specs of their own.
const evaluated = evaluatedNonStochastic(loadLedger().claims.filter((c) => c.kind !== 'stochastic'));

describe('the terminal verdict table', () => {
  const { claims } = buildResults(evaluated, 'full', [], tolerancesOf(evaluated));

  it('has one line per claim with the paper\'s value beside ours under each reading', () => {
    const lines = formatVerdictTable(claims, false).trimEnd().split('\n');
    expect(lines).toHaveLength(claims.length + 1);
    expect(lines.find((l) => l.startsWith('beta-c-mode1 '))).toMatch(/deviates\s+0\.42\s+eq2: 0\.410549 · eq1: 1\.23165/);
    expect(lines.find((l) => l.startsWith('phase-structure-at-0-32 '))).toMatch(/eq2: deviates · eq1: reproduced/);
  });

  it('colours verdicts only when asked', () => {
    expect(formatVerdictTable(claims, false)).not.toContain('\u001b[');
    expect(formatVerdictTable(claims, true)).toContain('\u001b[');
  });
});
