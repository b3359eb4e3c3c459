import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('metastable reproduce', () => {
  it('writes REPORT.md and results.json, prints the table, and exits 0 when every outcome matches its pin', async () => {
    const out = mkdtempSync(join(tmpdir(), 'reproduce-'));
    const junit = join(out, 'ci', 'junit.xml');
    const { code, stdout, stderr } = await runCli('reproduce', '--out', out, '--profile', 'smoke', '--cache', join(out, 'cache'), '--junit', junit);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^claim\s+kind\s+verdict\s+paper\s+ours/);
    expect(stdout).toMatch(/reproduced, \d+ deviate, \d+ inconsistent/);
    expect(stderr).toMatch(/\[1\/\d+\]/);
    expect(readdirSync(out).sort()).toEqual(expect.arrayContaining(['REPORT.md', 'report.html', 'results.json']));
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.profile).toBe('smoke');
    expect(readFileSync(junit, 'utf8').match(/<testcase /g)).toHaveLength(results.claims.length);
  });

  it('evaluates only the claims named by --only', async () => {
    const out = mkdtempSync(join(tmpdir(), 'reproduce-'));
    const { code } = await runCli('reproduce', '--only', 'beta-c-mode1,delta-e-min', '--out', out, '--no-cache');
    expect(code).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.claims.map((c: { id: string }) => c.id)).toEqual(['beta-c-mode1', 'delta-e-min']);
  });

  it('rejects an unknown claim id, profile or worker count with one line and exit code 2, writing nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'reproduce-')), 'out');
    for (const args of [['--only', 'beta-c-mode1,no-such-claim'], ['--profile', 'huge'], ['--workers', '0']]) {
      const { code, stderr } = await runCli('reproduce', ...args, '--out', out);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe('collectFigures', () => {
  it('keeps the analytic figures and adds each evaluation figure once, by id', async () => {
    const { collectFigures } = await import('../../src/cli/reproduce.ts');
    const fig = (id: string, svg = '<svg/>') => ({ id, title: id, caption: '', svg });
    const evaluation = (ids: string[]) => ({ verdict: 'deviates' as const, value: null, readings: [], evidence: [], figures: ids.map((id) => fig(id, `<svg id="${id}"/>`)) });
    const results = [
      { evaluation: evaluation(['fig-1a', 'survival']) },
      { evaluation: evaluation(['fig-1a']) },
      { evaluation: null },
    ] as unknown as Parameters<typeof collectFigures>[1];
    expect(collectFigures([fig('bifurcation')], results).map((f) => f.id)).toEqual(['bifurcation', 'fig-1a', 'survival']);
  });
});
