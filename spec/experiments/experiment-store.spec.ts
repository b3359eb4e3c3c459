import { describe, expect, it } from 'vitest';
import { ExperimentStore } from '../../src/experiments/index.ts';

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
