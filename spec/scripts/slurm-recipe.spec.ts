import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

// The job files of scripts/slurm run as written, without a scheduler: report.sbatch (its #SBATCH lines are comments
// to bash) on shard caches one of which is missing or altered, and submit.sh against a stand-in sbatch. Whether Slurm
// honours the dependency submit.sh asks for is scripts/slurm-local.sh's part (--fail-shard).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SLURM = join(ROOT, 'scripts/slurm');
const SHARDS = 3;
// `npx metastable` finds the checkout's own command only from inside the checkout: the folders live in .scratch/.
// There `npm run reproduce` would run in the checkout itself, so report.sbatch gets a stand-in npm that only logs.
let base: string;
let fakeNpm: string;
let cache: string;
let count = 0;

beforeAll(async () => {
  mkdirSync(join(ROOT, '.scratch'), { recursive: true });
  base = mkdtempSync(join(ROOT, '.scratch', 'slurm-recipe-'));
  cache = join(base, 'shard-cache');
  fakeNpm = join(base, 'npm-bin');
  mkdirSync(fakeNpm);
  writeFileSync(join(fakeNpm, 'npm'), `#!/bin/bash\necho "npm $*" >> "$PWD/npm-calls"\nexit 97\n`);
  chmodSync(join(fakeNpm, 'npm'), 0o755);
  // One real shard's cache (one Appendix F analysis): copied, it stands for each shard of the recipe.
  const shard = await runCli('reproduce', '--profile', 'smoke', '--only', 'eq11-eq12-sign', '--shard', '1/1', '--workers', '1', '--cache', cache);
  expect(shard.code).toBe(0);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A fresh checkout-like folder with the job files and caches/shard-K for each K of `present`. */
function checkout(present: readonly number[]): string {
  const dir = join(base, `run-${(count += 1)}`);
  for (const name of readdirSync(SLURM)) cpSync(join(SLURM, name), join(dir, name));
  for (const k of present) cpSync(cache, join(dir, 'caches', `shard-${k}`), { recursive: true });
  return dir;
}

function bash(dir: string, script: string, env: Record<string, string> = {}) {
  return spawnSync('bash', ['-c', script], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, npm_config_update_notifier: 'false', PATH: `${fakeNpm}:${process.env.PATH}`, PROFILE: 'smoke', SHARDS: String(SHARDS), ...env },
  });
}

describe('report.sbatch, run as written', () => {
  it('merges shards 1 to SHARDS when every one is there, then starts the report (the control for the refusals below)', () => {
    const dir = checkout([1, 2, 3]);
    const r = bash(dir, 'bash report.sbatch');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(97);
    expect(r.stdout).toMatch(/^(source caches\/shard-[123]: \d+ entr(y|ies), content sha256:[0-9a-f]{64}, \d+ copied\n){3}Merged into \.cache\/runs: \d+ entr(y|ies) copied, \d+ already there, 0 refused\.\n$/);
    expect(readFileSync(join(dir, 'npm-calls'), 'utf8')).toBe('npm run reproduce -- --profile smoke\n');
  });

  it('refuses a missing shard by name with one line and exit 2: nothing merged, no report', () => {
    const dir = checkout([1, 3]);
    const r = bash(dir, 'bash report.sbatch');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('metastable: cache merge: caches/shard-2 is not a folder.\n');
    expect(existsSync(join(dir, '.cache'))).toBe(false);
    expect(existsSync(join(dir, 'npm-calls'))).toBe(false);
  });

  it('refuses an altered entry of one shard, lists it, exits 1, and never starts the report', () => {
    const dir = checkout([1, 2, 3]);
    const folder = join(dir, 'caches/shard-2/kramers-langer');
    const [entry] = readdirSync(folder);
    const path = join(folder, entry!);
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"result":\{/, '"result":{"edited":true,'));
    const r = bash(dir, 'bash report.sbatch');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^refused: caches/shard-2/kramers-langer/${entry}: content hash mismatch\n`));
    expect(r.stdout).toMatch(/ 1 refused\.\n$/);
    expect(existsSync(join(dir, 'npm-calls'))).toBe(false);
  });
});

describe('submit.sh, against a stand-in sbatch', () => {
  /** A folder with an `sbatch` that logs its arguments and the recipe's variables, prints job ids 41, 42, … and
   * exits with `status` on the call numbered `failOn`. */
  function standIn(failOn = 0): { bin: string; log: string } {
    const bin = join(base, `bin-${(count += 1)}`);
    const log = join(bin, 'calls');
    mkdirSync(bin);
    writeFileSync(
      join(bin, 'sbatch'),
      `#!/bin/bash\nn=$(( $(cat ${log} 2>/dev/null | wc -l) + 1 ))\necho "$* | PROFILE=$PROFILE SHARDS=$SHARDS" >> ${log}\n` +
        `[ "$n" = ${failOn} ] && { echo 'sbatch: error: refused' >&2; exit 1; }\necho $((40 + n))\n`,
    );
    chmodSync(join(bin, 'sbatch'), 0o755);
    return { bin, log };
  }

  it('submits the array of shards, then the report depending on afterok of that array, and prints both ids', () => {
    const { bin, log } = standIn();
    const r = bash(checkout([]), 'bash submit.sh', { PATH: `${bin}:${process.env.PATH}`, PROFILE: 'quick', SHARDS: '5' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('41\n42\n');
    expect(readFileSync(log, 'utf8')).toBe(
      '--parsable --array=1-5 shards.sbatch | PROFILE=quick SHARDS=5\n' +
        '--parsable --dependency=afterok:41 --kill-on-invalid-dep=yes report.sbatch | PROFILE=quick SHARDS=5\n',
    );
  });

  it('submits no report when the array is refused, and fails', () => {
    const { bin, log } = standIn(1);
    const r = bash(checkout([]), 'bash submit.sh', { PATH: `${bin}:${process.env.PATH}` });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(log, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
  });
});
