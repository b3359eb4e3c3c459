import { describe, expect, it } from 'vitest';
import { globPattern, resolveClaimIds } from '../../src/cli/claim-ids.ts';

const ids = ['beta-c-mode1', 'tau-random-init', 'tau-rank1-trap', 'delta-e-min', 'one-way-jump-slope-barrier'];

describe('claim ids and patterns', () => {
  it('a pattern matches whole ids, * any characters and ? one, nothing else special', () => {
    expect(globPattern('tau-*').test('tau-rank1-trap')).toBe(true);
    expect(globPattern('tau-*').test('x-tau-rank1')).toBe(false);
    expect(globPattern('beta-c-mode?').test('beta-c-mode1')).toBe(true);
    expect(globPattern('a.b').test('axb')).toBe(false);
  });

  it('resolves ids and patterns to ledger ids in ledger order, each once', () => {
    expect(resolveClaimIds('--only', ['delta-e-min', 'tau-*', 'tau-rank1-trap'], ids)).toEqual(['tau-random-init', 'tau-rank1-trap', 'delta-e-min']);
    expect(resolveClaimIds('--only', ['*barrier'], ids)).toEqual(['one-way-jump-slope-barrier']);
  });

  it('refuses a mistyped id or a pattern that matches nothing, naming the closest ids', () => {
    expect(() => resolveClaimIds('--only', ['tau-rank1-trp'], ids)).toThrow("--only: no claim 'tau-rank1-trp'; did you mean tau-rank1-trap? (metastable list shows every id)");
    expect(() => resolveClaimIds('--only', ['taux-*'], ids)).toThrow(/no claim id matches 'taux-\*'; did you mean tau-/);
  });
});
