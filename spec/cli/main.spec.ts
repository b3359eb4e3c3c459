import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli, expectRefused } from './run-cli.ts';

describe('metastable', () => {
  it('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const { code, stdout } = await runCli('--version');
    expect(code).toBe(0);
    expect(stdout).toBe(`${version}\n`);
  });

  it("every error line has one prefix, Commander's own included, with a suggestion for a mistyped flag", async () => {
    await expectRefused('reproduce', ['--pln'], /^metastable: unknown option '--pln' \(did you mean --plan\?\)$/m);
    const { stderr } = await runCli('reproduce', '--pln');
    expect(stderr).not.toMatch(/^error:/m);
  });

  it('a word for --workers gets an integer example, not a decimal one', async () => {
    await expectRefused('reproduce', ['--workers', 'two'], /--workers must be a decimal integer such as 2, got 'two'/);
  });

  it('--only names the closest ids for a typo and takes patterns', async () => {
    await expectRefused('reproduce', ['--only', 'tau-rank1-trp', '--plan'], /^metastable: --only: no claim 'tau-rank1-trp'; did you mean tau-rank1-trap\?/);
    const { code, stdout } = await runCli('reproduce', '--only', 'beta-c-mode*', '--plan', '--profile', 'smoke');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Plan: 3 claim\(s\), profile smoke/);
  });
});
