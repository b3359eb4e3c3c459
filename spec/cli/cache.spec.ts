import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../io/temp-dirs.ts';
import { expectRefused, runCli } from './run-cli.ts';

const tempDir = tempDirs('cache-cli-');
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
// Claims whose plan holds SGD runs of three protocols (sharing checkpoints), the phase diagram's β sweeps and the
// Appendix F analysis: every kind of job, in a few seconds.
const ONLY = 'tau-random-init,phase-diagram-transitions,eq11-eq12-sign';

/** `metastable ARGS` in a process of its own, as one machine of a sharded run would start it. */
async function inProcess(...argv: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, ...argv], { env: { ...process.env, CI: '' }, maxBuffer: 1 << 24 });
}

describe('sharded reproduce and cache merge', () => {
  it('two shards in separate processes and caches, merged, give the single machine\'s results.json byte for byte', async () => {
    const root = tempDir();
    const common = ['reproduce', '--profile', 'smoke', '--only', ONLY, '--workers', '1'];
    const running = Promise.all([
      inProcess(...common, '--shard', '1/2', '--cache', join(root, 'cache-1'), '--out', join(root, 'unused')),
      inProcess(...common, '--shard', '2/2', '--cache', join(root, 'cache-2')),
    ]);
    // The single machine, meanwhile, in this process and without a cache.
    const single = await runCli(...common, '--no-cache', '--out', join(root, 'single'));
    expect(single.code).toBe(0);
    const shards = await running;
    for (const [k, shard] of shards.entries()) {
      expect(shard.stdout).toMatch(new RegExp(`^Shard ${k + 1}/2 of profile smoke: \\d+ job\\(s\\) or parts of jobs, [1-9]\\d* run\\(s\\) computed, 0 read from the cache`));
      expect(shard.stdout).not.toMatch(/claim\s+kind\s+verdict/);
    }
    // Between them the shards ran the sweeps and the analysis, which are cached like the runs.
    const kinds = ['cache-1', 'cache-2'].flatMap((c) => readdirSync(join(root, c)));
    expect(kinds).toEqual(expect.arrayContaining(['checkpoints', 'phase-sweeps', 'kramers-langer']));
    expect(readdirSync(root)).not.toContain('unused');

    const merged = await runCli('cache', 'merge', join(root, 'cache-1'), join(root, 'cache-2'), '--into', join(root, 'merged'));
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^(source .*: \d+ entr(?:y|ies), content sha256:[0-9a-f]{64}, \d+ copied\n){2}Merged into .*: \d+ entries copied, \d+ already there, 0 refused\.\n$/);

    const final = await runCli(...common, '--cache', join(root, 'merged'), '--out', join(root, 'final'));
    expect(final.code).toBe(0);
    expect(final.stderr).toMatch(/ run\(s\): 0 computed, \d+ read from the cache; evaluating and rendering/);
    expect(readFileSync(join(root, 'final', 'results.json'), 'utf8')).toBe(readFileSync(join(root, 'single', 'results.json'), 'utf8'));
    // What fed each run is said beside the results, not in them: the shards by path and content, or nothing.
    const provenance = (out: string) => JSON.parse(readFileSync(join(root, out, 'provenance.json'), 'utf8'));
    expect(provenance('final')).toMatchObject({ computed: 0, cache: join(root, 'merged'), mergedSources: [{ source: join(root, 'cache-1') }, { source: join(root, 'cache-2') }] });
    expect(provenance('final').readFromCache).toBeGreaterThan(0);
    expect(final.stderr).toMatch(/read from .*merged, which holds entries merged from .*cache-1 \(sha256:[0-9a-f]{12}…, \d+ copied\), .*cache-2/);
    expect(provenance('single')).toMatchObject({ readFromCache: 0, cache: null, mergedSources: [] });
  });

  it('merge refuses and lists an entry whose content does not match its hash, merges the rest, and exits 1', async () => {
    const [source, into] = [tempDir(), tempDir()];
    await runCli('reproduce', '--profile', 'smoke', '--only', 'eq11-eq12-sign', '--shard', '1/1', '--workers', '1', '--cache', source);
    const folder = join(source, 'kramers-langer');
    const [entry] = readdirSync(folder);
    writeFileSync(join(folder, entry!), readFileSync(join(folder, entry!), 'utf8').replace(/"result":\{/, '"result":{"edited":true,'));
    const { code, stdout } = await runCli('cache', 'merge', source, '--into', into);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^refused: .*kramers-langer\/[0-9a-f]{64}\.json: content hash mismatch\n/);
    expect(stdout).toMatch(/0 entries copied, 0 already there, 1 refused\.\n$/);
  });

  it('refuses a missing source, --shard with --no-cache or --junit, and a malformed shard, with one line and exit code 2', async () => {
    await expectRefused('cache', ['merge', join(tempDir(), 'missing')], /^metastable: cache merge: .*missing is not a folder\.\n$/);
    await expectRefused('reproduce', ['--shard', '1/2', '--no-cache'], /^metastable: --shard fills the cache for a later run/);
    await expectRefused('reproduce', ['--shard', '1/2', '--junit', join(tempDir(), 'junit.xml')], /^metastable: --junit reports the claims/);
    for (const shard of ['3/2', '0/1', 'half']) await expectRefused('reproduce', ['--shard', shard], /--shard: /);
  });

  it('prints one shard\'s slice with --plan --shard', async () => {
    const { code, stdout } = await runCli('reproduce', '--profile', 'smoke', '--only', ONLY, '--plan', '--shard', '2/2', '--cache', join(tempDir(), 'cache'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Plan: 3 claim\(s\), profile smoke: \d+ experiment\(s\), \d+ job\(s\)\.\nShard 2\/2: \d+ job\(s\) or parts of jobs; estimated single-core load by shard, without cache: /);
  });
});
