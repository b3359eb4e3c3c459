import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointCacheKey } from '../../../src/runner/checkpoint-cache.ts';
import { runCacheKey } from '../../../src/runner/run-cache.ts';
import { deterministicPart, runProtocol } from '../../../src/run/run-protocol.ts';
import runTask from '../../../src/runner/jobs/seed-runs-worker.ts';
import { tinyProtocol } from '../../run/tiny-protocol.ts';

describe('runTask', () => {
  it('runs the task it is given', () => {
    const p = tinyProtocol('random-init');
    const { result: record, cacheProblems } = runTask({ protocol: p, seed: 5, overrides: { epochs: 3 }, cacheDir: null });
    expect(cacheProblems).toEqual([]);
    expect(deterministicPart(record)).toEqual(deterministicPart(runProtocol(p, 5, { epochs: 3 }).record));
  });
});

describe('runTask with a cache', () => {
  it('reports a corrupted checkpoint and a corrupted record, and returns the record a fresh run gives', () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-worker-'));
    try {
      const p = tinyProtocol('rank1-trap');
      const task = { protocol: p, seed: 5, overrides: { epochs: 3 }, cacheDir: dir };
      const fresh = deterministicPart(runProtocol(p, 5, { epochs: 3 }).record);
      expect(runTask(task).cacheProblems).toEqual([]);
      const checkpoint = join(dir, 'checkpoints', `${checkpointCacheKey(p, 5, [0, 0.361])}.json`);
      const entry = JSON.parse(readFileSync(checkpoint, 'utf8'));
      writeFileSync(checkpoint, JSON.stringify({ ...entry, params: Buffer.alloc(Buffer.from(entry.params, 'base64').length).toString('base64') }));
      // The record was cached too: remove it so the run reads the checkpoint again.
      rmSync(join(dir, `${runCacheKey(p, 5, { epochs: 3 })}.json`));
      const { result: record, cacheProblems } = runTask(task);
      expect(deterministicPart(record)).toEqual(fresh);
      expect(cacheProblems).toEqual([`checkpoint cache: ${checkpoint} refused (content hash mismatch); retraining`]);
      writeFileSync(join(dir, `${runCacheKey(p, 5, { epochs: 3 })}.json`), '');
      const again = runTask(task);
      expect(deterministicPart(again.result)).toEqual(fresh);
      expect(again.cacheProblems).toHaveLength(1);
      expect(again.cacheProblems[0]).toMatch(/^run cache: .* is not valid JSON; recomputing$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
