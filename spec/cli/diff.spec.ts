import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiff, roundedPair } from '../../src/cli/diff.ts';
import { drifted, FIXTURE_RESULTS, fixtureResults } from '../report/fixture.ts';
import { runCli } from './run-cli.ts';

function recorded(results: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'diff-')), 'results.json');
  writeFileSync(path, JSON.stringify(results));
  return path;
}

describe('metastable diff', () => {
  it('exits 0 and says so when nothing moved, reading a folder as its results.json', async () => {
    const { code, stdout } = await runCli('diff', FIXTURE_RESULTS, dirname(FIXTURE_RESULTS));
    expect(code).toBe(0);
    expect(stdout).toContain('Nothing moved');
  });

  it('summarises first, then lists what moved, rounded, with the difference in tolerance units, and exits 1', async () => {
    const { code, stdout } = await runCli('diff', FIXTURE_RESULTS, recorded(drifted()));
    expect(code).toBe(1);
    expect(stdout.split('\n')[2]).toBe('1 claim(s) moved: 1 in verdict, 0 in value only.');
    expect(stdout).toContain('Verdict moved:\nbeta-c-mode1 (analytic, tolerance ± 0.005 (printed digits))\n  verdict: deviates → reproduced\n');
    expect(stdout).toContain('  value: 0.4105 → 0.4205 (+0.01 = 2.00 tolerance units)');
  });

  it('--json gives the same comparison as data, unrounded', async () => {
    const { code, stdout } = await runCli('diff', FIXTURE_RESULTS, recorded(drifted()), '--json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.verdictMoved.map((d: { id: string }) => d.id)).toEqual(['beta-c-mode1']);
    expect(report.valuesMoved).toEqual([]);
    expect(JSON.stringify(report)).toContain('0.42054863470120451248');
  });

  it('rounds a pair to the fewest digits (at least 4) that tell it apart', () => {
    expect(roundedPair('0.41825624999999983', '0.41707031249999993')).toEqual(['0.4183', '0.4171']);
    expect(roundedPair('1.00000012', '1.00000034')).toEqual(['1.0000001', '1.0000003']);
    expect(roundedPair('reproduced', 'deviates')).toEqual(['reproduced', 'deviates']);
  });

  it('names claims present on one side only, and warns when the profiles differ', () => {
    const b = fixtureResults();
    b.profile = 'quick';
    b.claims = b.claims.slice(1);
    const { text, moved } = formatDiff(fixtureResults(), b, ['a', 'b']);
    expect(moved).toBe(1);
    expect(text).toContain('beta-c-mode1: only in A');
    expect(text).toContain('Note: the profiles differ');
  });

  it('rejects a missing or malformed file with one line and exit code 2', async () => {
    for (const bad of [join(tmpdir(), 'no-such-dir', 'results.json'), recorded({ paper: 'x' })]) {
      const { code, stdout, stderr } = await runCli('diff', FIXTURE_RESULTS, bad);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    expect((await runCli('diff', FIXTURE_RESULTS)).code).toBe(2);
  });
});
