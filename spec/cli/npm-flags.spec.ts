import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { swallowedFlagsMessage } from '../../src/cli/npm-flags.ts';
import { buildProgram } from '../../src/cli/main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const program = buildProgram({ stdout: () => {}, stderr: () => {} });
const reproduce = program.commands.find((c) => c.name() === 'reproduce') as Command;
const options = [...reproduce.options, ...program.options];
const message = (env: Record<string, string>, words: string[] = []) => swallowedFlagsMessage(options, env, words, 'reproduce');

describe('flags npm took for itself', () => {
  it('are none when npm passed everything on', () => {
    expect(message({ npm_config_cache: '/root/.npm' }, ['--plan', '--profile', 'quick'])).toBeUndefined();
  });

  it('--plan, which npm splits into -p -l -a, is named with the line that passes it on', () => {
    expect(message({ npm_config_parseable: 'true', npm_config_long: 'true', npm_config_all: 'true' })).toBe(
      'npm took --plan for itself (flags after `npm run reproduce` need `--` first); nothing was run. Run: npm run reproduce -- --plan',
    );
  });

  it('a flag with its value as a bare word, or with =value, keeps the value; flags after -- stay', () => {
    expect(message({ npm_config_profile: 'true' }, ['quick', '--plan'])).toMatch(/npm took --profile .* Run: npm run reproduce -- --profile quick --plan$/);
    expect(message({ npm_config_workers: '1' })).toMatch(/Run: npm run reproduce -- --workers 1$/);
    expect(message({ npm_config_force_workers: 'true', npm_config_workers: 'true' }, ['4'])).toMatch(/-- --workers 4 --force-workers$/);
  });

  it('two values as bare words are not guessed at', () => {
    expect(message({ npm_config_profile: 'true', npm_config_out: 'true' }, ['quick', 'd'])).toMatch(
      /-- --profile <P> --out <DIR> \(npm passed on the bare word\(s\) quick d\)$/,
    );
  });

  it('a bare word with no flag npm kept (`npm run reproduce tau-rank1-trap`) is refused, and not blamed on npm', () => {
    expect(message({}, ['tau-rank1-trap'])).toBe(
      'npm passed on the bare word(s) tau-rank1-trap, which reproduce does not take (a claim id goes after --only; ' +
        'flags after `npm run reproduce` need `--` first); nothing was run. Run: npm run reproduce -- --only tau-rank1-trap',
    );
    expect(message({}, ['tau-*', '--plan'])).toMatch(/Run: npm run reproduce -- --plan --only tau-\*$/);
  });

  it('as npm hands them on: --plan and --profile smoke are seen, --only X and --no-cache leave no trace', () => {
    // A throwaway package whose `reproduce` script prints what it received, so no audit starts.
    const dir = mkdtempSync(join(tmpdir(), 'npm-flags-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'probe', version: '0.0.0', private: true, scripts: { reproduce: 'node probe.cjs' } }));
    writeFileSync(join(dir, 'probe.cjs'), 'process.stdout.write(JSON.stringify({ env: process.env, words: process.argv.slice(2) }))');
    const received = (...flags: string[]) => {
      const r = spawnSync('npm', ['run', '--silent', 'reproduce', ...flags], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
      expect(r.status).toBe(0);
      const { env, words } = JSON.parse(r.stdout) as { env: Record<string, string>; words: string[] };
      return message(env, words);
    };
    expect(received('--plan')).toMatch(/^npm took --plan for itself .* Run: npm run reproduce -- --plan$/);
    expect(received('--profile', 'smoke')).toMatch(/^npm took --profile for itself .* Run: npm run reproduce -- --profile smoke$/);
    expect(received('--only', 'tau-rank1-trap')).toBeUndefined();
    expect(received('--only=tau-rank1-trap')).toBeUndefined();
    expect(received('--no-cache')).toBeUndefined();
  }, 60_000);

  it('`npm run reproduce --plan` exits 2 with one line and runs nothing', () => {
    const r = spawnSync('npm', ['run', '--silent', 'reproduce', '--plan'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'));
    expect(lines).toEqual(['metastable: npm took --plan for itself (flags after `npm run reproduce` need `--` first); nothing was run. Run: npm run reproduce -- --plan']);
  }, 60_000);
});
