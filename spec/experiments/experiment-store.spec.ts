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
  it('reports each refused cache entry once, through onCacheProblem, and counts those past the first ten', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'store-cache-'));
    try {
      // Four seeds: a record and two checkpoints each, twelve entries.
      const variant = { seeds: [42, 43, 44, 45], checkpointEpochsPerStage: 20, overrides: { epochs: 5 } };
      const first = await new ExperimentStore({ profile: 'smoke', workers: 1, cacheDir }).runs('random-init', variant);
      for (const dir of [cacheDir, join(cacheDir, 'checkpoints')]) {
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) writeFileSync(join(dir, file), '{');
      }
      const lines: string[] = [];
      const store = new ExperimentStore({ profile: 'smoke', workers: 1, cacheDir, onCacheProblem: (line) => void lines.push(line) });
      const again = await store.runs('random-init', variant);
      expect(again.map(deterministicPart)).toEqual(first.map(deterministicPart));
      expect(new Set(lines).size).toBe(10);
      expect(lines.filter((l) => l.startsWith('run cache: '))).toHaveLength(4);
      await store.close();
      expect(lines).toHaveLength(11);
      expect(lines[10]).toBe('cache: 2 more refused entries were recomputed (not listed)');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
