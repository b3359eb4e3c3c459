import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { FINGERPRINTED_SOURCES, currentEngine, engineFingerprint, sourceFingerprint } from '../../src/runner/engine-fingerprint.ts';
import { DEFAULT_NUMERICS } from '../../src/protocols/protocols.ts';
import { ENGINE_VERSION } from '../../src/run/run-protocol.ts';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'fingerprint-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('engine fingerprint', () => {
  it('covers sources that exist: the engine, the data and the run code', () => {
    for (const entry of FINGERPRINTED_SOURCES) expect(existsSync(join(SRC, entry)), entry).toBe(true);
    expect(engineFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(engineFingerprint()).toBe(sourceFingerprint(SRC, FINGERPRINTED_SOURCES));
    expect(currentEngine()).toEqual({ version: ENGINE_VERSION, fingerprint: engineFingerprint(), defaultNumerics: DEFAULT_NUMERICS });
  });

  it('changes with any byte of a listed file, a new file in a listed folder, or a file moved; not with line endings', () => {
    const base = { 'engine/a.ts': 'export const a = 1;\n', 'engine/sub/b.ts': 'b\n', 'run.ts': 'r\n' };
    const entries = ['engine', 'run.ts'];
    const print = (files: Record<string, string>) => sourceFingerprint(tree(files), entries);
    const reference = print(base);
    expect(print({ ...base })).toBe(reference);
    expect(print({ ...base, 'engine/a.ts': 'export const a = 2;\n' })).not.toBe(reference);
    expect(print({ ...base, 'engine/sub/c.ts': '' })).not.toBe(reference);
    const { 'engine/sub/b.ts': b, ...rest } = base;
    expect(print({ ...rest, 'engine/b.ts': b })).not.toBe(reference);
    expect(print({ ...base, 'engine/notes.md': 'not code' })).toBe(reference);
    expect(print({ ...base, 'engine/a.ts': 'export const a = 1;\r\n' })).toBe(reference);
  });

  it('refuses a listed source that does not exist, so a moved file is not silently dropped', () => {
    expect(() => sourceFingerprint(tree({ 'x.ts': '' }), ['x.ts', 'gone.ts'])).toThrow(/ENOENT/);
  });
});
