import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const BIN = fileURLToPath(new URL('../../bin/metastable.js', import.meta.url));

const FIELDS = ['betaC', 'lambdaC', 'betaStar', 'lambdaSaddle', 'lambdaMin', 'barrier', 'barrierFromMin', 'globalPhase'];

describe('metastable landscape', () => {
  it('prints the DESIGN.md fields as decimal strings with --json', async () => {
    const { code, stdout } = await runCli('landscape', '--eta', '0.8', '--beta', '0.32', '--depth', '3', '--json');
    expect(code).toBe(0);
    const record = JSON.parse(stdout) as Record<string, unknown>;
    for (const field of FIELDS) expect(record).toHaveProperty(field);
    for (const field of FIELDS.slice(0, 7)) expect(record[field]).toMatch(/^-?\d+(\.\d+)?(e[-+]\d+)?$/);
    expect(record.globalPhase).toBe('zero');
    expect(record.convention).toBe('eq2');
  });

  it('gives full precision with --digits and agrees with float64 to its precision', async () => {
    const d = JSON.parse((await runCli('landscape', '--eta', '0.8', '--beta', '0.32', '--depth', '3', '--digits', '45', '--json')).stdout);
    const f = JSON.parse((await runCli('landscape', '--eta', '0.8', '--beta', '0.32', '--depth', '3', '--json')).stdout);
    expect(d.lambdaSaddle.replace(/^0\.0*/, '').length).toBeGreaterThanOrEqual(44);
    expect(Math.abs(Number(d.lambdaSaddle) / Number(f.lambdaSaddle) - 1)).toBeLessThan(1e-14);
    expect(d.backend).toBe('decimal45');
  });

  it('reports null stationary points above βc and under eq1 places βc L times higher', async () => {
    const above = JSON.parse((await runCli('landscape', '--eta', '0.8', '--beta', '0.36', '--depth', '3', '--json')).stdout);
    expect([above.lambdaSaddle, above.lambdaMin, above.barrier, above.barrierFromMin]).toEqual([null, null, null, null]);
    expect(above.globalPhase).toBe('zero');
    const eq1 = JSON.parse((await runCli('landscape', '--eta', '0.8', '--beta', '0.36', '--depth', '3', '--convention', 'eq1', '--json')).stdout);
    expect(Number(eq1.betaC) / Number(above.betaC)).toBeCloseTo(3, 14);
    expect(eq1.lambdaMin).not.toBeNull();
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await runCli('landscape', '--eta', '0.8', '--beta', '0.4', '--depth', '3');
    expect(code).toBe(0);
    expect(stdout).toMatch(/βc\s+0\.35088/);
    expect(stdout).toMatch(/λsad\s+— \(none at this β\)/);
  });

  it.each([
    [['--eta', '0.8', '--beta', '-0.1', '--depth', '3'], /--beta must be >= 0/],
    [['--eta', '0', '--beta', '0.3', '--depth', '3'], /--eta must be > 0/],
    [['--eta', 'abc', '--beta', '0.3', '--depth', '3'], /--eta must be a decimal number/],
    [['--eta', '0.8', '--beta', '0.3', '--depth', '1'], /--depth must be an integer in \[2, 1000\]/],
    [['--eta', '0.8', '--beta', '0.3', '--depth', '2.5'], /--depth must be an integer/],
    [['--eta', '0.8', '--beta', '0.3', '--depth', '3', '--digits', '0'], /--digits must be an integer in \[1, 200\]/],
    [['--eta', '0.8', '--beta', '0.3', '--depth', '3', '--digits', '500'], /--digits must be an integer in \[1, 200\]/],
    [['--eta', '0.8', '--beta', '0.3', '--depth', '3', '--convention', 'eq3'], /Allowed choices are eq2, eq1/],
    [['--eta', '0.8', '--beta', '0.3', '--depth', '3', '--bogus'], /unknown option '--bogus'/],
    [['--beta', '0.3', '--depth', '3'], /required option '--eta <E>' not specified/],
  ])('rejects bad input %j with one line and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runCli('landscape', ...args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('the installed bin exits 2 on bad input and 0 on good input', () => {
    const bad = spawnSync(process.execPath, [BIN, 'landscape', '--eta', '0.8', '--beta', '0.3', '--depth', '1'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const good = JSON.parse(execFileSync(process.execPath, [BIN, 'landscape', '--eta', '0.9', '--beta', '0.2', '--depth', '2', '--json'], { encoding: 'utf8' }));
    expect(good.lambdaSaddle).toBeNull();
    expect(Number(good.lambdaMin)).toBeCloseTo(0.7, 15);
  });
});
