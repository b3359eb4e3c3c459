import { accessSync, constants, existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWNED_MARKER, isOwned, markOwned, removeStaleTemporaries, replaceFolder, temporaryPath, writeFileDurable } from '../io/index.ts';
import { renderHtmlReport } from './html-report.ts';
import { FIGURE_DIR, renderReport, type ReportFigure } from './markdown.ts';
import { serialiseResults, type Results } from './results.ts';

/** An output folder the report cannot be written to; the message names the folder and what to change. */
export class OutputFolderError extends Error {
  override readonly name = 'OutputFolderError';
}

function statOrNull(path: string, follow: boolean): Stats | null {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new OutputFolderError(`${path}: a part of the path is a file, not a folder.`);
    throw new OutputFolderError(`${path} cannot be examined (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

/** Writable by this process, and not marked read-only (no write bit): a read-only folder is honoured even by root. */
function isWritableFolder(path: string, stats: Stats): boolean {
  if ((stats.mode & 0o222) === 0) return false;
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The checkout this code runs from: never an output folder, nor inside one. */
const PACKAGE_ROOT = realpathSync(fileURLToPath(new URL('../../', import.meta.url))).replace(/[\\/]$/, '');

/** The folder the report replaces: symbolic links resolved, so a linked output folder stays linked. */
function reportFolder(dir: string): string {
  return existsSync(dir) ? realpathSync(dir) : resolve(dir);
}

/**
 * Throws an OutputFolderError unless the report can be written to `dir`: cheap, so a command calls it before any
 * computation. `dir` must be a writable folder (or absent, under a writable one), not the working folder or one that
 * holds it, nor the checkout or one that holds it; an existing folder must be empty or carry the marker of an earlier
 * report (OWNED_MARKER), so a folder of other files is never replaced; and the folders in it writable (figures/ is replaced, any other is moved into the new report folder);
 * the folder that holds `dir` must be writable too, since the new report is staged beside it.
 */
export function checkOutputWritable(dir: string): void {
  if (dir.trim() === '') throw new OutputFolderError('the output folder is empty: name a folder.');
  const target = reportFolder(dir);
  const cwd = realpathSync(process.cwd());
  if (cwd === target || cwd.startsWith(target.endsWith(sep) ? target : `${target}${sep}`)) {
    throw new OutputFolderError(`${dir} holds the working folder; the report folder is replaced as a whole: choose a folder of its own (default out).`);
  }
  if (PACKAGE_ROOT === target || PACKAGE_ROOT.startsWith(`${target}${sep}`) || target === sep) {
    throw new OutputFolderError(`${dir} holds this checkout; the report folder is replaced as a whole: choose a folder of its own (default out).`);
  }
  const stats = statOrNull(target, true);
  if (stats === null && statOrNull(target, false)?.isSymbolicLink() === true) throw new OutputFolderError(`${dir} is a link to nothing: remove it or choose another output folder.`);
  if (stats !== null) {
    if (!stats.isDirectory()) throw new OutputFolderError(`${dir} is not a folder: name a folder for the report.`);
    if (readdirSync(target).length > 0 && !isOwned(target)) {
      throw new OutputFolderError(
        `${dir} is not empty and was not written by metastable reproduce (no ${OWNED_MARKER}); the report folder is replaced as a whole: choose a new or empty folder.`,
      );
    }
    if (!isWritableFolder(target, stats)) throw new OutputFolderError(`${dir} is read-only: make it writable or choose another output folder.`);
    for (const name of readdirSync(target)) {
      const path = join(target, name);
      const entry = statOrNull(path, false);
      if (entry?.isDirectory() === true && !isWritableFolder(path, entry)) {
        throw new OutputFolderError(`${join(dir, name)} is read-only: make it writable or choose another output folder.`);
      }
    }
  }
  let parent = dirname(target);
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
  const parentStats = statOrNull(parent, true);
  if (parentStats === null || !parentStats.isDirectory() || !isWritableFolder(parent, parentStats)) {
    throw new OutputFolderError(`cannot create the report's folder in ${parent}: it is not a writable folder.`);
  }
}

/** The report's own files: an extra file beside them may not take one of their names. */
const REPORT_FILES = new Set(['results.json', 'report.html', 'REPORT.md', FIGURE_DIR, OWNED_MARKER]);

/**
 * Writes figures/, results.json and REPORT.md, and any `extras` (file name → text, such as the run's timings.json),
 * as one unit: all into a staging folder beside `outDir`, which then replaces `outDir` whole (io/atomic-file.ts
 * replaceFolder). A reader never sees new figures beside an old report, nor figures left from an earlier run; an
 * interrupted or failed write leaves the old folder as it was. Entries of `outDir` that are not the report's (a run
 * cache, notes) are kept.
 */
export function writeReport(outDir: string, results: Results, figures: readonly ReportFigure[], extras: Readonly<Record<string, string>> = {}): string[] {
  for (const name of Object.keys(extras)) {
    if (REPORT_FILES.has(name) || name !== basename(name) || name === '' || name === '.' || name === '..') throw new RangeError(`${JSON.stringify(name)} cannot be an extra file of the report`);
  }
  checkOutputWritable(outDir);
  const target = reportFolder(outDir);
  mkdirSync(dirname(target), { recursive: true });
  removeStaleTemporaries(dirname(target));
  const staging = temporaryPath(target);
  try {
    mkdirSync(join(staging, FIGURE_DIR), { recursive: true });
    markOwned(staging);
    for (const figure of figures) writeFileDurable(join(staging, FIGURE_DIR, `${figure.id}.svg`), figure.svg);
    writeFileDurable(join(staging, 'results.json'), serialiseResults(results));
    for (const [name, text] of Object.entries(extras)) writeFileDurable(join(staging, name), text);
    writeFileDurable(join(staging, 'report.html'), renderHtmlReport(results, figures));
    writeFileDurable(join(staging, 'REPORT.md'), renderReport(results, figures));
    replaceFolder(target, staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return [
    ...figures.map((f) => join(outDir, FIGURE_DIR, `${f.id}.svg`)),
    join(outDir, 'results.json'),
    ...Object.keys(extras).map((name) => join(outDir, name)),
    join(outDir, 'report.html'),
    join(outDir, 'REPORT.md'),
  ];
}
