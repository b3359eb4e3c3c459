import { spawnSync } from 'node:child_process';
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

  it('a bare word alone (npm refused --only, one of its own settings) is refused too', () => {
    expect(message({}, ['tau-rank1-trap'])).toMatch(/^npm took the flag before tau-rank1-trap for itself/);
  });

  it('`npm run reproduce --plan` exits 2 with one line and runs nothing', () => {
    const r = spawnSync('npm', ['run', '--silent', 'reproduce', '--plan'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('npm warn'));
    expect(lines).toEqual(['metastable: npm took --plan for itself (flags after `npm run reproduce` need `--` first); nothing was run. Run: npm run reproduce -- --plan']);
  }, 60_000);
});
