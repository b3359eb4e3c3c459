import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkoutCopy, deadPid, tempDirs } from '../io/temp-dirs.ts';
import { describe, expect, it } from 'vitest';
import { checkReproduceOptions, type ReproduceOptions } from '../../src/cli/reproduce.ts';
import { CHECKOUT_OWN } from '../../src/cli/writable.ts';
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

describe('metastable reproduce never writes over what is not its own', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'reproduce-own-'));
  const GOLDEN = fileURLToPath(new URL('../../golden/', import.meta.url));
  const withSummary = async (value: string, run: () => Promise<void>) => {
    const before = process.env.GITHUB_STEP_SUMMARY;
    process.env.GITHUB_STEP_SUMMARY = value;
    try {
      await run();
    } finally {
      if (before === undefined) delete process.env.GITHUB_STEP_SUMMARY;
      else process.env.GITHUB_STEP_SUMMARY = before;
    }
  };

  it('an existing folder of other files is refused as --out and left as it was', async () => {
    const theirs = fresh();
    mkdirSync(join(theirs, 'figures'));
    writeFileSync(join(theirs, 'figures', 'mine.svg'), '<svg/>');
    writeFileSync(join(theirs, 'results.json'), 'mine');
    await refused('reproduce', ['--only', 'beta-c-mode1', '--no-cache', '--out', theirs], /is not empty and was not written by metastable reproduce/);
    expect(readdirSync(theirs).sort()).toEqual(['figures', 'results.json']);
    expect(readFileSync(join(theirs, 'results.json'), 'utf8')).toBe('mine');
  });

  it('--junit inside --out, inside --cache or golden/, or equal to GITHUB_STEP_SUMMARY is refused before any work', async () => {
    const root = fresh();
    const out = join(root, 'out');
    const claims = readFileSync(join(GOLDEN, 'claims.json'), 'utf8');
    await refused('reproduce', ['--only', 'beta-c-mode1', '--out', out, '--no-cache', '--junit', join(out, 'results.json')], /--out .* and --junit .* overlap/);
    await refused('reproduce', ['--only', 'beta-c-mode1', '--out', out, '--cache', join(root, 'c'), '--junit', join(root, 'c', 'x.xml')], /--cache .* and --junit .* overlap/);
    await refused('reproduce', ['--only', 'beta-c-mode1', '--out', out, '--no-cache', '--junit', join(GOLDEN, 'claims.json')], /--junit .* is in the checkout's ledger, protocols and pins \(.*golden\)/);
    await withSummary(join(root, 'j.xml'), () => refused('reproduce', ['--only', 'beta-c-mode1', '--out', out, '--no-cache', '--junit', join(root, 'j.xml')], /overlap/));
    expect(readFileSync(join(GOLDEN, 'claims.json'), 'utf8')).toBe(claims);
    expect(readdirSync(root)).toEqual([]);
  });

  it("--junit, GITHUB_STEP_SUMMARY, --out or --cache in the checkout's own files is refused before any work, naming the option; beside them is allowed", async () => {
    const CHECKOUT = fileURLToPath(new URL('../../', import.meta.url));
    const out = join(fresh(), 'out');
    const own = ['README.md', 'package.json', 'package-lock.json', 'src/cli/main.ts', 'paper/README.md', '.github/workflows/audit.yml'].map((f) => join(CHECKOUT, f));
    const before = own.map((f) => readFileSync(f, 'utf8'));
    // --plan: the same checks, and code that let one through would still write nothing.
    for (const file of [...own, join(CHECKOUT, 'spec', 'junit.xml'), join(CHECKOUT, 'bin', 'junit.xml')]) {
      await refused('reproduce', ['--only', 'beta-c-mode1', '--plan', '--out', out, '--no-cache', '--junit', file], /^metastable: --junit '.*' is in the checkout's .* \(.*\), which a run never writes: choose another path\.\n$/);
      await withSummary(file, () => refused('reproduce', ['--only', 'beta-c-mode1', '--plan', '--out', out, '--no-cache'], /^metastable: GITHUB_STEP_SUMMARY '.*' is in the checkout's/));
    }
    await refused('reproduce', ['--only', 'beta-c-mode1', '--plan', '--out', join(CHECKOUT, 'src', 'out'), '--no-cache'], /^metastable: --out '.*' is in the checkout's code \(.*src\)/);
    await refused('reproduce', ['--only', 'beta-c-mode1', '--plan', '--out', out, '--cache', join(CHECKOUT, 'spec', 'cache')], /^metastable: --cache '.*' is in the checkout's specs \(.*spec\)/);
    expect(own.map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    expect(existsSync(join(CHECKOUT, 'spec', 'junit.xml'))).toBe(false);
    // CI writes its JUnit file at the checkout's top, beside its own files.
    const { code, stderr } = await runCli('reproduce', '--only', 'beta-c-mode1', '--plan', '--out', out, '--no-cache', '--junit', join(CHECKOUT, 'junit.xml'));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it("every top-level entry the checkout tracks is one of its own files that no output may be written into", () => {
    const tracked = new Set(execFileSync('git', ['ls-files'], { encoding: 'utf8' }).trim().split('\n').map((f) => f.split('/')[0]!));
    expect([...tracked].filter((entry) => !(entry in CHECKOUT_OWN))).toEqual([]);
  });

  it('a GITHUB_STEP_SUMMARY in golden/, at a folder, in a missing folder or at a device is refused before out/ is written', async () => {
    const root = fresh();
    const out = join(root, 'out');
    for (const [summary, message] of [
      [join(GOLDEN, 'claims.json'), /GITHUB_STEP_SUMMARY .* is in the checkout's ledger, protocols and pins \(.*golden\)/],
      [root, /GITHUB_STEP_SUMMARY .* is not a regular file/],
      [join(root, 'missing', 'summary.md'), /its folder does not exist/],
      ['/dev/full', /is not a regular file/],
    ] as const) {
      await withSummary(summary, () => refused('reproduce', ['--only', 'beta-c-mode1', '--out', out, '--no-cache'], message));
    }
    expect(existsSync(out)).toBe(false);
  });

  it('--out and --cache nested either way, or equal, are refused', async () => {
    const root = fresh();
    for (const [o, c] of [['a', 'a'], ['a', 'a/cache'], ['b/out', 'b']] as const) {
      await refused('reproduce', ['--only', 'beta-c-mode1', '--out', join(root, o), '--cache', join(root, c)], /--out .* and --cache .* overlap/);
    }
    await refused('reproduce', ['--only', 'beta-c-mode1', '--out', join(GOLDEN, 'out'), '--no-cache'], /--out .* is in the checkout's ledger, protocols and pins \(.*golden\)/);
    expect(readdirSync(root)).toEqual([]);
  });

  it('--plan checks the options too', async () => {
    const root = fresh();
    writeFileSync(join(root, 'file'), '');
    await refused('reproduce', ['--only', 'beta-c-mode1', '--plan', '--out', join(root, 'file')], /is not a folder/);
    await refused('reproduce', ['--only', 'beta-c-mode1', '--plan', '--shard', '1/2', '--no-cache'], /--shard fills the cache/);
  });

  it('a planted look-alike of a temporary beside --out is left alone: only what the tool made is swept', async () => {
    const root = fresh();
    const planted = join(root, `.report2.${deadPid()}.0.metastable.old`);
    mkdirSync(planted);
    writeFileSync(join(planted, 'data.txt'), 'not the tool\'s');
    const { code } = await runCli('reproduce', '--only', 'beta-c-mode1', '--no-cache', '--out', join(root, 'out'));
    expect(code).toBe(0);
    expect(readdirSync(root).sort()).toEqual([basename(planted), 'out'].sort());
    expect(readFileSync(join(planted, 'data.txt'), 'utf8')).toBe('not the tool\'s');
    expect(existsSync(join(root, 'report2'))).toBe(false);
    expect(readdirSync(join(root, 'out'))).toContain('.metastable-output');
  });
});

describe('metastable reproduce checks its folders as any user, root included', () => {
  it('a --cache folder without write bits and a dangling-link --out are refused before any work', async () => {
    const root = mkdtempSync(join(tmpdir(), 'reproduce-perm-'));
    mkdirSync(join(root, 'locked'), { mode: 0o500 });
    await refused('reproduce', ['--only', 'beta-c-mode1', '--out', join(root, 'out'), '--cache', join(root, 'locked')], /--cache .*locked.* is read-only/);
    // A missing cache would be made inside the locked folder: as root too, that is refused by the folder's mode.
    await refused('reproduce', ['--only', 'beta-c-mode1', '--out', join(root, 'out'), '--cache', join(root, 'locked', 'cache')], /--cache .*locked is read-only/);
    symlinkSync(join(root, 'gone'), join(root, 'dangling'));
    await refused('reproduce', ['--only', 'beta-c-mode1', '--no-cache', '--out', join(root, 'dangling')], /--out: .*dangling is a link to nothing/);
    expect(readdirSync(join(root, 'locked'))).toEqual([]);
    chmodSync(join(root, 'locked'), 0o700);
  });
});

describe('metastable reproduce with a broken golden/protocols folder', () => {
  const tempDir = tempDirs('reproduce-protocols-');
  // A cache key covers every golden/protocols/*.json, so even --plan with a cache reads them all.
  it('a folder, a dangling link or a FIFO named *.json there is one line naming it and exit 2, and a FIFO does not hang', () => {
    const copy = checkoutCopy(tempDir());
    const protocols = join(copy, 'golden', 'protocols');
    mkdirSync(join(protocols, 'junk.json'));
    symlinkSync(join(protocols, 'nowhere.json'), join(protocols, 'gone.json'));
    spawnSync('mkfifo', [join(protocols, 'fifo.json')]);
    for (const [name, remove] of [['fifo.json', 'rm'], ['gone.json', 'rm'], ['junk.json', 'rmdir']] as const) {
      const r = spawnSync(process.execPath, ['bin/metastable.js', 'reproduce', '--plan', '--profile', 'smoke', '--only', 'phase-diagram-transitions', '--cache', join(copy, 'cache')], {
        cwd: copy,
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(r.status, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toEqual([`metastable: ${join(protocols, name)}: cannot be read (${name === 'gone.json' ? 'ENOENT' : 'not a regular file'}).`]);
      spawnSync(remove, [join(protocols, name)]);
    }
  });
});
