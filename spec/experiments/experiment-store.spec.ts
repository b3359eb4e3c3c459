import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExperimentStore, deterministicPart } from '../../src/experiments/index.ts';

describe('ExperimentStore', () => {
  const store = new ExperimentStore({ profile: 'smoke', workers: 1, cacheDir: null });

  it('computes each keyed experiment once', async () => {
    let calls = 0;
    const compute = async () => ++calls;
    expect(await store.once('k', compute)).toBe(1);
    expect(await store.once('k', compute)).toBe(1);
    expect(await store.once('other', compute)).toBe(2);
  });

  it('runs a protocol as its profile says, with a variant applied, once per variant', async () => {
    const variant = { seeds: [42], checkpointEpochsPerStage: 20, overrides: { epochs: 5 } };
    expect(store.protocol('rank1-trap', variant).checkpoint.epochsPerStage).toBe(20);
    expect(store.protocol('rank1-trap').epochs).toBe(300);
    expect(store.seeds('rank1-trap')).toEqual([42, 43, 44]);
    const first = store.runs('rank1-trap', variant);
    expect(store.runs('rank1-trap', variant)).toBe(first);
    const records = await first;
    expect(records.map((r) => [r.seed, r.epochs])).toEqual([[42, 5]]);
    await store.close();
  });
});

describe('ExperimentStore with a run cache', () => {
  it('reports a refused cache entry once, through onCacheProblem', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'store-cache-'));
    try {
      const variant = { seeds: [42], checkpointEpochsPerStage: 20, overrides: { epochs: 5 } };
      const lines: string[] = [];
      const first = await new ExperimentStore({ profile: 'smoke', workers: 1, cacheDir }).runs('random-init', variant);
      for (const file of readdirSync(cacheDir).filter((f) => f.endsWith('.json'))) writeFileSync(join(cacheDir, file), '{');
      const store = new ExperimentStore({ profile: 'smoke', workers: 1, cacheDir, onCacheProblem: (line) => void lines.push(line) });
      const again = await store.runs('random-init', variant);
      expect(again.map(deterministicPart)).toEqual(first.map(deterministicPart));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^run cache: .* is not valid JSON; recomputing$/);
      await store.close();
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
