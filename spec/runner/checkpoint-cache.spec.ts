import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointCacheKey, diskCheckpointStore } from '../../src/runner/checkpoint-cache.ts';
import { ENGINE_VERSION, deterministicPart, runProtocol } from '../../src/run/run-protocol.ts';
import { tinyProtocol } from '../run/tiny-protocol.ts';

function json(value: unknown): string {
  return JSON.stringify(value);
}

describe('shared checkpoints on disk', () => {
  it('give the same records as training every checkpoint afresh, across protocols of one seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'checkpoints-'));
    const names = ['random-init', 'rank1-trap', 'trivial-trap'] as const;
    const shared = names.map((name) => {
      const p = tinyProtocol(name);
      return runProtocol(p, 42, { epochs: 5 }, { checkpointStore: diskCheckpointStore(dir, p, 42, ENGINE_VERSION) }).record;
    });
    // β = 0, 0 → 0.361 and 0 → 0.43: three checkpoints for three protocols, not five.
    expect(readdirSync(dir)).toHaveLength(3);
    names.forEach((name, i) => expect(json(deterministicPart(shared[i]!))).toBe(json(deterministicPart(runProtocol(tinyProtocol(name), 42, { epochs: 5 }).record))));
  });

  it('keys a checkpoint by what determines it, not by the continued run', () => {
    const p = tinyProtocol('rank1-trap');
    const key = (q: typeof p, seed = 42) => checkpointCacheKey(q, seed, [0], ENGINE_VERSION);
    expect(key({ ...p, lr: 0.5, epochs: 7, beta: 0.1 })).toBe(key(p));
    expect(key({ ...tinyProtocol('trivial-trap') })).toBe(key(p));
    expect(key(p, 43)).not.toBe(key(p));
    expect(key({ ...p, checkpoint: { ...p.checkpoint, epochsPerStage: 61 } })).not.toBe(key(p));
    expect(key({ ...p, numerics: { precision: 'float32', flushBelow: 1e-300 } })).not.toBe(key(p));
    expect(key({ ...p, dataSeed: { kind: 'fixed', seed: 1 } })).not.toBe(key(p));
  });
});
