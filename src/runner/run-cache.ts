import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Numerics } from '../engine/index.ts';
import { readRegularFile, writeFileAtomic } from '../io/index.ts';
import { currentEngine, type EngineIdentity } from './engine-fingerprint.ts';
import { applyOverrides, numericsOf, type Protocol, type RunOverrides } from '../protocols/index.ts';
import { runProtocol, type RunOptions, type RunRecord } from '../run/index.ts';

export const DEFAULT_RUN_CACHE_DIR = '.cache/runs';

/** The code-entry kind of SGD run records (engine-fingerprint.ts, CODE_ENTRIES). */
export const RUNS_KIND = 'runs';

/** Bump when the layout of a cache entry changes; part of every key, so older entries are simply not found. */
export const RUN_CACHE_FORMAT = 2;

/** JSON with object keys sorted at every level, so equal values hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Where a cache reports an entry it refused (one line, no newline); the caller decides where it goes. */
export type CacheReporter = (message: string) => void;

/** Everything that determines a run: the code (version, source fingerprint, default arithmetic) and its arguments. */
export interface RunInputs {
  readonly format: number;
  readonly engine: EngineIdentity;
  /** The arithmetic actually used: the protocol's own, or the default at the time of the run. */
  readonly numerics: Numerics;
  readonly protocol: Protocol;
  readonly seed: number;
  readonly overrides: RunOverrides;
}

export function runInputs(protocol: Protocol, seed: number, overrides: RunOverrides, engine: EngineIdentity = currentEngine(RUNS_KIND)): RunInputs {
  return { format: RUN_CACHE_FORMAT, engine, numerics: numericsOf(protocol), protocol, seed, overrides };
}

/** The key is the hash of the inputs, so an entry can be checked against its own name. */
export function runCacheKey(protocol: Protocol, seed: number, overrides: RunOverrides, engine?: EngineIdentity): string {
  return sha256(canonicalJson(runInputs(protocol, seed, overrides, engine)));
}

interface CacheEntry {
  readonly key: string;
  readonly inputs: RunInputs;
  /** SHA-256 of the canonical {inputs, record}. */
  readonly contentHash: string;
  readonly record: RunRecord;
}

function contentHashOf(inputs: unknown, record: unknown): string {
  return sha256(canonicalJson({ inputs, record }));
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * Whether the record is the run its inputs describe: a record of another seed or protocol, copied in with its key
 * and hashes rewritten, fails here. Inputs and record are untrusted, so every field is read defensively.
 */
function recordMismatch(inputs: RunInputs, record: RunRecord): string | null {
  const p = applyOverrides(inputs.protocol, inputs.overrides);
  const checks: [string, unknown, unknown][] = [
    ['protocol', record.protocol, p.name],
    ['seed', record.seed, inputs.seed],
    ['epochs', record.epochs, p.epochs],
    ['numerics', record.numerics, inputs.numerics],
    ['beta', record.settings?.beta, p.beta],
    ['lr', record.settings?.lr, p.lr],
    ['batch', record.settings?.batch, p.batch],
  ];
  const bad = checks.find(([, got, want]) => !same(got, want));
  return bad === undefined ? null : `its record has ${bad[0]} ${JSON.stringify(bad[1])} where its inputs say ${JSON.stringify(bad[2])}`;
}

/** Why a parsed entry cannot be served for `key`, or null when it can. */
export function runEntryProblem(entry: unknown, key: string): string | null {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return 'not a cache entry';
  const e = entry as Partial<CacheEntry>;
  if (e.key !== key) return 'stored under another key';
  if (e.inputs === null || typeof e.inputs !== 'object' || e.record === null || typeof e.record !== 'object') return 'inputs or record missing';
  if (sha256(canonicalJson(e.inputs)) !== key) return 'its inputs do not hash to its key';
  if (e.contentHash !== contentHashOf(e.inputs, e.record)) return 'content hash mismatch';
  try {
    return recordMismatch(e.inputs, e.record);
  } catch {
    return 'malformed inputs';
  }
}

/**
 * A cached record, or null when absent or refused: unreadable, for another key, inputs that do not hash to the
 * key, a content hash that does not match, or a record that is not the run its inputs describe. A refused entry
 * is reported (an absent one is not).
 */
export function readCachedRun(dir: string, key: string, report?: CacheReporter): RunRecord | null {
  const file = join(dir, `${key}.json`);
  let text: string;
  try {
    text = readRegularFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report?.(`run cache: ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); recomputing`);
    return null;
  }
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    report?.(`run cache: ${file} is not valid JSON; recomputing`);
    return null;
  }
  const problem = runEntryProblem(entry, key);
  if (problem !== null) {
    report?.(`run cache: ${file} refused (${problem}); recomputing`);
    return null;
  }
  return (entry as CacheEntry).record;
}

export function writeCachedRun(dir: string, inputs: RunInputs, record: RunRecord): void {
  const key = sha256(canonicalJson(inputs));
  const entry: CacheEntry = { key, inputs, contentHash: contentHashOf(inputs, record), record };
  writeFileAtomic(join(dir, `${key}.json`), `${JSON.stringify(entry)}\n`);
}

export interface RunCacheOptions {
  /** The code identity to key on; default this process's (a spec passes another to play a changed engine). */
  readonly engine?: EngineIdentity;
  readonly report?: CacheReporter;
}

/** The run's record from the cache when a verified entry exists, else computed and cached atomically. */
export function cachedRun(
  protocol: Protocol,
  seed: number,
  overrides: RunOverrides = {},
  dir = DEFAULT_RUN_CACHE_DIR,
  options: RunOptions & RunCacheOptions = {},
): RunRecord {
  return cachedRunOf(protocol, seed, overrides, dir, options).record;
}

/** cachedRun, also saying whether the record was read from the cache (progress and sharded runs count these). */
export function cachedRunOf(
  protocol: Protocol,
  seed: number,
  overrides: RunOverrides,
  dir: string,
  options: RunOptions & RunCacheOptions = {},
): { record: RunRecord; cached: boolean } {
  const { engine, report, ...runOptions } = options;
  const inputs = runInputs(protocol, seed, overrides, engine);
  const cached = readCachedRun(dir, sha256(canonicalJson(inputs)), report);
  if (cached !== null) return { record: cached, cached: true };
  const { record } = runProtocol(protocol, seed, overrides, runOptions);
  writeCachedRun(dir, inputs, record);
  return { record, cached: false };
}
