import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../io/temp-dirs.ts';
import { deterministicPart } from '../../src/run/run-protocol.ts';
import { runSeeds } from '../../src/runner/run-seeds.ts';
import { createWorkerPool } from '../../src/runner/worker-pool.ts';
import { tinyProtocol } from '../run/tiny-protocol.ts';

const tempDir = tempDirs('run-seeds-');

describe('runSeeds', () => {
  it('gives the same records, in seed order, with 1 worker and with 2', async () => {
    const p = tinyProtocol('rank1-trap');
    const seeds = [44, 42, 43];
    const one = await runSeeds(p, seeds, { workers: 1, cacheDir: null, overrides: { epochs: 10 } });
    const done: number[] = [];
    const two = await runSeeds(p, seeds, { workers: 2, cacheDir: null, overrides: { epochs: 10 }, onDone: (r) => done.push(r.seed) });
    expect(one.map((r) => r.seed)).toEqual(seeds);
    expect(two.map((r) => r.seed)).toEqual(seeds);
    expect(done.sort()).toEqual([42, 43, 44]);
    expect(JSON.stringify(two.map(deterministicPart))).toBe(JSON.stringify(one.map(deterministicPart)));
  });

  it('gives the same records on a pool shared between calls', async () => {
    const p = tinyProtocol('trivial-trap');
    const one = await runSeeds(p, [42, 43], { workers: 1, cacheDir: null, overrides: { epochs: 10 } });
    const pool = createWorkerPool(2);
    try {
      for (let call = 0; call < 2; call++) {
        const shared = await runSeeds(p, [42, 43], { workers: 2, cacheDir: null, overrides: { epochs: 10 }, pool });
        expect(JSON.stringify(shared.map(deterministicPart))).toBe(JSON.stringify(one.map(deterministicPart)));
      }
    } finally {
      await pool.destroy();
    }
  });

  it('passes on the cache entries that worker processes refused, with the records a fresh run gives', async () => {
    const cacheDir = tempDir();
    const p = tinyProtocol('trivial-trap');
    const fresh = await runSeeds(p, [42, 43], { workers: 1, cacheDir, overrides: { epochs: 5 } });
    for (const file of readdirSync(cacheDir).filter((f) => f.endsWith('.json'))) writeFileSync(join(cacheDir, file), '[]');
    const problems: string[] = [];
    const again = await runSeeds(p, [42, 43], { workers: 2, cacheDir, overrides: { epochs: 5 }, onCacheProblem: (line) => void problems.push(line) });
    expect(JSON.stringify(again.map(deterministicPart))).toBe(JSON.stringify(fresh.map(deterministicPart)));
    expect(problems).toHaveLength(2);
    for (const line of problems) expect(line).toMatch(/^run cache: .* refused \(not a cache entry\); recomputing$/);
  });

  it('refuses a worker count below 1', async () => {
    await expect(runSeeds(tinyProtocol(), [1], { workers: 0 })).rejects.toThrow(/workers/);
  });
});
