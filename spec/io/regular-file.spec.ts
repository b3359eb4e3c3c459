import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readErrorCode, readRegularFile } from '../../src/io/regular-file.ts';
import { tempDirs } from './temp-dirs.ts';

const tempDir = tempDirs('regular-file-');

const codeOf = (read: () => unknown): string => {
  try {
    read();
    return 'read';
  } catch (error) {
    return readErrorCode(error);
  }
};

describe('readRegularFile', () => {
  it('reads a regular file, follows a link unless told not to, and refuses a FIFO or a folder at once', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), '{}');
    symlinkSync('a.json', join(dir, 'link.json'));
    execFileSync('mkfifo', [join(dir, 'fifo.json')]);
    expect(readRegularFile(join(dir, 'a.json'))).toBe('{}');
    expect(readRegularFile(join(dir, 'link.json'))).toBe('{}');
    expect(codeOf(() => readRegularFile(join(dir, 'link.json'), { noFollow: true }))).toBe('ELOOP');
    expect(codeOf(() => readRegularFile(join(dir, 'fifo.json')))).toBe('ENOTREG');
    expect(codeOf(() => readRegularFile(dir))).toBe('ENOTREG');
    expect(codeOf(() => readRegularFile(join(dir, 'missing')))).toBe('ENOENT');
  });
});
