import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiff } from '../../src/cli/diff.ts';
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

  it('lists what moved with the difference in tolerance units, and exits 1', async () => {
    const { code, stdout } = await runCli('diff', FIXTURE_RESULTS, recorded(drifted()));
    expect(code).toBe(1);
    expect(stdout).toContain('beta-c-mode1 (analytic, tolerance ± 0.005 (printed digits))\n  verdict: deviates → reproduced\n');
    expect(stdout).toContain('  value: 0.41054863470120451248 → 0.42054863470120451248 (+0.01 = 2.00 tolerance units)');
    expect(stdout).toMatch(/1 claim\(s\) moved\.\n$/);
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
