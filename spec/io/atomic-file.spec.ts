import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic-file.ts';

describe('writeFileAtomic', () => {
  it('creates missing folders and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const target = join(dir, 'a', 'b', 'out.json');
    writeFileAtomic(target, '{"x":1}');
    expect(readFileSync(target, 'utf8')).toBe('{"x":1}');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['out.json']);
  });

  it('replaces existing content whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const target = join(dir, 'out.txt');
    writeFileSync(target, 'old content that is longer');
    writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('leaves the old file and no temporary when the write fails', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
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
