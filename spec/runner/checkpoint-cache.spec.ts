import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTaskData } from '../../src/data/index.ts';
import { datasetMoments, prepareTrainingSet } from '../../src/engine/index.ts';
import { checkpointCacheKey, checkpointInputs, diskCheckpointStore, stagesProblem } from '../../src/runner/checkpoint-cache.ts';
import { annealedCheckpoint, type RunContext } from '../../src/run/checkpoints.ts';
import { currentEngine } from '../../src/runner/engine-fingerprint.ts';
import { canonicalJson, sha256 } from '../../src/runner/run-cache.ts';
import { deterministicPart, runProtocol } from '../../src/run/run-protocol.ts';
import { tinyProtocol } from '../run/tiny-protocol.ts';
import { tempDirs } from '../io/temp-dirs.ts';

function json(value: unknown): string {
  return JSON.stringify(value);
}

const tempDir = tempDirs('checkpoints-');

describe('shared checkpoints on disk', () => {
  it('give the same records as training every checkpoint afresh, across protocols of one seed', () => {
    const dir = tempDir();
    const names = ['random-init', 'rank1-trap', 'trivial-trap'] as const;
    const shared = names.map((name) => {
      const p = tinyProtocol(name);
      return runProtocol(p, 42, { epochs: 5 }, { checkpointStore: diskCheckpointStore(dir, p, 42) }).record;
    });
    // β = 0, 0 → 0.361 and 0 → 0.43: three checkpoints for three protocols, not five.
    expect(readdirSync(dir)).toHaveLength(3);
    names.forEach((name, i) => expect(json(deterministicPart(shared[i]!))).toBe(json(deterministicPart(runProtocol(tinyProtocol(name), 42, { epochs: 5 }).record))));
  });

  it('keys a checkpoint by what determines it, not by the continued run', () => {
    const p = tinyProtocol('rank1-trap');
    const key = (q: typeof p, seed = 42) => checkpointCacheKey(q, seed, [0]);
    expect(key({ ...p, lr: 0.5, epochs: 7, beta: 0.1 })).toBe(key(p));
    expect(key({ ...tinyProtocol('trivial-trap') })).toBe(key(p));
    expect(key(p, 43)).not.toBe(key(p));
    expect(key({ ...p, checkpoint: { ...p.checkpoint, epochsPerStage: 61 } })).not.toBe(key(p));
    expect(key({ ...p, numerics: { precision: 'float32', flushBelow: 1e-300 } })).not.toBe(key(p));
    expect(key({ ...p, dataSeed: { kind: 'fixed', seed: 1 } })).not.toBe(key(p));
    expect(checkpointCacheKey(p, 42, [0], { ...currentEngine('checkpoints'), fingerprint: '0'.repeat(64) })).not.toBe(key(p));
    expect(checkpointCacheKey(p, 42, [0], { ...currentEngine('checkpoints'), defaultNumerics: { precision: 'float64', flushBelow: 0 } })).not.toBe(key(p));
  });
});

