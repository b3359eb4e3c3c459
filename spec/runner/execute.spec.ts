import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedRunsJob } from '../../src/experiments/index.ts';
import { deterministicPart } from '../../src/run/index.ts';
import { MissingResultError, executeJobs, type ProgressEvent } from '../../src/runner/index.ts';

// Four seeds of random-init, 5 epochs from 20-epoch checkpoints: a record and two checkpoints each in a cache.
const job = seedRunsJob('random-init', 'smoke', { seeds: [42, 43, 44, 45], checkpointEpochsPerStage: 20, overrides: { epochs: 5 } }, 'spec');

describe('executeJobs', () => {
  it('runs each distinct job once, whatever label it was asked under, and reports its progress', async () => {
    const events: ProgressEvent[] = [];
    const results = await executeJobs([job, { ...job, label: 'the same job again' }], { workers: 1, cacheDir: null, onProgress: (e) => void events.push(e) });
    expect(results.get(job).map((r) => [r.seed, r.epochs])).toEqual([[42, 5], [43, 5], [44, 5], [45, 5]]);
    expect(events.filter((e) => e.kind === 'job-started')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'unit-done').map((e) => (e.kind === 'unit-done' ? e.done : 0))).toEqual([1, 2, 3, 4]);
    expect(() => results.get({ ...job, seeds: [46] })).toThrow(MissingResultError);
  });

  it('reports each refused cache entry once, and counts those past the first ten', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'execute-cache-'));
    try {
      const first = (await executeJobs([job], { workers: 1, cacheDir })).get(job);
      for (const dir of [cacheDir, join(cacheDir, 'checkpoints')]) {
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) writeFileSync(join(dir, file), '{');
      }
      const lines: string[] = [];
      const again = (await executeJobs([job], { workers: 1, cacheDir, onCacheProblem: (line) => void lines.push(line) })).get(job);
      expect(again.map(deterministicPart)).toEqual(first.map(deterministicPart));
      expect(lines).toHaveLength(11);
      expect(new Set(lines.slice(0, 10)).size).toBe(10);
      expect(lines.filter((l) => l.startsWith('run cache: '))).toHaveLength(4);
      expect(lines[10]).toBe('cache: 2 more refused entries were recomputed (not listed)');
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('a learning-plateaus job', () => {
  it('gives the same runs, in data-seed order, on one worker and on a pool of two', async () => {
    const { PHASE_DIAGRAM_FILE } = await import('../../src/protocols/index.ts');
    const { stagedProtocol } = await import('../../src/run/index.ts');
    const plateaus = {
      kind: 'learning-plateaus' as const,
      label: 'spec',
      protocol: stagedProtocol(PHASE_DIAGRAM_FILE.settings, [0.9, 0.6]),
      settings: { initStd: 0.04, lr: 0.08, batch: 64, beta: 0, epochs: 20, sampling: 'epoch-permutation' as const, learnedAbove: 0.1, traceEvery: 5 },
      dataSeeds: [44, 42, 43],
    };
    const one = (await executeJobs([plateaus], { workers: 1, cacheDir: null })).get(plateaus);
    const two = (await executeJobs([plateaus], { workers: 2, cacheDir: null })).get(plateaus);
    expect(two).toEqual(one);
    expect(one).toHaveLength(3);
  });
});
