import { mkdtempSync, rmdirSync, statSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/** Creating and removing an empty folder is the one test that also sees read-only mounts, /proc and root's view. */
function assertCanCreateIn(dir: string, what: string): void {
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
  if (stat !== null && kind === 'folder') assertCanCreateIn(target, what);
  assertCanCreateIn(existingFolder(dirname(target), what), what);
}
