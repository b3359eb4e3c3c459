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
    const lines = formatVerdictTable(claims, { colour: false }).trimEnd().split('\n');
    expect(lines).toHaveLength(claims.length + 1);
    expect(lines.find((l) => l.startsWith('beta-c-mode1 '))).toMatch(/deviates\s+0\.42\s+Eq\. 2: 0\.4105 · Eq\. 1: 1\.232/);
    expect(lines.find((l) => l.startsWith('phase-structure-at-0-32 '))).toMatch(/Eq\. 2: deviates · Eq\. 1: reproduced/);
  });

  it('puts the claims that are not reproduced first, ledger order within a verdict', () => {
    const ids = formatVerdictTable(claims, { colour: false }).trimEnd().split('\n').slice(1).map((l) => l.split(' ')[0]);
    const outcomes = ids.map((id) => claims.find((c) => c.id === id)!.outcome);
    const firstReproduced = outcomes.indexOf('reproduced');
    expect(firstReproduced).toBeGreaterThan(0);
    expect(outcomes.slice(firstReproduced).every((o) => o === 'reproduced')).toBe(true);
    expect(ids.filter((id) => claims.find((c) => c.id === id)!.outcome === 'deviates')).toEqual(claims.filter((c) => c.outcome === 'deviates').map((c) => c.id));
  });

  it('cuts every line to the width, coloured or not', () => {
    for (const colour of [false, true]) {
      const lines = formatVerdictTable(claims, { colour, width: 80 }).trimEnd().split('\n');
      expect(Math.max(...lines.map((l) => l.replace(/\u001b\[\d+m/g, '').length))).toBeLessThanOrEqual(80);
      expect(lines.some((l) => l.endsWith('…'))).toBe(true);
    }
  });

  it('colours verdicts only when asked', () => {
    expect(formatVerdictTable(claims, { colour: false })).not.toContain('\u001b[');
    expect(formatVerdictTable(claims, { colour: true })).toContain('\u001b[');
  });
});
