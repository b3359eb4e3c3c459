import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkoutCopy, tempDirs } from '../io/temp-dirs.ts';

// the npm scripts, run as a user runs them (one process each: they exit on their own).
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function script(name: string, args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT) {
  const { CI: _ci, ...rest } = process.env;
  return spawnSync(TSX, [`scripts/${name}.ts`, ...args], { cwd, encoding: 'utf8', env: { ...rest, ...env }, timeout: 60_000 });
}
const tempDir = tempDirs('scripts-adv-');

describe('npm run golden', () => {
  it('refuses a mistyped flag before computing anything', () => {
    const r = script('golden-update', ['--skip-stochastc']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toMatch(/^golden update: unknown argument\(s\) --skip-stochastc; .*Nothing was computed\.$/);
  });

  it('refuses a WORKERS that is not a count before computing or writing anything, in one line', () => {
    for (const workers of ['abc', '0', '1.5', '']) {
      const r = script('golden-update', ['--skip-stochastic'], { WORKERS: workers });
      expect(r.status, workers).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toMatch(/^golden update: WORKERS must be an integer >= 1, got '.*'\. Nothing was computed\.$/);
    }
  });

  it('a truncated golden/analytic.json is one line naming it, exit 2, and no golden file is rewritten', () => {
    const copy = checkoutCopy(tempDir());
    const golden = join(copy, 'golden');
    const analytic = join(golden, 'analytic.json');
    const text = readFileSync(analytic, 'utf8');
    writeFileSync(analytic, text.slice(0, Math.floor(text.length / 2)));
    const before = new Map(readdirSync(golden, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => [f, readFileSync(join(golden, f), 'utf8')]));
    const r = script('golden-update', ['--skip-stochastic'], {}, copy);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`golden update: ${analytic}: not valid JSON (`) && lines[0]!.endsWith(').')).toBe(true);
    for (const [file, content] of before) expect(readFileSync(join(golden, file), 'utf8'), file).toBe(content);
  });

  it('is refused when CI is set, even to the empty string', () => {
    const r = script('golden-update', ['--skip-stochastic'], { CI: '' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(/^golden update is refused under CI/);
  });
});

/** `npm run reproduce` is `node bin/metastable.js reproduce` (package.json). */
function reproduce(args: string[]) {
  return spawnSync(process.execPath, ['bin/metastable.js', 'reproduce', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

describe('npm run reproduce', () => {
  it('--help ends with a newline and nothing follows it', () => {
    const r = reproduce(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('--plan\n')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('an error is one line on stderr, with nothing added by the wrapper', () => {
    const r = reproduce(['--only', ',']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm run cost-model', () => {
  it('refuses a file that is not a timings file, or none, in one line naming it (exit 2)', () => {
    const dir = tempDir();
    const bad = join(dir, 'timings.json');
    writeFileSync(bad, '{"format":1}');
    for (const path of [bad, join(dir, 'missing.json')]) {
      const r = script('fit-cost-model', [path]);
      expect(r.status, path).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), path).toHaveLength(1);
      expect(r.stderr).toContain(path);
    }
  });
});
