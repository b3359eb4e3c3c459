import { lstatSync, mkdtempSync, realpathSync, rmdirSync, statSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './usage-error.ts';

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a file stands somewhere above; existingFolder names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new UsageError(`${path} cannot be inspected (${code ?? 'error'}).`);
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/** The nearest existing path at or above `path`, which must be a folder: where a missing one would be created. */
function existingFolder(path: string, what: string): string {
  let dir = path;
  let stat = statOrNull(dir);
  while (stat === null) {
    dir = dirname(dir);
    stat = statOrNull(dir);
  }
  if (!stat.isDirectory()) throw new UsageError(`${what}: ${dir} is a file, not a folder.`);
  return dir;
}

/**
 * Creating and removing an empty folder is the one test that also sees read-only mounts, /proc and root's view. A
 * folder without write bits is read-only by intent: root's probe would pass, so it is refused by its mode first.
 */
function assertCanCreateIn(dir: string, what: string): void {
  if ((statSync(dir).mode & 0o222) === 0) throw new UsageError(`${what}: ${dir} is read-only; make it writable or choose another path.`);
  let probe: string;
  try {
    probe = mkdtempSync(join(dir, '.write-probe-'));
  } catch (error) {
    throw new UsageError(`${what}: cannot write in ${dir} (${(error as NodeJS.ErrnoException).code ?? 'error'}); choose another path or fix its permissions.`);
  }
  rmdirSync(probe);
}

/**
 * Refuses, before any computation, an output path that could not be written: for a folder, the folder itself (if it
 * exists) and the folder it sits in (a missing one is created there, a report renamed into place there); for a file,
 * the folder it goes into.
 */
export function assertWritable(path: string, flag: string, kind: 'folder' | 'file'): void {
  const what = `${flag} '${path}'`;
  const target = resolve(path);
  const stat = statOrNull(target);
  if (stat !== null && stat.isDirectory() !== (kind === 'folder')) {
    throw new UsageError(`${what} is a ${kind === 'folder' ? 'file' : 'folder'}, not a ${kind}.`);
  }
  if (stat === null && lstatOrNull(target)?.isSymbolicLink() === true) throw new UsageError(`${what} is a link to nothing: remove it or choose another path.`);
  if (stat !== null && kind === 'folder') assertCanCreateIn(target, what);
  assertCanCreateIn(existingFolder(dirname(target), what), what);
}

/** Whether `inner` is `outer` or lies inside it, by real paths where they exist (a symlink cannot hide nesting). */
export function isInside(inner: string, outer: string): boolean {
  const real = (path: string): string => {
    // The nearest existing ancestor resolved, the rest appended: a missing path under a linked folder is still inside it.
    const absolute = resolve(path);
    let existing = absolute;
    while (statOrNull(existing) === null && dirname(existing) !== existing) existing = dirname(existing);
    try {
      return join(realpathSync(existing), relative(existing, absolute));
    } catch {
      return absolute;
    }
  };
  const rel = relative(real(outer), real(inner));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The checkout this code runs from. */
const CHECKOUT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The checkout's own files, each top-level entry with what it holds: read by a run, written by none (`npm run golden`
 * aside). An output may sit in the checkout beside them (CI writes junit.xml and caches/ there), never inside one.
 */
export const CHECKOUT_OWN: Readonly<Record<string, string>> = {
  golden: 'ledger, protocols and pins',
  src: 'code',
  bin: 'command',
  scripts: 'scripts',
  spec: 'specs',
  bench: 'benchmark',
  paper: "paper's text",
  '.ci': 'CI recipe',
  '.github': 'CI workflows',
  'README.md': 'documentation',
  'REPRODUCE.md': 'documentation',
  'package.json': 'package manifest',
  'package-lock.json': 'pinned dependencies',
  'tsconfig.json': 'compiler settings',
  'vitest.config.ts': 'spec settings',
  '.dependency-cruiser.cjs': 'layering rules',
  '.gitignore': 'ignore list',
  dist: 'built command',
  node_modules: 'installed dependencies',
};

/** Where a run writes: its output and cache folders, its JUnit file and the CI step summary it appends to. */
export interface OutputPaths {
  readonly out?: string | undefined;
  readonly cache?: string | undefined;
  readonly junit?: string | undefined;
  readonly stepSummary?: string | undefined;
}

/**
 * Refuses, before any computation, outputs that would clobber what is not theirs: a file output inside the output
 * folder (replaced whole) or the cache, or equal to another output; any output inside one of the checkout's own
 * files (CHECKOUT_OWN: golden/, src/, README.md, package.json, …); an output folder and a cache nested in each
 * other; a file output that exists and is not a regular file (a folder, /dev/full), and a step summary whose folder
 * does not exist (it is appended to, never created with its folders).
 */
export function assertOutputsApart(paths: OutputPaths, checkout = CHECKOUT): void {
  const named: [string, string | undefined][] = [
    ['--out', paths.out],
    ['--cache', paths.cache],
    ['--junit', paths.junit],
    ['GITHUB_STEP_SUMMARY', paths.stepSummary],
  ];
  const given = named.filter((n): n is [string, string] => n[1] !== undefined && n[1] !== '');
  for (const [flag, path] of given) {
    for (const [entry, holds] of Object.entries(CHECKOUT_OWN)) {
      const own = join(checkout, entry);
      if (isInside(path, own)) throw new UsageError(`${flag} '${path}' is in the checkout's ${holds} (${own}), which a run never writes: choose another path.`);
    }
  }
  for (const [i, [flag, path]] of given.entries()) {
    for (const [otherFlag, other] of given.slice(i + 1)) {
      const folders = ['--out', '--cache'];
      const clash = isInside(path, other) && (folders.includes(otherFlag) || resolve(path) === resolve(other));
      const reverse = isInside(other, path) && folders.includes(flag);
      if (clash || reverse) throw new UsageError(`${flag} '${path}' and ${otherFlag} '${other}' overlap; give each its own place.`);
    }
  }
  for (const [flag, path] of given.filter(([flag]) => flag === '--junit' || flag === 'GITHUB_STEP_SUMMARY')) {
    const stat = statOrNull(resolve(path));
    if (stat !== null && !stat.isFile()) throw new UsageError(`${flag} '${path}' exists and is not a regular file.`);
  }
  if (paths.stepSummary !== undefined && paths.stepSummary !== '') {
    const folder = statOrNull(dirname(resolve(paths.stepSummary)));
    if (folder === null || !folder.isDirectory()) throw new UsageError(`GITHUB_STEP_SUMMARY '${paths.stepSummary}': its folder does not exist.`);
    assertWritable(paths.stepSummary, 'GITHUB_STEP_SUMMARY', 'file');
  }
}
