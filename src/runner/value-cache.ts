import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/index.ts';
import { currentEngine } from './engine-fingerprint.ts';
import { RUN_CACHE_FORMAT, canonicalJson, sha256, type CacheReporter } from './run-cache.ts';

// Cached results of the controls' runs: named by the SHA-256 of their inputs (with the engine's identity), carrying
// the inputs and a content hash, checked on read like the run records (REPRODUCE.md, "Cache integrity").

interface ValueEntry<T> {
  readonly key: string;
  readonly inputs: unknown;
  readonly contentHash: string;
  readonly value: T;
}

/**
 * `compute()`'s value from `<dir>/<key>.json` when a verified entry exists, else computed and stored atomically.
 * `check` names what is wrong with a stored value that hashes correctly but is not the run its inputs describe.
 */
export function cachedValue<T>(dir: string, what: unknown, compute: () => T, check: (value: T) => string | null, report?: CacheReporter): T {
  const inputs = { format: RUN_CACHE_FORMAT, engine: currentEngine(), what };
  const key = sha256(canonicalJson(inputs));
  const file = join(dir, `${key}.json`);
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report?.(`run cache: ${file} cannot be read; recomputing`);
  }
  if (text !== null) {
    const problem = entryProblem<T>(text, key, check);
    if (typeof problem !== 'string') return problem.value;
    report?.(`run cache: ${file} refused (${problem}); recomputing`);
  }
  const value = compute();
  const entry: ValueEntry<T> = { key, inputs, contentHash: sha256(canonicalJson({ inputs, value })), value };
  writeFileAtomic(file, `${JSON.stringify(entry)}\n`);
  return value;
}

function entryProblem<T>(text: string, key: string, check: (value: T) => string | null): string | { value: T } {
  let entry: Partial<ValueEntry<T>>;
  try {
    entry = JSON.parse(text) as Partial<ValueEntry<T>>;
  } catch {
    return 'not valid JSON';
  }
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'not a cache entry';
  if (entry.key !== key || sha256(canonicalJson(entry.inputs)) !== key) return 'its inputs do not hash to its key';
  if (entry.contentHash !== sha256(canonicalJson({ inputs: entry.inputs, value: entry.value }))) return 'content hash mismatch';
  const problem = check(entry.value as T);
  return problem === null ? { value: entry.value as T } : problem;
}
