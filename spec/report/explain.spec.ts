import { describe, expect, it } from 'vitest';
import { closestIds, editDistance, explainClaim } from '../../src/report/explain.ts';
import { loadLedger } from '../../src/claims/index.ts';
import { claimOf, drifted, fixtureResults } from './fixture.ts';

describe('editDistance', () => {
  it('counts single-character edits and is symmetric', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('beta-c-mode1', 'beta-c-mode1')).toBe(0);
    expect(editDistance('beta-c-mod1', 'beta-c-mode1')).toBe(editDistance('beta-c-mode1', 'beta-c-mod1'));
  });
});

describe('closestIds', () => {
  const ids = ['beta-c-mode1', 'beta-c-mode2-appendix-a', 'beta-c-mode2-appendix-b', 'delta-e-min', 'tau-rank1-trap'];

  it('suggests the near ids, nearest first, and the single nearest when none is near', () => {
    expect(closestIds('beta-c-mod1', ids)).toEqual(['beta-c-mode1']);
    expect(closestIds('beta-c-mode2-appendix', ids)).toEqual(['beta-c-mode2-appendix-a', 'beta-c-mode2-appendix-b']);
    expect(closestIds('delta-e-max', ids)).toEqual(['delta-e-min']);
    expect(closestIds('zzz', ids)).toHaveLength(1);
  });

  it('matches word by word: a word the ids begin with, or a misspelt word, finds them over short ids', () => {
    const ledger = loadLedger().claims.map((c) => c.id);
    expect(closestIds('tau', ledger)).toEqual(['tau-rank1-trap', 'tau-random-init', 'tau-trivial-trap-first']);
    expect(closestIds('rank1-trap', ledger)).toEqual(['tau-rank1-trap']);
    expect(closestIds('hysterisis', ledger)).toEqual(['nonlinear-hysteresis', 'hysteresis-window-open']);
    expect(closestIds('delta-e-min', ledger)).toEqual(['delta-e-min']);
  });
});

describe('explainClaim', () => {
  it("shows the paper's words and place, each reading's value and gap, the verdict with its rule, evidence and figures", () => {
    const results = fixtureResults();
    const text = explainClaim(claimOf(results, 'beta-c-mode1'), results, 'out');
    expect(text).toMatch(/^beta-c-mode1 {2}\(analytic, profile smoke\)\n/);
    expect(text).toContain('The paper, Appendices A and B, Fig. 3; Eq. 3:\n  “β = 0.43 > βc(2) = 0.42”  printed value 0.42');
    expect(text).toMatch(/Eq\. 2 {2}0\.41054863470120451248 {2}deviates {2}ours − paper -0\.0094513\d+ = 1\.89 tolerance units/);
    expect(text).toMatch(/Eq\. 1 {2}1\.2316\d+ {2}deviates/);
    expect(text).toContain('Verdict: deviates — it does not agree within the tolerance');
    expect(text).toContain('Rule: tolerance ± 0.005 (printed digits).');
    expect(text).toContain('Pinned outcome: deviates, matched.');
    expect(text).toContain('  - Eq. 2: βc(η = 0.9, L = 3) = 0.4105486347');
    expect(text).toContain('  out/figures/phase-diagram.svg  Global and metastable phases');
    expect(text).toContain('  bifurcation  (not drawn in this run)');
  });

  it('names the places of an inconsistency, what would decide an inconclusive claim, and per-seed values', () => {
    const results = fixtureResults();
    expect(explainClaim(claimOf(results, 'parameter-count-170'), results, 'out')).toContain('The two places that disagree: (1)');
    const tau = explainClaim(claimOf(results, 'tau-rank1-trap'), results, 'out');
    expect(tau).toContain('What would decide it:');
    expect(tau).toContain('Pinned outcome: deviates (for the full profile).');
    expect(tau).toMatch(/43: —, 44: —; excluded 42 \(did not start in the trapped phase/);
  });

  it('says what moved when the claim differs from its pin', () => {
    const results = drifted();
    expect(explainClaim(claimOf(results, 'beta-c-mode1'), results, 'out')).toContain('Moved from its pinned outcome: verdict: deviates → reproduced');
  });
});
