import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../io/temp-dirs.ts';
import type { Protocol, RunOverrides } from '../../../src/protocols/index.ts';
import { deterministicPart } from '../../../src/run/run-protocol.ts';
import { seedRunsKind, type SeedRunsJob } from '../../../src/runner/jobs/seed-runs.ts';
import { createWorkerPool } from '../../../src/runner/worker-pool.ts';
import { tinyProtocol } from '../../run/tiny-protocol.ts';
import { recordingContext } from './context.ts';

const tempDir = tempDirs('seed-runs-');
const job = (protocol: Protocol, seeds: number[], overrides: RunOverrides): SeedRunsJob => ({ kind: 'seed-runs', label: 'spec', protocol, seeds, overrides });

describe('the seed-runs kind', () => {
  it('gives the same records, in seed order, with 1 worker and with 2, one unit per seed', async () => {
    const runs = job(tinyProtocol('rank1-trap'), [44, 42, 43], { epochs: 10 });
    const one = await seedRunsKind.run(runs, recordingContext({ workers: 1, cacheDir: null }));
    const context = recordingContext({ workers: 2, cacheDir: null });
    const two = await seedRunsKind.run(runs, context);
    expect(one.map((r) => r.seed)).toEqual(runs.seeds);
    expect(two.map((r) => r.seed)).toEqual(runs.seeds);
    expect(context.units).toEqual([false, false, false]);
    expect(JSON.stringify(two.map(deterministicPart))).toBe(JSON.stringify(one.map(deterministicPart)));
  });

  it('gives the same records on a pool shared between calls', async () => {
    const runs = job(tinyProtocol('trivial-trap'), [42, 43], { epochs: 10 });
    const one = await seedRunsKind.run(runs, recordingContext({ workers: 1, cacheDir: null }));
    const pool = createWorkerPool(2);
    try {
      for (let call = 0; call < 2; call++) {
        const shared = await seedRunsKind.run(runs, recordingContext({ workers: 2, cacheDir: null, pool }));
        expect(JSON.stringify(shared.map(deterministicPart))).toBe(JSON.stringify(one.map(deterministicPart)));
      }
    } finally {
      await pool.destroy();
    }
  });

  it('passes on the cache entries that worker processes refused, with the records a fresh run gives', async () => {
    const cacheDir = tempDir();
    const runs = job(tinyProtocol('trivial-trap'), [42, 43], { epochs: 5 });
    const fresh = await seedRunsKind.run(runs, recordingContext({ workers: 1, cacheDir }));
    const warm = recordingContext({ workers: 1, cacheDir });
    await seedRunsKind.run(runs, warm);
    expect(warm.units).toEqual([true, true]);
    for (const file of readdirSync(cacheDir).filter((f) => f.endsWith('.json'))) writeFileSync(join(cacheDir, file), '[]');
    const context = recordingContext({ workers: 2, cacheDir });
    const again = await seedRunsKind.run(runs, context);
    expect(JSON.stringify(again.map(deterministicPart))).toBe(JSON.stringify(fresh.map(deterministicPart)));
    expect(context.problems).toHaveLength(2);
    for (const line of context.problems) expect(line).toMatch(/^run cache: .* refused \(not a cache entry\); recomputing$/);
  });

  it('refuses a worker count below 1', async () => {
    await expect(seedRunsKind.run(job(tinyProtocol(), [1], {}), recordingContext({ workers: 0, cacheDir: null }))).rejects.toThrow(/workers/);
  });
});
