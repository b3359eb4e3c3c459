import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computed, measured, throughUnitCache } from '../../../src/runner/jobs/worker-result.ts';
import { tempDirs } from '../../io/temp-dirs.ts';

const tempDir = tempDirs('worker-result-');

/** Some milliseconds of arithmetic, its result deterministic. */
function busy(n: number): number {
  let x = 0;
  for (let i = 0; i < n; i++) x = (x + Math.sqrt(i)) % 1000;
  return Math.round(x);
}

describe('a worker result\'s CPU seconds', () => {
  it('are measured where the unit is computed, beside its result', () => {
    const r = computed(() => busy(3e6));
    expect(r.result).toBe(busy(3e6));
    expect(r.cached).toBe(false);
    expect(r.cpuSeconds).toBeGreaterThan(0);
  });

  it('are absent where the unit is read from the cache, and never reach its cache entry', () => {
    const cacheDir = tempDir();
    const first = throughUnitCache(cacheDir, 'kramers-langer', { n: 3e6 }, () => busy(3e6));
    expect(first.cached).toBe(false);
    expect(first.cpuSeconds).toBeGreaterThan(0);
    const [file] = readdirSync(join(cacheDir, 'kramers-langer'));
    const entry = readFileSync(join(cacheDir, 'kramers-langer', file!), 'utf8');
    expect(entry).not.toMatch(/cpu/i);
    const again = throughUnitCache(cacheDir, 'kramers-langer', { n: 3e6 }, () => busy(3e6));
    expect(again).toEqual({ result: first.result, cached: true, cacheProblems: [] });
    expect('cpuSeconds' in again).toBe(false);
    expect(readFileSync(join(cacheDir, 'kramers-langer', file!), 'utf8')).toBe(entry);
  });

  it('are not added to a result its run says was read', () => {
    expect(measured(() => ({ result: 1, cached: true, cacheProblems: [] }))).toEqual({ result: 1, cached: true, cacheProblems: [] });
  });
});
