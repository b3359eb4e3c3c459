import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('metastable reproduce', () => {
  it('writes REPORT.md and results.json, prints the table, and exits 0 when every outcome matches its pin', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reproduce-'));
    const out = join(root, 'out');
    const junit = join(root, 'ci', 'junit.xml');
    const { code, stdout, stderr } = await runCli('reproduce', '--out', out, '--profile', 'smoke', '--cache', join(root, 'cache'), '--junit', junit);
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

  it('prints the plan of --only: that claim\'s experiments and nothing else, and runs nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'reproduce-')), 'out');
    const { code, stdout } = await runCli('reproduce', '--only', 'tau-rank1-trap', '--plan', '--profile', 'smoke', '--out', out, '--no-cache');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Plan: 1 claim\(s\), profile smoke: 5 experiment\(s\), 12 job\(s\)\./);
    expect(stdout).toMatch(/trapping runs on the network with biases \(weights-only\/zero-init\)/);
    expect(stdout).toMatch(/rank-1 trap \(Sec\. 3\.1 ii\), checkpoint of 100 epochs per stage \(diagnostic b\)/);
    expect(stdout).not.toMatch(/trivial-phase trap \(Sec\. 3\.1 iii\), float32|sparse|Arrhenius|phase diagram|Appendix F/);
    expect(stdout).toMatch(/^Total: 36 runs \(0 cached\), [\d.]+ k SGD steps, ~\d+ s CPU; about \d+ s on 2 worker\(s\)/m);
    expect(existsSync(out)).toBe(false);
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

  it('refuses a read-only --out before any computation, with one line and exit code 2', async () => {
    const out = mkdtempSync(join(tmpdir(), 'reproduce-'));
    writeFileSync(join(out, 'REPORT.md'), 'old');
    writeFileSync(join(out, '.metastable-output'), '');
    chmodSync(out, 0o555);
    try {
      const { code, stderr } = await runCli('reproduce', '--only', 'beta-c-mode1', '--out', out, '--no-cache');
      expect(code).toBe(2);
      expect(stderr).toBe(`metastable: --out: ${out} is read-only: make it writable or choose another output folder.\n`);
      expect(readdirSync(out).sort()).toEqual(['.metastable-output', 'REPORT.md']);
    } finally {
      chmodSync(out, 0o755);
    }
  });
});

describe('metastable reproduce, interrupted', () => {
  it('says in one line that the finished runs are kept in the cache and a rerun resumes, and exits 130', async () => {
    const { spawn } = await import('node:child_process');
    const dir = mkdtempSync(join(tmpdir(), 'reproduce-int-'));
    const bin = new URL('../../bin/metastable.js', import.meta.url).pathname;
    const child = spawn(process.execPath, [bin, 'reproduce', '--profile', 'smoke', '--only', 'tau-rank1-trap', '--out', join(dir, 'out'), '--cache', join(dir, 'cache')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pressed = false;
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
      // Once the work is under way (its first line printed), as a person pressing Ctrl-C would, once.
      if (!pressed && /job\(s\)\n/.test(stderr)) {
        pressed = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^metastable: interrupted; the \\d+ run\\(s\\) finished so far are kept in ${join(dir, 'cache')}: the same command resumes from them\\.$`));
    expect(existsSync(join(dir, 'out'))).toBe(false);
  }, 60_000);
});
