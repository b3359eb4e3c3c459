import { join } from 'node:path';
import { readRegularFile, writeFileAtomic } from '../io/index.ts';
import { currentEngine, protocolFilesFingerprint, type EngineIdentity } from './engine-fingerprint.ts';
import { RUN_CACHE_FORMAT, canonicalJson, sha256, type CacheReporter } from './run-cache.ts';

// A content-addressed cache for job units other than SGD runs (one data seed's β sweeps, one Appendix F analysis),
// laid out as `<cacheDir>/<kind>/<key>.json`. As in the run cache, the key is the hash of everything that determines
// the result, and an entry is served only when it checks against its own key and content hash: a sharded run's
// cache, merged from several machines, leaves nothing for the final run but evaluation.

/** Everything that determines a unit's result: the code that computes it and the unit's own task. */
export interface UnitInputs {
  readonly format: number;
  readonly kind: string;
  readonly engine: EngineIdentity;
  /** The protocol files (engine-fingerprint.ts, protocolFilesFingerprint); the code is in `engine`. */
  readonly analysis: string;
  readonly task: unknown;
}

export function unitInputs(kind: string, task: unknown, engine: EngineIdentity = currentEngine(kind)): UnitInputs {
  return { format: RUN_CACHE_FORMAT, kind, engine, analysis: protocolFilesFingerprint(), task };
}

export function unitCacheKey(kind: string, task: unknown, engine?: EngineIdentity): string {
  return sha256(canonicalJson(unitInputs(kind, task, engine)));
}

/** Where the entry of one unit lives. */
export function unitCachePath(cacheDir: string, kind: string, key: string): string {
  return join(cacheDir, kind, `${key}.json`);
}

interface UnitEntry {
  readonly key: string;
  readonly inputs: UnitInputs;
  /** SHA-256 of the canonical {inputs, result}. */
  readonly contentHash: string;
  readonly result: unknown;
}

function contentHashOf(inputs: unknown, result: unknown): string {
  return sha256(canonicalJson({ inputs, result }));
}

/** Why a parsed entry is not a unit entry for `key` (untrusted input, read defensively), or null. */
export function unitEntryProblem(entry: unknown, key: string): string | null {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'not a cache entry';
  const e = entry as Partial<UnitEntry>;
  if (e.key !== key) return 'stored under another key';
  if (e.inputs === null || typeof e.inputs !== 'object' || !('result' in e)) return 'inputs or result missing';
  if (sha256(canonicalJson(e.inputs)) !== key) return 'its inputs do not hash to its key';
  if (e.contentHash !== contentHashOf(e.inputs, e.result)) return 'content hash mismatch';
  return null;
}

/** A check of a verified entry's result against its task (a record of another data seed, say); null when it fits. */
export type ResultCheck<T> = (result: T) => string | null;

export interface CachedUnit<T> {
  readonly result: T;
  /** Read from the cache rather than computed. */
  readonly cached: boolean;
}

/**
 * The unit's result from `<cacheDir>/<kind>/` when a verified entry exists, else computed and cached atomically. A
 * computed result is returned as read back from its entry, so a cached and a fresh run hand the evaluation the same
 * values. A refused entry is reported and recomputed; an absent one is not reported.
 */
export function cachedUnit<T>(
  cacheDir: string,
  kind: string,
  task: unknown,
  compute: () => T,
  options: { readonly check?: ResultCheck<T>; readonly report?: CacheReporter; readonly engine?: EngineIdentity } = {},
): CachedUnit<T> {
  const inputs = unitInputs(kind, task, options.engine);
  const key = sha256(canonicalJson(inputs));
  const file = unitCachePath(cacheDir, kind, key);
  const refuse = (problem: string) => options.report?.(`${kind} cache: ${file} refused (${problem}); recomputing`);
  let text: string | null = null;
  try {
    text = readRegularFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') refuse(`cannot be read: ${code ?? 'error'}`);
  }
  if (text !== null) {
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      entry = undefined;
    }
    const problem = entry === undefined ? 'not valid JSON' : unitEntryProblem(entry, key) ?? options.check?.((entry as UnitEntry).result as T) ?? null;
    if (problem === null) return { result: (entry as UnitEntry).result as T, cached: true };
    refuse(problem);
  }
  const result = compute();
  const entry: UnitEntry = { key, inputs, contentHash: contentHashOf(inputs, result), result };
  const written = `${JSON.stringify(entry)}\n`;
  writeFileAtomic(file, written);
  return { result: (JSON.parse(written) as UnitEntry).result as T, cached: false };
}
