import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS_PATH, type Claim, type Ledger } from '../../src/claims/ledger.ts';
import { EVALUATOR_PARAMS, checkLedger, claimProblem, loadLedger } from '../../src/claims/ledger-check.ts';
import { EVALUATORS } from '../../src/claims/evaluators.ts';
import { GoldenFileError } from '../../src/io/index.ts';
import { tempDirs } from '../io/temp-dirs.ts';

const tempDir = tempDirs('ledger-check-');
const ledger = JSON.parse(readFileSync(CLAIMS_PATH, 'utf8')) as Ledger;
const claim = (id: string): Claim => structuredClone(ledger.claims.find((c) => c.id === id)!);
const withParams = (id: string, params: Record<string, unknown>): Claim => ({ ...claim(id), params: { ...claim(id).params, ...params } });

describe('the ledger checked against the evaluators and protocols at load', () => {
  it('the golden ledger passes, and every evaluator has a parameter table', () => {
    expect(loadLedger().claims).toHaveLength(ledger.claims.length);
    expect(Object.keys(EVALUATOR_PARAMS).sort()).toEqual(Object.keys(EVALUATORS).sort());
  });

  it('a typo in the evaluator is refused even with a null pin, where it dropped the claim as "not evaluated"', () => {
    const typo = { ...claim('tau-rank1-trap'), evaluator: 'escape-tme', pinned: null };
    expect(claimProblem(typo)).toMatch(/^evaluator 'escape-tme' does not exist \(known: /);
  });

  it('an unknown protocol, a mistyped stochastic parameter, an unknown or a missing key are refused, naming the field', () => {
    const protocol = claim('tau-rank1-trap');
    expect(claimProblem({ ...protocol, params: { ...protocol.params, protocol: 'rank-one-trap' } })).toMatch(/^params\.protocol 'rank-one-trap' is not a protocol/);
    const printed = ledger.claims.find((c) => 'printedBetaC' in c.params)!;
    expect(claimProblem(withParams(printed.id, { printedBetaC: ['abc', '0.42'] }))).toMatch(/^params\.printedBetaC must be decimal\[\]/);
    expect(claimProblem(withParams('beta-c-mode1', { etaa: '0.8' }))).toMatch(/^params\.etaa is not read by evaluator 'critical-beta'/);
    const { eta: _eta, ...rest } = claim('beta-c-mode1').params;
    expect(claimProblem({ ...claim('beta-c-mode1'), params: rest })).toMatch(/^params\.eta is missing/);
    expect(claimProblem(withParams('beta-c-mode1', { eta: 0.8 }))).toMatch(/^params\.eta must be decimal .*, not number/);
  });

  it('a figure id the audit does not draw is refused, where it reached results.json as a dead link', () => {
    const figure = claim('tau-random-init');
    expect(claimProblem({ ...figure, figures: ['fig-1a-trapping', 'fig-1a-traping'] })).toMatch(/^figures\[1\] 'fig-1a-traping' is not a figure the audit draws \(.*fig-1a-trapping/);
    expect(claimProblem({ ...figure, figures: ['fig-1a-trapping', 'phase-diagram-eq1', 'checkpoint-sensitivity-rank1-trap'] })).toBeNull();
  });

  it('loadLedger refuses with one GoldenFileError naming the file, the claim and its index', () => {
    const dir = tempDir();
    const bad = structuredClone(ledger);
    bad.claims[3] = { ...bad.claims[3]!, evaluator: 'no-such-evaluator', pinned: null };
    writeFileSync(join(dir, 'claims.json'), JSON.stringify(bad));
    expect(() => loadLedger(join(dir, 'claims.json'))).toThrow(GoldenFileError);
    expect(() => loadLedger(join(dir, 'claims.json'))).toThrow(new RegExp(`claims\\.json: claim '${bad.claims[3]!.id}' \\(/claims/3\\): evaluator 'no-such-evaluator'`));
    expect(() => checkLedger(ledger, 'x')).not.toThrow();
  });
});
