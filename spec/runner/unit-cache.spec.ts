import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../io/temp-dirs.ts';
import { currentEngine } from '../../src/runner/engine-fingerprint.ts';
import { cachedUnit, unitCacheKey, unitCachePath } from '../../src/runner/unit-cache.ts';

const tempDir = tempDirs('unit-cache-');
const task = { dataSeed: 42, directions: ['up'] };

describe('cachedUnit', () => {
  it('computes once, then serves the verified entry; a computed result is the one read back', () => {
    const dir = tempDir();
    let calls = 0;
    const compute = () => ({ dataSeed: 42, value: (calls += 1), skipped: undefined, missing: Number.NaN });
    const first = cachedUnit(dir, 'phase-sweeps', task, compute);
    const second = cachedUnit(dir, 'phase-sweeps', task, compute);
    expect(calls).toBe(1);
    expect([first.cached, second.cached]).toEqual([false, true]);
    // As JSON holds it (NaN → null, undefined dropped), fresh or cached alike.
    expect(first.result).toEqual({ dataSeed: 42, value: 1, missing: null });
    expect(second.result).toEqual(first.result);
    expect(readdirSync(join(dir, 'phase-sweeps'))).toEqual([`${unitCacheKey('phase-sweeps', task)}.json`]);
  });

  it('keys on the kind, the task and the code: any change is another entry', () => {
    const keys = [
      unitCacheKey('phase-sweeps', task),
      unitCacheKey('kramers-langer', task),
      unitCacheKey('phase-sweeps', { ...task, dataSeed: 43 }),
      unitCacheKey('phase-sweeps', task, { ...currentEngine('phase-sweeps'), fingerprint: 'other source' }),
    ];
    expect(new Set(keys).size).toBe(4);
    expect(unitCacheKey('phase-sweeps', { directions: ['up'], dataSeed: 42 })).toBe(keys[0]);
  });

  it('refuses, reports and recomputes an entry that does not match its hashes or fails the check', () => {
    const dir = tempDir();
    cachedUnit(dir, 'phase-sweeps', task, () => ({ dataSeed: 42 }));
    const file = unitCachePath(dir, 'phase-sweeps', unitCacheKey('phase-sweeps', task));
    const tamper = (edit: (entry: { result: { dataSeed: number } }) => void) => {
      const entry = JSON.parse(readFileSync(file, 'utf8'));
      edit(entry);
      writeFileSync(file, JSON.stringify(entry));
    };
    const lines: string[] = [];
    const again = () => cachedUnit(dir, 'phase-sweeps', task, () => ({ dataSeed: 42 }), { report: (l) => void lines.push(l), check: (r) => (r.dataSeed === 42 ? null : 'another data seed') });
    tamper((e) => (e.result.dataSeed = 43));
    expect(again().cached).toBe(false);
    expect(lines.pop()).toMatch(/^phase-sweeps cache: .* refused \(content hash mismatch\); recomputing$/);
    writeFileSync(file, '{');
    expect(again().cached).toBe(false);
    expect(lines.pop()).toMatch(/refused \(not valid JSON\)/);
    expect(again().cached).toBe(true);
    expect(lines).toEqual([]);
    // An entry whose hashes hold but whose result is another data seed's fails the caller's check.
    const elsewhere = tempDir();
    cachedUnit(elsewhere, 'phase-sweeps', task, () => ({ dataSeed: 43 }));
    writeFileSync(file, readFileSync(unitCachePath(elsewhere, 'phase-sweeps', unitCacheKey('phase-sweeps', task)), 'utf8'));
    expect(again()).toEqual({ result: { dataSeed: 42 }, cached: false });
    expect(lines.pop()).toMatch(/refused \(another data seed\)/);
  });
});
