import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { expectRefused as refused, runCli } from './run-cli.ts';

// A malformed golden/protocols/rank1-trap.json, served in this file's process only while `broken.text` is set.
const broken = vi.hoisted(() => ({ text: null as string | null }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  // Files are read through the descriptor they were opened with (src/io/regular-file.ts): remember each one's path.
  const opened = new Map<number, string>();
  const openSync = ((path: unknown, ...rest: unknown[]) => {
    const fd = (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    opened.set(fd, String(path));
    return fd;
  }) as typeof fs.openSync;
  const readFileSync = ((path: unknown, ...rest: unknown[]) =>
    broken.text !== null && (typeof path === 'number' ? (opened.get(path) ?? '') : String(path)).endsWith('rank1-trap.json')
      ? broken.text
      : (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest)) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, openSync, readFileSync }, openSync, readFileSync };
});

// hostile inputs to `metastable run`. Refusals come before any training, so they are fast.
const BASE = ['--protocol', 'random-init', '--seed', '1'];


describe('metastable run refuses bad flags before any training', () => {
  it.each([
    [['--seed', '0x2A'], /seed must be a decimal integer/],
    [['--seed', '0b101'], /seed must be a decimal integer/],
    [['--lr', 'Infinity'], /lr must be a decimal number/],
    [['--lr', '1e-400'], /lr 1e-400 underflows to 0/],
    [['--beta', 'NaN'], /beta must be a decimal number/],
    [['--epochs', '1e12'], /epochs must be an integer in \[1, 1000000\]/],
    [['--epochs', '1000001'], /epochs must be an integer in \[1, 1000000\]/],
    [['--trace', ''], /--trace must name a path/],
  ])('%j', async (extra, message) => {
    await refused('run', [...BASE, ...(extra as string[])], message as RegExp);
  });

  it('states the epoch bound in --help', async () => {
    const { code, stdout } = await runCli('run', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/--epochs <n>\s+epochs of the continued run \(1 to 1,000,000\)/);
    expect(stdout).toMatch(/diverged[\s\S]*exits 3/);
  });

  it('refuses a --trace that cannot be written before training, not after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-adv-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    await refused('run', [...BASE, '--trace', join(file, 'trace.csv')], /--trace .*a-file is a file, not a folder/);
    await refused('run', [...BASE, '--trace', dir], /--trace .* is a folder, not a file/);
  });
});

describe('metastable run reports divergence', () => {
  it.each([
    [['--lr', '1e300']],
    [['--beta', '1e308']],
  ])('%j: the record says diverged with its epoch, stderr says so in one line, exit 3', async (extra) => {
    const { code, stdout, stderr } = await runCli('run', ...BASE, '--epochs', '3', ...extra, '--json');
    expect(code).toBe(3);
    const record = JSON.parse(stdout);
    expect(record.diverged).toEqual({ epoch: 1 });
    expect(record.trapped).toBe(false);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^metastable: run diverged: the loss is not finite at epoch 1 .*lower --lr or --beta\.$/);
  });

  it('the summary names the divergence', async () => {
    const { code, stdout } = await runCli('run', ...BASE, '--epochs', '2', '--lr', '1e300');
    expect(code).toBe(3);
    expect(stdout).toMatch(/DIVERGED: test MSE not finite at epoch 1/);
  });

  it('a run that does not diverge has no diverged field', async () => {
    const { code, stdout } = await runCli('run', ...BASE, '--epochs', '1', '--json');
    expect(code).toBe(0);
    expect('diverged' in JSON.parse(stdout)).toBe(false);
  });
});

describe('a malformed protocol file', () => {
  it('fails only the commands that need it, with one line naming the file and field, exit 2', async () => {
    broken.text = '{"name": "rank1-trap", "settings": {}}';
    try {
      const { code, stdout, stderr } = await runCli('run', '--protocol', 'rank1-trap', '--seed', '1', '--epochs', '1');
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^metastable: .*rank1-trap\.json: .*\/settings must have required property 'teacher'/);
      expect(stderr).not.toMatch(/\n\s+at /);
      // landscape reads no protocol file, and neither does a run of another protocol.
      expect((await runCli('landscape', '--eta', '0.8', '--beta', '0.32', '--depth', '3')).code).toBe(0);
      expect((await runCli('run', '--protocol', 'random-init', '--seed', '1', '--epochs', '1')).code).toBe(0);
    } finally {
      broken.text = null;
    }
  });
});
