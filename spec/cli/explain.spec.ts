import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_RESULTS } from '../report/fixture.ts';
import { runCli } from './run-cli.ts';

const out = dirname(FIXTURE_RESULTS);

describe('metastable explain', () => {
  it('prints one claim of a recorded results.json, with its figure paths under --out', async () => {
    const { code, stdout, stderr } = await runCli('explain', 'tau-rank1-trap', '--out', out);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^tau-rank1-trap {2}\(stochastic, profile smoke\)/);
    expect(stdout).toContain('Verdict: inconclusive');
    expect(stdout).toContain(join(out, 'figures', 'survival-trapping.svg'));
  });

  it('--json prints the claim record with the profile', async () => {
    const { code, stdout } = await runCli('explain', 'tau-rank1-trap', '--out', out, '--json');
    expect(code).toBe(0);
    const record = JSON.parse(stdout);
    expect(record).toMatchObject({ id: 'tau-rank1-trap', kind: 'stochastic', profile: 'smoke', outcome: 'inconclusive' });
  });

  it('reads out/ by default', async () => {
    const cwd = process.cwd();
    const dir = mkdtempSync(join(tmpdir(), 'explain-'));
    cpSync(out, join(dir, 'out'), { recursive: true });
    process.chdir(dir);
    try {
      const { code, stdout } = await runCli('explain', 'steps-per-epoch-8');
      expect(code).toBe(0);
      expect(stdout).toMatch(/^steps-per-epoch-8 /);
    } finally {
      process.chdir(cwd);
    }
  });

  it('suggests the closest ids for an unknown one, with exit code 2', async () => {
    const { code, stdout, stderr } = await runCli('explain', 'beta-c-mod1', '--out', out);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`metastable: no claim 'beta-c-mod1' in ${join(out, 'results.json')}; did you mean beta-c-mode1?\n`);
  });

  it('says in one line to run reproduce first when there is no results.json, with exit code 2', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'explain-'));
    const { code, stderr } = await runCli('explain', 'beta-c-mode1', '--out', empty);
    expect(code).toBe(2);
    expect(stderr).toBe(`metastable: no results at ${join(empty, 'results.json')}: run \`npm run reproduce\` first\n`);
  });

  it('describes itself under --help', async () => {
    const { code, stdout } = await runCli('explain', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: metastable explain \[options\] <CLAIM-ID>/);
    expect(stdout).toContain('--out <DIR>');
  });
});
