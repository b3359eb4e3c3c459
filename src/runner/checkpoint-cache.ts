import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-file.ts';
import type { Checkpoint, CheckpointStore } from '../run/checkpoints.ts';
import { dataSeedFor, numericsOf, type Protocol } from '../protocols/protocols.ts';
import { canonicalJson } from './run-cache.ts';

/**
 * Checkpoints shared between runs on disk. The rank1-trap, trivial-trap and random-init runs of one seed anneal from
 * the same β = 0 checkpoint (and random-init and rank1-trap from the same 0 → 0.361 one, for the escape rule's
 * plateau), so each is trained once per seed and read by the others. The key names everything a checkpoint depends
 * on; a run is the same function of its inputs whether its checkpoints were read or trained.
 */
export function checkpointCacheKey(protocol: Protocol, seed: number, betas: readonly number[], engineVersion: string): string {
  const p = protocol;
  const determinants = {
    engineVersion,
    teacher: p.teacher,
    data: p.data,
    dataSeed: dataSeedFor(p, seed),
    network: p.network,
    initStd: p.initStd,
    seed,
    checkpoint: p.checkpoint,
    numerics: numericsOf(p),
    betas,
  };
  return createHash('sha256').update(canonicalJson(determinants)).digest('hex');
}

interface StoredCheckpoint {
  readonly key: string;
  readonly stages: Checkpoint['stages'];
  /** The parameters' float64 bytes, base64: exact, signed zeros included. */
  readonly params: string;
}

/** A CheckpointStore in `dir`, keyed by checkpointCacheKey; unreadable or mismatched entries count as absent. */
export function diskCheckpointStore(dir: string, protocol: Protocol, seed: number, engineVersion: string): CheckpointStore {
  const key = (betas: readonly number[]) => checkpointCacheKey(protocol, seed, betas, engineVersion);
  return {
    get(betas, network) {
      const k = key(betas);
      let entry: StoredCheckpoint;
      try {
        entry = JSON.parse(readFileSync(join(dir, `${k}.json`), 'utf8')) as StoredCheckpoint;
      } catch {
        return null;
      }
      if (entry?.key !== k || typeof entry.params !== 'string' || !Array.isArray(entry.stages)) return null;
      const bytes = Buffer.from(entry.params, 'base64');
      if (bytes.length !== network.params.length * 8) return null;
      const params = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
      return { network: { ...network, params }, stages: entry.stages };
    },
    set(betas, checkpoint) {
      const k = key(betas);
      const params = Buffer.from(checkpoint.network.params.buffer, checkpoint.network.params.byteOffset, checkpoint.network.params.byteLength).toString('base64');
      const entry: StoredCheckpoint = { key: k, stages: checkpoint.stages, params };
      writeFileAtomic(join(dir, `${k}.json`), `${JSON.stringify(entry)}\n`);
    },
  };
}
