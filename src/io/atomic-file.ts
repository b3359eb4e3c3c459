import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let sequence = 0;

/**
 * `.NAME.PID.SEQ.metastable.tmp` (being written) or `.NAME.PID.SEQ.metastable.old` (a folder being replaced): the pid
 * tells whose it is, the token that this tool made it. Every temporary is a folder holding OWNED_MARKER (a file is
 * written inside one), and only such a folder is ever swept: a name can be planted, the marker inside it is this
 * tool's statement that the folder is its own.
 */
const TEMPORARY = /^\.(.+)\.(\d+)\.\d+\.metastable\.(tmp|old)$/;

/** A sibling of `path` that only this process writes, named so a later run can tell it was left behind. */
export function temporaryPath(path: string, kind: 'tmp' | 'old' = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${sequence++}.metastable.${kind}`);
}

/** The file that marks a folder as written, and replaced as a whole, by this tool (an output or staging folder). */
export const OWNED_MARKER = '.metastable-output';

/** Marks `dir` as this tool's: a later run may replace it, and sweep it if it is left as a temporary. */
export function markOwned(dir: string): void {
  writeFileDurable(join(dir, OWNED_MARKER), 'Written by metastable reproduce, which replaces this folder as a whole.\n');
}

/** Whether `dir` holds this tool's marker (a regular file, not a link planted to look like one). */
export function isOwned(dir: string): boolean {
  try {
    return lstatSync(join(dir, OWNED_MARKER)).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether a stale temporary at `path` is this tool's to sweep: a folder holding its marker, or an empty staging
 * folder (a writer killed between making the folder and marking it; removing an empty folder loses nothing). A file, a link
 * or an unmarked folder with content is left alone, whatever its name.
 */
function sweepable(path: string): boolean {
  try {
    if (!lstatSync(path).isDirectory()) return false;
    return isOwned(path) || (path.endsWith('.tmp') && readdirSync(path).length === 0);
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `name` is a temporary of a process that no longer runs (killed mid-write). */
export function isStaleTemporary(name: string): boolean {
  const match = TEMPORARY.exec(name);
  return match !== null && !isAlive(Number(match[2]));
}

/**
 * Finishes with a folder that replaceFolder set aside: each entry that the new folder lacks (what the writer did
 * not own) is moved into it, and the rest removed. Another process replacing the same target may move it away
 * meanwhile; such a race is retried (the target reappears once that process renames its folder in). What fails
 * otherwise is left for removeStaleTemporaries.
 */
function settleReplaced(old: string, target: string): void {
  for (let attempt = 0; attempt < MAX_REPLACE_ATTEMPTS; attempt++) {
    try {
      for (const name of readdirSync(old)) moveUnlessPresent(join(old, name), join(target, name));
      rmSync(old, { recursive: true, force: true });
      return;
    } catch (error) {
      if (!RACE_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return;
      // The other process's rename comes within microseconds; past a few tries, wait a millisecond between them.
      if (attempt > 10) Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Moves `from` to `to` unless `to` exists, without ever replacing what stands there: a file is linked then unlinked
 * (a link fails on an existing name where a rename would overwrite a newer writer's file), a folder renamed (which
 * fails on a non-empty folder).
 */
function moveUnlessPresent(from: string, to: string): void {
  if (existsSync(to)) return;
  if (!lstatSync(from).isFile()) {
    renameSync(from, to);
    return;
  }
  try {
    linkSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  unlinkSync(from);
}

/**
 * Removes the temporaries in `dir` that a killed process of this tool left: the folders of half-written files and
 * staging folders (only those holding OWNED_MARKER; a planted look-alike is left alone). A folder
 * set aside while being replaced is put back when nothing took its place, else settled as replaceFolder would
 * have, so a kill at any point loses nothing. Best effort: what cannot be removed now is left for a later run.
 */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  // Restores first, so a staging folder of the same write is not preferred over a complete old one.
  const stale = names.filter(isStaleTemporary).sort((a, b) => Number(b.endsWith('.old')) - Number(a.endsWith('.old')));
  for (const name of stale) {
    const path = join(dir, name);
    const target = join(dir, TEMPORARY.exec(name)![1]!);
    if (!sweepable(path)) continue;
    try {
      if (!name.endsWith('.old')) rmSync(path, { recursive: true, force: true });
      else if (existsSync(target)) settleReplaced(path, target);
      else renameSync(path, target);
    } catch {
      // Left for a later run.
    }
  }
}

const cleaned = new Set<string>();

/** Creates `dir` and, once per process, clears the temporaries killed runs left in it. */
function prepareFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  removeStaleTemporaries(dir);
}

/** Writes and flushes a file that no reader looks at yet (a temporary, or a file in a staging folder). */
export function writeFileDurable(path: string, content: string | Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file so that a reader (or an interrupted run) sees either the old content or the whole new
 * content, never a part: write it in a sibling temporary folder this tool marks as its own, flush it, then rename
 * it over the target. A kill leaves only that marked folder, which a later run sweeps.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  prepareFolder(dirname(path));
  const folder = temporaryPath(path);
  mkdirSync(folder);
  try {
    // Not flushed: a marker lost to a crash leaves the folder unmarked, and so merely left alone.
    writeFileSync(join(folder, OWNED_MARKER), TEMPORARY_NOTE);
    const temporary = join(folder, basename(path));
    writeFileDurable(temporary, content);
    renameSync(temporary, path);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const TEMPORARY_NOTE = 'A file being written by metastable; removed once it is in place.\n';

/**
 * Puts the complete folder `staging` in the place of `target`: the old folder is set aside, the new one renamed
 * in (with the old one's permissions), then the old one's entries that the new one lacks are moved over and the
 * rest removed. A reader sees the old set of the entries `staging` holds or the new one (between the two renames,
 * no folder), never a mixture; a kill at any point is repaired by removeStaleTemporaries.
 */
export function replaceFolder(target: string, staging: string): void {
  // Another process replacing the same target can move it between any two of these steps (ENOENT: it was set aside;
  // ENOTEMPTY/EEXIST: another new folder took its place); each such race is retried from where it stands, so every
  // caller ends with its folder put in place once and nothing left beside it. The last one to rename wins.
  for (let attempt = 0; ; attempt++) {
    const raced = (error: unknown): boolean => attempt < MAX_REPLACE_ATTEMPTS && RACE_CODES.has((error as NodeJS.ErrnoException).code ?? '');
    let old: string;
    try {
      if (!existsSync(target)) {
        renameSync(staging, target);
        return;
      }
      chmodSync(staging, statSync(target).mode & 0o7777);
      old = temporaryPath(target, 'old');
      renameSync(target, old);
    } catch (error) {
      if (raced(error)) continue;
      throw error;
    }
    try {
      renameSync(staging, target);
    } catch (error) {
      if (raced(error)) {
        // Another folder took the place: carry the one set aside into it, and replace that one in turn.
        putBack(old, target);
        continue;
      }
      renameSync(old, target);
      throw error;
    }
    settleReplaced(old, target);
    return;
  }
}

/** `old` back in the place of `target`, or, where another folder stands there now, its entries carried into that one. */
function putBack(old: string, target: string): void {
  try {
    renameSync(old, target);
  } catch {
    settleReplaced(old, target);
  }
}

/** The error codes of a rename that lost a race with another process replacing the same folder. */
const RACE_CODES: ReadonlySet<string> = new Set(['ENOENT', 'ENOTEMPTY', 'EEXIST']);
const MAX_REPLACE_ATTEMPTS = 1000;
