import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/claims/index.ts';
import { listClaims } from '../../src/cli/list.ts';
import { expectRefused, runCli } from './run-cli.ts';

describe('metastable list', () => {
  it('prints every claim of the ledger, one a line, the id first and tab-separated', async () => {
    const { code, stdout } = await runCli('list');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(loadLedger().claims.length);
    expect(lines.map((l) => l.split('\t')[0])).toEqual(loadLedger().claims.map((c) => c.id));
  });

  it('filters by pattern, kind and pinned verdict', () => {
    const claims = loadLedger().claims;
    const tau = listClaims(claims, ['tau-*'], {});
    expect(tau.length).toBeGreaterThan(1);
    expect(tau.every((c) => c.id.startsWith('tau-'))).toBe(true);
    const stochasticDeviates = listClaims(claims, [], { kind: 'stochastic', pinned: 'deviates' });
    expect(stochasticDeviates.length).toBeGreaterThan(0);
    expect(stochasticDeviates.every((c) => c.kind === 'stochastic' && c.pinned?.verdict === 'deviates')).toBe(true);
  });

  it('--json gives the same claims as data', async () => {
    const { stdout } = await runCli('list', 'beta-c-*', '--json');
    const rows = JSON.parse(stdout) as { id: string; kind: string; pinned: string }[];
    expect(rows.map((r) => r.id)).toEqual(listClaims(loadLedger().claims, ['beta-c-*'], {}).map((c) => c.id));
    expect(rows[0]).toHaveProperty('pinned');
  });

  it('refuses a pattern that matches nothing, and an unknown kind', async () => {
    await expectRefused('list', ['zz-*'], /^metastable: list: no claim id matches 'zz-\*'/);
    await expectRefused('list', ['--kind', 'magic'], /^metastable: option '--kind <KIND>' argument 'magic' is invalid/);
  });
});
