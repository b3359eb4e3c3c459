import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReproduceOptions, type ReproduceOptions } from '../../src/cli/reproduce.ts';
import { expectRefused as refused, runCli } from './run-cli.ts';


describe('metastable reproduce refuses bad input before any work', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'reproduce-adv-')), 'out');

  it.each([[''], [','], [' , ,']])('--only %j lists nothing and does not run everything', async (only) => {
    await refused('reproduce', ['--only', only, '--out', out], /--only lists nothing/);
  });

  it.each([['--out'], ['--cache']])('%s "" is refused instead of writing into the current folder', async (flag) => {
    await refused('reproduce', [flag, '', '--only', 'beta-c-mode1'], new RegExp(`${flag} must name a path`));
  });

  it.each([['0x2'], ['0b10'], ['1e400'], ['Infinity']])('--workers %s is not a decimal integer', async (workers) => {
    await refused('reproduce', ['--workers', workers, '--out', out], /--workers must be/);
  });

  it('--workers above the cores is refused unless forced, and never above 64', async () => {
    await refused('reproduce', ['--workers', String(availableParallelism() + 1), '--only', 'beta-c-mode1', '--out', out], /exceeds this machine's \d+ core\(s\).*--force-workers/);
    await refused('reproduce', ['--workers', '256', '--force-workers', '--out', out], /--workers must be an integer in \[1, 64\]/);
    const options: ReproduceOptions = { profile: 'smoke', workers: 8, out, cache: false, colour: false };
    expect(() => checkReproduceOptions(options, 2)).toThrow(/exceeds this machine's 2 core/);
    expect(() => checkReproduceOptions({ ...options, forceWorkers: true }, 2)).not.toThrow();
  });

  it('an --out or --cache that cannot be written is refused up front, without a stack', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'reproduce-adv-')), 'a-file');
    writeFileSync(file, '');
    await refused('reproduce', ['--out', file, '--only', 'beta-c-mode1'], /--out: .*a-file is not a folder: name a folder for the report/);
    await refused('reproduce', ['--out', join(file, 'out'), '--only', 'beta-c-mode1'], /--out: .*a-file\/out: a part of the path is a file, not a folder/);
    await refused('reproduce', ['--cache', join(file, 'cache'), '--only', 'beta-c-mode1', '--out', out], /--cache .*a-file is a file, not a folder/);
    await refused('reproduce', ['--out', '/proc/metastable-out', '--only', 'beta-c-mode1'], /--out: cannot create the report's folder in \/proc/);
    expect(existsSync(out)).toBe(false);
  });

  it('states the exit codes in --help', async () => {
    const { code, stdout } = await runCli('reproduce', '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Exit codes: 0 .* 1 .* 2 bad input; 3 the run could not finish/);
    expect(stdout.endsWith('\n')).toBe(true);
  });
});
