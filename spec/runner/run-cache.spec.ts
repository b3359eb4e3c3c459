import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedRun, canonicalJson, readCachedRun, runCacheKey } from '../../src/runner/run-cache.ts';
import { deterministicPart } from '../../src/run/run-protocol.ts';
import { tinyProtocol } from '../run/tiny-protocol.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'run-cache-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});

describe('run cache', () => {
  const p = tinyProtocol('random-init');

  it('keys on protocol settings, seed and overrides', () => {
    const key = runCacheKey(p, 1, {});
    expect(runCacheKey(p, 1, {})).toBe(key);
    expect(runCacheKey(p, 2, {})).not.toBe(key);
    expect(runCacheKey(p, 1, { lr: 0.01 })).not.toBe(key);
    expect(runCacheKey({ ...p, beta: 0.3 }, 1, {})).not.toBe(key);
  });

  it('stores a run and serves it back', () => {
    const dir = tempDir();
    const first = cachedRun(p, 1, { epochs: 5 }, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    const again = cachedRun(p, 1, { epochs: 5 }, dir);
    expect(again).toEqual(first);
  });

  it('recomputes a corrupted entry: bad JSON or a content-hash mismatch', () => {
    const dir = tempDir();
    const key = runCacheKey(p, 1, { epochs: 5 });
    const file = join(dir, `${key}.json`);
    const good = cachedRun(p, 1, { epochs: 5 }, dir);

    writeFileSync(file, '{"key": "trunc');
    expect(readCachedRun(dir, key)).toBeNull();
    const fromBad = cachedRun(p, 1, { epochs: 5 }, dir);
    expect(deterministicPart(fromBad)).toEqual(deterministicPart(good));
    expect(readCachedRun(dir, key)).not.toBeNull();

    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.record.final.testMse = 0.123;
    writeFileSync(file, JSON.stringify(entry));
    expect(readCachedRun(dir, key)).toBeNull();
    const fromTampered = cachedRun(p, 1, { epochs: 5 }, dir);
    expect(fromTampered.final.testMse).toBe(good.final.testMse);
  });
});
