import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWNED_MARKER, markOwned } from '../../src/io/atomic-file.ts';
import { describe, expect, it } from 'vitest';
import { buildResults } from '../../src/report/results.ts';
import { OutputFolderError, checkOutputWritable, writeReport } from '../../src/report/write-report.ts';
import { deadPid, tempDirs } from '../io/temp-dirs.ts';

const tempDir = tempDirs('write-report-');

const figure = (id: string, svg = `<svg id="${id}"/>`) => ({ id, title: id, caption: `caption of ${id}`, svg });
const results = (ids: string[]) => buildResults([], 'smoke', ids.map((id) => ({ id, title: id, file: `figures/${id}.svg` })), {});

/** Every file under `dir`, relative, with its content: what a reader of the folder sees. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = readFileSync(path, 'utf8');
  }
  return files;
}

describe('writeReport', () => {
  it('writes REPORT.md, results.json and figures/ into a new folder, leaving no temporary beside it', () => {
    const parent = tempDir();
    const out = join(parent, 'a', 'out');
    const written = writeReport(out, results(['f1']), [figure('f1')]);
    expect(written).toEqual([join(out, 'figures', 'f1.svg'), join(out, 'results.json'), join(out, 'report.html'), join(out, 'REPORT.md')]);
    expect(Object.keys(snapshot(out))).toEqual([OWNED_MARKER, 'REPORT.md', 'figures/f1.svg', 'report.html', 'results.json']);
    expect(readdirSync(join(parent, 'a'))).toEqual(['out']);
  });

  it('replaces an earlier report as a unit: no figure of the old one is left; other entries and the mode are kept', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    writeReport(out, results(['old-1', 'old-2']), [figure('old-1'), figure('old-2')]);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    mkdirSync(join(out, 'cache'));
    writeFileSync(join(out, 'cache', 'entry.json'), '{}');
    chmodSync(out, 0o750);
    writeReport(out, results(['new']), [figure('new')]);
    expect(Object.keys(snapshot(out))).toEqual([OWNED_MARKER, 'REPORT.md', 'cache/entry.json', 'figures/new.svg', 'notes.txt', 'report.html', 'results.json']);
    expect(readFileSync(join(out, 'REPORT.md'), 'utf8')).toContain('figures/new.svg');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(statSync(out).mode & 0o777).toBe(0o750);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('leaves the old report exactly as it was, and no temporary, when a write fails part-way', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    writeReport(out, results(['a']), [figure('a')]);
    const before = snapshot(out);
    // A file name with a NUL byte: the first figure is written, the second fails.
    expect(() => writeReport(out, results(['b', 'c\0']), [figure('b'), figure('c\0')])).toThrow();
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('does not touch a read-only output folder, even with a writable figures/: no mixture of old and new', () => {
    const parent = tempDir();
    const out = join(parent, 'out');
    writeReport(out, results(['old']), [figure('old')]);
    const before = snapshot(out);
    chmodSync(out, 0o555);
    expect(() => checkOutputWritable(out)).toThrow(/is read-only/);
    expect(() => writeReport(out, results(['new']), [figure('new')])).toThrow(OutputFolderError);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('removes the staging folder a killed run left beside the output folder', () => {
    const parent = tempDir();
    const dead = deadPid();
    const staging = join(parent, `.out.${dead}.0.metastable.tmp`);
    mkdirSync(join(staging, 'figures'), { recursive: true });
    markOwned(staging);
    writeFileSync(join(staging, 'figures', 'half.svg'), '<sv');
    writeReport(join(parent, 'out'), results(['a']), [figure('a')]);
    expect(readdirSync(parent)).toEqual(['out']);
  });
});

describe('checkOutputWritable', () => {
  it('accepts an absent folder under a writable one, and an earlier report', () => {
    const parent = tempDir();
    expect(() => checkOutputWritable(join(parent, 'x', 'y'))).not.toThrow();
    writeReport(join(parent, 'out'), results([]), []);
    expect(() => checkOutputWritable(join(parent, 'out'))).not.toThrow();
    expect(existsSync(join(parent, 'x'))).toBe(false);
  });

  it('refuses, naming the folder: empty, a file, a read-only parent, a read-only subfolder, the working folder', () => {
    const parent = tempDir();
    const refuses = (dir: string, message: RegExp) => expect(() => checkOutputWritable(dir)).toThrow(message);
    refuses('', /empty/);
    refuses('  ', /empty/);
    writeFileSync(join(parent, 'file'), '');
    refuses(join(parent, 'file'), /is not a folder/);
    refuses(join(parent, 'file', 'out'), /part of the path is a file/);
    mkdirSync(join(parent, 'locked'), { mode: 0o555 });
    refuses(join(parent, 'locked', 'out'), /cannot create the report's folder in .*locked/);
    mkdirSync(join(parent, 'out', 'figures'), { recursive: true });
    markOwned(join(parent, 'out'));
    chmodSync(join(parent, 'out', 'figures'), 0o555);
    refuses(join(parent, 'out'), /figures is read-only/);
    refuses('.', /holds the working folder/);
    refuses('..', /holds the working folder/);
  });

  it('refuses a folder of other files (no marker of an earlier report) and the checkout, from any working folder', () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'theirs', 'figures'), { recursive: true });
    writeFileSync(join(parent, 'theirs', 'results.json'), 'their results');
    expect(() => checkOutputWritable(join(parent, 'theirs'))).toThrow(/is not empty and was not written by metastable reproduce/);
    mkdirSync(join(parent, 'empty'));
    expect(() => checkOutputWritable(join(parent, 'empty'))).not.toThrow();
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const cwd = process.cwd();
    process.chdir(parent);
    try {
      expect(() => checkOutputWritable(root)).toThrow(/holds this checkout/);
      expect(() => checkOutputWritable('/')).toThrow(/holds the working folder/);
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(join(parent, 'theirs', 'results.json'), 'utf8')).toBe('their results');
  });
});

describe('writeReport with extra files', () => {
  it('writes them into the same folder as a unit, leaves results.json byte for byte as without them, and drops an old one a later report lacks', () => {
    const parent = tempDir();
    const plain = join(parent, 'plain');
    const withTimings = join(parent, 'with');
    writeReport(plain, results(['f1']), [figure('f1')]);
    const written = writeReport(withTimings, results(['f1']), [figure('f1')], { 'timings.json': '{"jobs":[]}\n' });
    expect(written).toContain(join(withTimings, 'timings.json'));
    expect(written.at(-1)).toBe(join(withTimings, 'REPORT.md'));
    expect(readFileSync(join(withTimings, 'timings.json'), 'utf8')).toBe('{"jobs":[]}\n');
    expect(readFileSync(join(withTimings, 'results.json'))).toEqual(readFileSync(join(plain, 'results.json')));
    writeReport(withTimings, results(['f1']), [figure('f1')], { 'timings.json': '{"jobs":[1]}\n' });
    expect(readFileSync(join(withTimings, 'timings.json'), 'utf8')).toBe('{"jobs":[1]}\n');
  });

  it('refuses an extra file that would take a report file\'s name or lie outside the folder', () => {
    const out = join(tempDir(), 'out');
    for (const name of ['results.json', 'REPORT.md', 'figures', '../x.json', 'a/b.json', '']) {
      expect(() => writeReport(out, results([]), [], { [name]: 'x' })).toThrow(RangeError);
    }
    expect(existsSync(out)).toBe(false);
  });
});
