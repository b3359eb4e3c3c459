import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentEngine } from '../../src/runner/engine-fingerprint.ts';
import { DEFAULT_NUMERICS } from '../../src/protocols/protocols.ts';
import {
  cachedRun,
  canonicalJson,
  readCachedRun,
  runCacheKey,
  runInputs,
  sha256,
  writeCachedRun,
} from '../../src/runner/run-cache.ts';
import { deterministicPart } from '../../src/run/run-protocol.ts';
import { tinyProtocol } from '../run/tiny-protocol.ts';
import { tempDirs } from '../io/temp-dirs.ts';

const tempDir = tempDirs('run-cache-');

function reporter(): { lines: string[]; report: (line: string) => void } {
  const lines: string[] = [];
  return { lines, report: (line) => void lines.push(line) };
}

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
  });
});

describe('run cache', () => {
  const p = tinyProtocol('random-init');
  const otherEngine = { ...currentEngine('runs'), fingerprint: 'f'.repeat(64) };

  it('keys on protocol settings, seed, overrides and the engine: version, source fingerprint, default numerics', () => {
    const key = runCacheKey(p, 1, {});
    expect(runCacheKey(p, 1, {})).toBe(key);
    expect(runCacheKey(p, 2, {})).not.toBe(key);
    expect(runCacheKey(p, 1, { lr: 0.01 })).not.toBe(key);
    expect(runCacheKey({ ...p, beta: 0.3 }, 1, {})).not.toBe(key);
    expect(runCacheKey(p, 1, {}, otherEngine)).not.toBe(key);
    expect(runCacheKey(p, 1, {}, { ...currentEngine('runs'), version: 'engine-0' })).not.toBe(key);
    expect(runCacheKey(p, 1, {})).toBe(sha256(canonicalJson(runInputs(p, 1, {}))));
  });

  it('changes its key when a default numeric changes, with ENGINE_VERSION as it was, and recomputes', () => {
    const dir = tempDir();
    const defaults = DEFAULT_NUMERICS as { flushBelow: number };
    const saved = defaults.flushBelow;
    const before = runCacheKey(p, 1, { epochs: 5 });
    cachedRun(p, 1, { epochs: 5 }, dir);
    try {
      defaults.flushBelow = 1e-200;
      expect(runCacheKey(p, 1, { epochs: 5 })).not.toBe(before);
      // The warm run does not reuse the record made under the old default.
      expect(cachedRun(p, 1, { epochs: 5 }, dir).numerics.flushBelow).toBe(1e-200);
    } finally {
      defaults.flushBelow = saved;
    }
    expect(runCacheKey(p, 1, { epochs: 5 })).toBe(before);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('stores a run and serves it back', () => {
    const dir = tempDir();
    const first = cachedRun(p, 1, { epochs: 5 }, dir);
    expect(readdirSync(dir)).toHaveLength(1);
    const again = cachedRun(p, 1, { epochs: 5 }, dir);
    expect(again).toEqual(first);
  });

  it('never serves an entry made by another engine source', () => {
    const dir = tempDir();
    const genuine = cachedRun(p, 1, { epochs: 5 }, dir);
    // An entry whose engine fingerprint is not this checkout's, holding a different value: not read.
    const stale = runInputs(p, 1, { epochs: 5 }, otherEngine);
    writeCachedRun(dir, stale, { ...genuine, final: { ...genuine.final, testMse: 0.5 } });
    expect(readCachedRun(dir, sha256(canonicalJson(stale)))?.final.testMse).toBe(0.5);
    expect(cachedRun(p, 1, { epochs: 5 }, dir).final.testMse).toBe(genuine.final.testMse);
    // And the other way: the current entry is not read under the other engine, which computes its own.
    rmSync(join(dir, `${sha256(canonicalJson(stale))}.json`));
    const { lines, report } = reporter();
    expect(deterministicPart(cachedRun(p, 1, { epochs: 5 }, dir, { engine: otherEngine, report }))).toEqual(deterministicPart(genuine));
    expect(readdirSync(dir)).toHaveLength(2);
    expect(lines).toEqual([]);
  });

  it('recomputes a corrupted entry and reports it once: bad JSON or a content-hash mismatch', () => {
    const dir = tempDir();
    const key = runCacheKey(p, 1, { epochs: 5 });
    const file = join(dir, `${key}.json`);
    const good = cachedRun(p, 1, { epochs: 5 }, dir);

    writeFileSync(file, '{"key": "trunc');
    expect(readCachedRun(dir, key)).toBeNull();
    const { lines, report } = reporter();
    const fromBad = cachedRun(p, 1, { epochs: 5 }, dir, { report });
    expect(deterministicPart(fromBad)).toEqual(deterministicPart(good));
    expect(lines).toEqual([`run cache: ${file} is not valid JSON; recomputing`]);
    expect(readCachedRun(dir, key)).not.toBeNull();

    const entry = JSON.parse(readFileSync(file, 'utf8'));
    entry.record.final.testMse = 0.123;
    writeFileSync(file, JSON.stringify(entry));
    expect(readCachedRun(dir, key)).toBeNull();
    const fromTampered = cachedRun(p, 1, { epochs: 5 }, dir, { report });
    expect(fromTampered.final.testMse).toBe(good.final.testMse);
    expect(lines[1]).toMatch(/content hash mismatch/);
    // The recomputed entry replaced the bad one: the next read is silent.
    cachedRun(p, 1, { epochs: 5 }, dir, { report });
    expect(lines).toHaveLength(2);
  });

  it('detects a record of another run swapped in with its key, inputs and hashes rewritten', () => {
    const dir = tempDir();
    const one = cachedRun(p, 1, { epochs: 5 }, dir);
    const two = cachedRun(p, 2, { epochs: 5 }, dir);
    const keyTwo = runCacheKey(p, 2, { epochs: 5 });
    const fileTwo = join(dir, `${keyTwo}.json`);
    const entryOne = JSON.parse(readFileSync(join(dir, `${runCacheKey(p, 1, { epochs: 5 })}.json`), 'utf8'));
    const { lines, report } = reporter();

    // Seed 1's entry under seed 2's name and key, its content hash recomputed over the record alone (the old scheme).
    writeFileSync(fileTwo, JSON.stringify({ ...entryOne, key: keyTwo, contentHash: sha256(canonicalJson(entryOne.record)) }));
    expect(readCachedRun(dir, keyTwo, report)).toBeNull();
    expect(lines.pop()).toMatch(/inputs do not hash to its key/);

    // The same with seed 2's inputs and a content hash over record + inputs: the record is not the run they name.
    const inputsTwo = runInputs(p, 2, { epochs: 5 });
    const forged = { key: keyTwo, inputs: inputsTwo, contentHash: sha256(canonicalJson({ inputs: inputsTwo, record: one })), record: one };
    writeFileSync(fileTwo, JSON.stringify(forged));
    expect(readCachedRun(dir, keyTwo, report)).toBeNull();
    expect(lines.pop()).toMatch(/record has seed 1 where its inputs say 2/);

    // An entry of a malformed shape is refused, not a TypeError.
    const garbage = { ...forged, record: { seed: 2 }, contentHash: sha256(canonicalJson({ inputs: inputsTwo, record: { seed: 2 } })) };
    writeFileSync(fileTwo, JSON.stringify(garbage));
    expect(readCachedRun(dir, keyTwo, report)).toBeNull();
    expect(lines.pop()).toMatch(/refused/);

    expect(deterministicPart(cachedRun(p, 2, { epochs: 5 }, dir, { report }))).toEqual(deterministicPart(two));
    expect(lines.pop()).toMatch(/refused/);
    expect(readCachedRun(dir, keyTwo, report)?.seed).toBe(2);
    expect(lines).toEqual([]);
  });

  it('reports an entry it cannot read, and does not report an absent one', () => {
    const dir = tempDir();
    const key = runCacheKey(p, 1, { epochs: 5 });
    const { lines, report } = reporter();
    expect(readCachedRun(dir, key, report)).toBeNull();
    expect(lines).toEqual([]);
    writeFileSync(join(dir, `${key}.json`), '{}');
    chmodSync(join(dir, `${key}.json`), 0o000);
    const readable = (() => {
      try {
        readFileSync(join(dir, `${key}.json`));
        return true;
      } catch {
        return false;
      }
    })();
    expect(readCachedRun(dir, key, report)).toBeNull();
    // Running as root reads the file anyway (and refuses it for its content).
    expect(lines[0]).toMatch(readable ? /refused/ : /cannot be read \(EACCES\)/);
  });
});