describe('checkpoint cache integrity', () => {
  const protocol = tinyProtocol('rank1-trap');
  const seed = 7;
  const data = makeTaskData(protocol.teacher, protocol.data, seed);
  const train = prepareTrainingSet(data.train, false);
  const testMoments = datasetMoments(data.test, false);

  /** One β = 0 checkpoint through a store in `dir`, with what the store reported. */
  function anneal(dir: string) {
    const lines: string[] = [];
    const checkpointStore = diskCheckpointStore(dir, protocol, seed, { report: (line) => void lines.push(line) });
    const ctx: RunContext = { protocol, seed, data, train, testMoments, checkpointStore };
    return { checkpoint: annealedCheckpoint(ctx, [0], new Map()), lines };
  }

  /** Rewrites the stored entry through `edit`, then its content hash as a deliberate forger would. */
  function tamper(file: string, edit: (entry: { stages: unknown; params: string }) => void, rehash = true): void {
    const entry = JSON.parse(readFileSync(file, 'utf8'));
    edit(entry);
    if (rehash) entry.contentHash = sha256(canonicalJson({ inputs: entry.inputs, stages: entry.stages, params: entry.params }));
    writeFileSync(file, JSON.stringify(entry));
  }

  const params = (values: (bytes: Float64Array) => void) => (entry: { params: string }) => {
    const weights = new Float64Array(new Uint8Array(Buffer.from(entry.params, 'base64')).buffer);
    values(weights);
    entry.params = Buffer.from(weights.buffer).toString('base64');
  };

  const corruptions: [string, (entry: { stages: unknown; params: string }) => void, boolean, RegExp][] = [
    ['one flipped bit', (e) => {
      const bytes = Buffer.from(e.params, 'base64');
      bytes[5] = bytes[5]! ^ 0x10;
      e.params = bytes.toString('base64');
    }, false, /content hash mismatch/],
    ['all-zero weights', params((w) => w.fill(0)), true, /weights do not give its last stage's/],
    ['all-NaN weights', params((w) => w.fill(Number.NaN)), true, /non-finite weights/],
    ['a weight too few', (e) => { e.params = Buffer.from(e.params, 'base64').subarray(8).toString('base64'); }, true, /weights where the network has/],
    ['stages a string', (e) => { e.stages = 'garbage'; }, true, /stages is not a list/],
    ['stages [null]', (e) => { e.stages = [null]; }, true, /stage 0 is not an object/],
    ['a stage without singular values', (e) => {
      e.stages = (e.stages as object[]).map((s) => ({ ...s, singularValues: undefined }));
    }, true, /singular values/],
    ['a stage of another β', (e) => { e.stages = (e.stages as object[]).map((s) => ({ ...s, beta: 0.5 })); }, true, /beta 0.5/],
    ['another entry\'s inputs', (e) => { (e as unknown as { inputs: object }).inputs = checkpointInputs(protocol, seed + 1, [0]); }, true, /inputs do not hash/],
  ];

  it.each(corruptions)('refuses a checkpoint with %s, reports it once and retrains it', (_name, edit, rehash, problem) => {
    const dir = tempDir();
    const fresh = anneal(dir);
    const file = join(dir, `${checkpointCacheKey(protocol, seed, [0])}.json`);
    tamper(file, edit, rehash);
    const again = anneal(dir);
    expect(again.lines).toHaveLength(1);
    expect(again.lines[0]).toMatch(problem);
    expect(again.lines[0]).toContain(file);
    expect([...again.checkpoint.network.params]).toEqual([...fresh.checkpoint.network.params]);
    expect(json(again.checkpoint.stages)).toBe(json(fresh.checkpoint.stages));
    // Retrained and stored again: the next read is silent and exact.
    const third = anneal(dir);
    expect(third.lines).toEqual([]);
    expect([...third.checkpoint.network.params]).toEqual([...fresh.checkpoint.network.params]);
  });

  it('accepts the stages it wrote and names what is wrong with others', () => {
    const { checkpoint } = anneal(tempDir());
    expect(stagesProblem(checkpoint.stages, [0], protocol)).toBeNull();
    expect(stagesProblem(checkpoint.stages, [0, 0.361], protocol)).toMatch(/list of 2/);
    expect(stagesProblem([{ ...checkpoint.stages[0], testMse: Number.POSITIVE_INFINITY }], [0], protocol)).toMatch(/non-finite/);
    expect(stagesProblem([{ ...checkpoint.stages[0], epochs: 3 }], [0], protocol)).toMatch(/epochs 3/);
  });

  it('does not store a checkpoint with non-finite weights', () => {
    const dir = tempDir();
    const { checkpoint } = anneal(dir);
    rmSync(join(dir, `${checkpointCacheKey(protocol, seed, [0])}.json`));
    const store = diskCheckpointStore(dir, protocol, seed);
    const params = new Float64Array(checkpoint.network.params).fill(Number.NaN);
    store.set([0], { network: { ...checkpoint.network, params }, stages: checkpoint.stages });
    expect(readdirSync(dir)).toEqual([]);
  });
});
