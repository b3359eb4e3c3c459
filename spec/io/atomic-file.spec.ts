import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadPid, tempDirs } from './temp-dirs.ts';
import { OWNED_MARKER, isStaleTemporary, markOwned, removeStaleTemporaries, replaceFolder, temporaryPath, writeFileAtomic } from '../../src/io/atomic-file.ts';

/** Each test's own folder, removed after it. */
const freshDir = tempDirs('atomic-');

describe('writeFileAtomic', () => {
  it('creates missing folders and leaves no temporary file behind', () => {
    const dir = freshDir();
    const target = join(dir, 'a', 'b', 'out.json');
    writeFileAtomic(target, '{"x":1}');
    expect(readFileSync(target, 'utf8')).toBe('{"x":1}');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.json']);
  });

  it('replaces existing content whole', () => {
    const dir = freshDir();
    const target = join(dir, 'out.txt');
    writeFileSync(target, 'old content that is longer');
    writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('leaves the old file and no temporary when the write fails', () => {
    const dir = freshDir();
    const target = join(dir, 'out.txt');
    writeFileSync(target, 'old');
    // A folder cannot be renamed over by a file: the rename fails after the temporary was written.
    const blocked = join(dir, 'sub');
    writeFileAtomic(join(blocked, 'keep'), 'x');
    expect(() => writeFileAtomic(blocked, 'new')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['out.txt', 'sub']);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });
});

describe('temporaries left by a killed run', () => {
  it('are removed by a later write into the same folder; those of running processes are kept', () => {
    const dir = freshDir();
    // A writer killed (SIGKILL) between writing its temporary and renaming it.
    // The writer's own steps, as writeFileAtomic takes them: a marked temporary folder, the half-written file in it.
    const killed = spawnSync(process.execPath, [
      '-e',
      `const fs = require('node:fs'), path = require('node:path');` +
        `const folder = path.join(${JSON.stringify(dir)}, '.run.json.' + process.pid + '.0.metastable.tmp');` +
        `fs.mkdirSync(folder); fs.writeFileSync(path.join(folder, ${JSON.stringify(OWNED_MARKER)}), '');` +
        `fs.writeFileSync(path.join(folder, 'run.json'), '{"half');` +
        "process.kill(process.pid, 'SIGKILL');",
    ]);
    expect(killed.signal).toBe('SIGKILL');
    // Killed between making its folder and marking it: an empty folder, which loses nothing when removed.
    mkdirSync(join(dir, `.early.json.${killed.pid}.1.metastable.tmp`));
    const live = `.other.json.${process.ppid}.3.metastable.tmp`;
    mkdirSync(join(dir, live));
    markOwned(join(dir, live));
    writeFileSync(join(dir, 'notes.1.2.tmp'), 'not ours: no leading dot');
    expect(readdirSync(dir)).toContain(`.run.json.${killed.pid}.0.metastable.tmp`);
    writeFileAtomic(join(dir, 'run.json'), '{}');
    expect(readdirSync(dir).sort()).toEqual([live, 'notes.1.2.tmp', 'run.json'].sort());
  });

  it('are told apart by the pid in their name', () => {
    const mine = temporaryPath('/x/out.json');
    expect(mine).toMatch(new RegExp(`^/x/\\.out\\.json\\.${process.pid}\\.\\d+\\.metastable\\.tmp$`));
    expect(isStaleTemporary(mine.slice(3))).toBe(false);
    expect(isStaleTemporary(`.out.json.${deadPid()}.0.metastable.tmp`)).toBe(true);
    expect(isStaleTemporary(`.out.${deadPid()}.0.metastable.old`)).toBe(true);
    // Without the token the name is not this tool's.
    expect(isStaleTemporary(`.out.${deadPid()}.0.old`)).toBe(false);
    expect(isStaleTemporary('out.json')).toBe(false);
  });

  it('lose nothing when the kill fell between the two renames of a folder replacement', () => {
    const dir = freshDir();
    const pid = deadPid();
    // Killed after setting the old folder aside, before renaming the new one in: the old one is put back.
    const owned = (name: string, report: string) => {
      mkdirSync(join(dir, name));
      markOwned(join(dir, name));
      writeFileSync(join(dir, name, 'REPORT.md'), report);
    };
    owned(`.out.${pid}.1.metastable.old`, 'old');
    owned(`.out.${pid}.0.metastable.tmp`, 'new');
    removeStaleTemporaries(dir);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readFileSync(join(dir, 'out', 'REPORT.md'), 'utf8')).toBe('old');
    // Killed after the new one was in place, before the old one's other entries were moved over.
    owned(`.out.${pid}.2.metastable.old`, 'older');
    writeFileSync(join(dir, `.out.${pid}.2.metastable.old`, 'notes.txt'), 'mine');
    removeStaleTemporaries(dir);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([OWNED_MARKER, 'REPORT.md', 'notes.txt']);
    expect(readFileSync(join(dir, 'out', 'REPORT.md'), 'utf8')).toBe('old');
  });
});

describe('temporaries this tool did not make', () => {
  it('are left alone: a planted old or staging folder without the marker, a link, a file of a temporary\'s name', () => {
    const dir = freshDir();
    const pid = deadPid();
    const planted = [`.report2.${pid}.0.metastable.old`, `.report3.${pid}.0.metastable.tmp`, `.report4.${pid}.0.old`, `.report5.${pid}.0.tmp`];
    for (const name of planted) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'data.txt'), 'not the tool\'s');
    }
    writeFileSync(join(dir, `.notes.${pid}.0.metastable.old`), 'a file is never an old folder');
    // A file under a killed writer's temporary name: this tool writes its files inside marked folders, never so.
    writeFileSync(join(dir, `.report6.${pid}.0.metastable.tmp`), 'a file of the same name, not the tool\'s');
    // An empty folder named as an old one: putting it back would make a `report7/` that never was.
    mkdirSync(join(dir, `.report7.${pid}.0.metastable.old`));
    symlinkSync(dir, join(dir, `.loop.${pid}.0.metastable.tmp`));
    const before = readdirSync(dir).sort();
    removeStaleTemporaries(dir);
    expect(readdirSync(dir).sort()).toEqual(before);
    for (const name of planted) expect(readFileSync(join(dir, name, 'data.txt'), 'utf8')).toBe('not the tool\'s');
  });
});

