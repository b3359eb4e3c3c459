import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../io/temp-dirs.ts';
import { canonicalJson, sha256 } from '../../src/runner/run-cache.ts';
import { cachedUnit } from '../../src/runner/unit-cache.ts';
import { expectRefused, runCli } from './run-cli.ts';

const tempDir = tempDirs('cache-adversarial-');

/** A cache with one phase-sweep entry, and a copy of it whose result was edited and rehashed (valid, but other). */
function rivalCaches(): [string, string] {
  const [a, b] = [tempDir(), tempDir()];
  cachedUnit(a, 'phase-sweeps', { dataSeed: 42 }, () => ({ dataSeed: 42, value: 1 }));
  cpSync(a, b, { recursive: true });
  const [name] = readdirSync(join(b, 'phase-sweeps'));
  const file = join(b, 'phase-sweeps', name!);
  const entry = JSON.parse(readFileSync(file, 'utf8'));
  entry.result.value = 307;
  entry.contentHash = sha256(canonicalJson({ inputs: entry.inputs, result: entry.result }));
  writeFileSync(file, JSON.stringify(entry));
  return [a, b];
}

describe('cache merge, hostile input', () => {
  it('lists a conflict with both sources, merges nothing and exits 1', async () => {
    const [a, b] = rivalCaches();
    const into = join(tempDir(), 'merged');
    const { code, stdout } = await runCli('cache', 'merge', b, a, '--into', into);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`^conflict: phase-sweeps/[0-9a-f]{64}\\.json: ${b}/phase-sweeps/.*\\.json and ${a}/phase-sweeps/.*\\.json differ in result\\.value\\n`));
    expect(stdout).toMatch(/\nNothing merged into .*: 1 key\(s\) hold different results/);
    expect(readdirSync(join(into, '..'))).toEqual([]);
  });

  it('refuses a target inside a source, a source inside the target, or the same folder, with exit 2', async () => {
    const [a] = rivalCaches();
    await expectRefused('cache', ['merge', a, '--into', join(a, 'merged')], /^metastable: cache merge: --into .* and the source .* are nested/);
    await expectRefused('cache', ['merge', join(a, 'phase-sweeps'), '--into', a], /are nested/);
    await expectRefused('cache', ['merge', a, '--into', `${a}/.`], /are nested/);
    mkdirSync(join(a, 'x'));
    expect(readdirSync(a).sort()).toEqual(['phase-sweeps', 'x']);
  });

  it('a damaged merge log: a merge lists it and takes the entries; a run reading that cache stops before any work', async () => {
    const [a] = rivalCaches();
    writeFileSync(join(a, '.merged-from.json'), '{ "format": 1, "merges": [ { "source": 3 } ] }');
    const into = tempDir();
    const merged = await runCli('cache', 'merge', a, '--into', into);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toMatch(/^refused: .*\.merged-from\.json.*its sources are not carried into the target's log\)$/m);
    expect(merged.stdout).toMatch(/Merged into .*: 1 entry copied/);
    await expectRefused('reproduce', ['--only', 'beta-c-mode1', '--profile', 'smoke', '--cache', a, '--out', join(tempDir(), 'out')], /\.merged-from\.json/);
  });

  it('refuses a --verify that is not a count', async () => {
    const [a] = rivalCaches();
    for (const bad of ['-1', 'abc', '1.5']) await expectRefused('cache', ['merge', a, '--verify', bad, '--into', tempDir()], /^metastable: option '--verify <K>' argument .* is invalid\. --verify must be /);
  });
});
