import { join } from 'node:path';
import type { Network } from '../engine/index.ts';
import { readRegularFile, writeFileAtomic } from '../io/index.ts';
import type { Checkpoint, CheckpointStore, StageReport } from '../run/index.ts';
import { currentEngine, type EngineIdentity } from './engine-fingerprint.ts';
import { dataSeedFor, numericsOf, type Protocol } from '../protocols/index.ts';
import { RUN_CACHE_FORMAT, canonicalJson, sha256, type CacheReporter } from './run-cache.ts';

/** The code-entry kind of checkpoints (engine-fingerprint.ts, CODE_ENTRIES). */
export const CHECKPOINTS_KIND = 'checkpoints';

/** Everything a checkpoint depends on: the code, and the protocol's data, network and checkpoint rule, not the continued run. */
export function checkpointInputs(protocol: Protocol, seed: number, betas: readonly number[], engine: EngineIdentity = currentEngine(CHECKPOINTS_KIND)): object {
  const p = protocol;
  return {
    format: RUN_CACHE_FORMAT,
    engine,
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
}

/**
 * Checkpoints shared between runs on disk. The rank1-trap, trivial-trap and random-init runs of one seed anneal from
 * the same β = 0 checkpoint (and random-init and rank1-trap from the same 0 → 0.361 one, for the escape rule's
 * plateau), so each is trained once per seed and read by the others. The key is the hash of checkpointInputs; a run
 * is the same function of its inputs whether its checkpoints were read or trained.
 */
export function checkpointCacheKey(protocol: Protocol, seed: number, betas: readonly number[], engine?: EngineIdentity): string {
  return sha256(canonicalJson(checkpointInputs(protocol, seed, betas, engine)));
}

interface StoredCheckpoint {
  readonly key: string;
  readonly inputs: object;
  /** SHA-256 of the canonical {inputs, stages, params}. */
  readonly contentHash: string;
  readonly stages: StageReport[];
  /** The parameters' float64 bytes, base64: exact, signed zeros included. */
  readonly params: string;
}

function contentHashOf(inputs: unknown, stages: unknown, params: unknown): string {
  return sha256(canonicalJson({ inputs, stages, params }));
}

/** Why a parsed entry is not a checkpoint entry for `key` by its own hashes (untrusted input), or null. */
export function checkpointEntryProblem(entry: unknown, key: string): string | null {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'not a cache entry';
  const e = entry as Partial<StoredCheckpoint>;
  if (e.key !== key) return 'stored under another key';
  if (sha256(canonicalJson(e.inputs)) !== key) return 'its inputs do not hash to its key';
  if (typeof e.params !== 'string' || e.contentHash !== contentHashOf(e.inputs, e.stages, e.params)) return 'content hash mismatch';
  return null;
}

const isNonNegative = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** Why `stages` is not the report of annealing `betas` under `protocol`'s rule, or null. */
export function stagesProblem(stages: unknown, betas: readonly number[], protocol: Protocol): string | null {
  if (!Array.isArray(stages) || stages.length !== betas.length) return `stages is not a list of ${betas.length}`;
  const widths = protocol.network.widths;
  const modes = Math.min(widths[0]!, widths[widths.length - 1]!);
  for (const [i, stage] of stages.entries()) {
    const s = stage as Partial<StageReport> | null;
    if (s === null || typeof s !== 'object') return `stage ${i} is not an object`;
    if (s.beta !== betas[i]) return `stage ${i} has beta ${String(s.beta)}, not ${betas[i]}`;
    if (s.epochs !== protocol.checkpoint.epochsPerStage) return `stage ${i} has epochs ${String(s.epochs)}`;
    if (!isNonNegative(s.gradientNorm) || !isNonNegative(s.trainMse) || !isNonNegative(s.testMse)) return `stage ${i} has a missing or non-finite metric`;
    if (!Array.isArray(s.singularValues) || s.singularValues.length !== modes || !s.singularValues.every(isNonNegative)) {
      return `stage ${i} does not have ${modes} finite singular values`;
    }
  }
  return null;
}

/** Weights as a checkpoint entry stores them: their float64 bytes, base64. */
export function encodeParams(params: Float64Array): string {
  return Buffer.from(params.buffer, params.byteOffset, params.byteLength).toString('base64');
}

export interface CheckpointCacheOptions {
  /** The code identity to key on; default this process's. */
  readonly engine?: EngineIdentity;
  readonly report?: CacheReporter;
}

/**
 * A CheckpointStore in `dir`, keyed by checkpointCacheKey. An entry is used only when its inputs hash to its key,
 * its content hash matches, its weights are finite and as many as the network has, its stages are well formed, and
 * the caller's `verify` accepts it; otherwise it counts as absent and is reported once (it is then retrained and
 * overwritten).
 */
export function diskCheckpointStore(dir: string, protocol: Protocol, seed: number, options: CheckpointCacheOptions = {}): CheckpointStore {
  const engine = options.engine ?? currentEngine(CHECKPOINTS_KIND);
  const inputsOf = (betas: readonly number[]) => checkpointInputs(protocol, seed, betas, engine);
  const refuse = (file: string, problem: string): null => {
    options.report?.(`checkpoint cache: ${file} refused (${problem}); retraining`);
    return null;
  };
  const decode = (entry: unknown, key: string, betas: readonly number[], network: Network): Checkpoint | string => {
    const problem = checkpointEntryProblem(entry, key);
    if (problem !== null) return problem;
    const e = entry as StoredCheckpoint;
    const bytes = Buffer.from(e.params, 'base64');
    if (bytes.length !== network.params.length * 8) return `${bytes.length / 8} weights where the network has ${network.params.length}`;
    const params = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
    if (!params.every(Number.isFinite)) return 'non-finite weights';
    const stages = stagesProblem(e.stages, betas, protocol);
    if (stages !== null) return stages;
    return { network: { ...network, params }, stages: e.stages as StageReport[] };
  };
  return {
    get(betas, network, verify) {
      const key = sha256(canonicalJson(inputsOf(betas)));
      const file = join(dir, `${key}.json`);
      let text: string;
      try {
        text = readRegularFile(file);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        return code === 'ENOENT' ? null : refuse(file, `cannot be read: ${code ?? 'error'}`);
      }
      let entry: unknown;
      try {
        entry = JSON.parse(text);
      } catch {
        return refuse(file, 'not valid JSON');
      }
      const checkpoint = decode(entry, key, betas, network);
      if (typeof checkpoint === 'string') return refuse(file, checkpoint);
      const problem = verify?.(checkpoint) ?? null;
      return problem === null ? checkpoint : refuse(file, problem);
    },
    set(betas, checkpoint) {
      // A checkpoint that diverged is not worth keeping: a later run would refuse it and retrain anyway.
      if (!checkpoint.network.params.every(Number.isFinite) || stagesProblem(checkpoint.stages, betas, protocol) !== null) return;
      const inputs = inputsOf(betas);
      const key = sha256(canonicalJson(inputs));
      const params = encodeParams(checkpoint.network.params);
      const entry: StoredCheckpoint = { key, inputs, contentHash: contentHashOf(inputs, checkpoint.stages, params), stages: checkpoint.stages, params };
      writeFileAtomic(join(dir, `${key}.json`), `${JSON.stringify(entry)}\n`);
    },
  };
}