describe('replaceFolder', () => {
  it('puts the new folder in place, keeps the old one\'s other entries and leaves nothing beside it', () => {
    const dir = freshDir();
    const target = join(dir, 'out');
    mkdirSync(join(target, 'figures'), { recursive: true });
    writeFileSync(join(target, 'figures', 'stale.svg'), '');
    writeFileSync(join(target, 'keep.txt'), 'k');
    const staging = temporaryPath(target);
    mkdirSync(join(staging, 'figures'), { recursive: true });
    writeFileSync(join(staging, 'figures', 'new.svg'), '');
    replaceFolder(target, staging);
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(target).sort()).toEqual(['figures', 'keep.txt']);
    expect(readdirSync(join(target, 'figures'))).toEqual(['new.svg']);
  });
});

describe('replaceFolder, called by several processes on one target at once', () => {
  it('puts every caller’s folder in place in turn and leaves nothing beside the target', () => {
    const dir = freshDir();
    const target = join(dir, 'report');
    const module = new URL('../../src/io/atomic-file.ts', import.meta.url).href;
    // Each process writes 40 staging folders, marked with its id, and replaces the target with each.
    const script = `
      const { mkdirSync, writeFileSync } = require('node:fs');
      import(${JSON.stringify(module)}).then(({ replaceFolder, markOwned, temporaryPath }) => {
        for (let i = 0; i < 40; i++) {
          const staging = temporaryPath(${JSON.stringify(target)});
          mkdirSync(staging);
          markOwned(staging);
          writeFileSync(staging + '/who', process.argv[1] + ' ' + i);
          replaceFolder(${JSON.stringify(target)}, staging);
        }
      });`;
    const children = Array.from({ length: 4 }, (_, k) => spawn(process.execPath, ['--import', 'tsx', '-e', script, String(k)], { stdio: ['ignore', 'ignore', 'pipe'] }));
    return Promise.all(
      children.map((c) => new Promise<{ code: number | null; stderr: string }>((resolve) => {
        let stderr = '';
        c.stderr!.on('data', (d) => (stderr += String(d)));
        c.on('close', (code) => resolve({ code, stderr }));
      })),
    ).then((ends) => {
      expect(ends.map((e) => e.code === 0 ? 0 : e.stderr)).toEqual([0, 0, 0, 0]);
      expect(readdirSync(dir)).toEqual(['report']);
      expect(readFileSync(join(target, 'who'), 'utf8')).toMatch(/^[0-3] 39$/);
    });
  }, 60_000);
});
