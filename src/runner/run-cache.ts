import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-file.ts';
import type { Protocol, RunOverrides } from '../protocols/protocols.ts';
import { ENGINE_VERSION, runProtocol, type RunOptions, type RunRecord } from '../run/run-protocol.ts';

export const DEFAULT_RUN_CACHE_DIR = '.cache/runs';

/** JSON with object keys sorted at every level, so equal values hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Hash of everything that determines a run: the protocol's settings, seed, overrides and engine version. */
export function runCacheKey(protocol: Protocol, seed: number, overrides: RunOverrides): string {
  return sha256(canonicalJson({ engineVersion: ENGINE_VERSION, protocol, seed, overrides }));
}

interface CacheEntry {
  readonly key: string;
  readonly contentHash: string;
  readonly record: RunRecord;
}

/** A cached record, or null when absent, unreadable, for another key, or failing its content hash. */
export function readCachedRun(dir: string, key: string): RunRecord | null {
  let entry: CacheEntry;
  try {
    entry = JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as CacheEntry;
  } catch {
    return null;
  }
  if (entry === null || typeof entry !== 'object' || entry.key !== key || typeof entry.record !== 'object') return null;
  return sha256(canonicalJson(entry.record)) === entry.contentHash ? entry.record : null;
}

export function writeCachedRun(dir: string, key: string, record: RunRecord): void {
  const entry: CacheEntry = { key, contentHash: sha256(canonicalJson(record)), record };
  writeFileAtomic(join(dir, `${key}.json`), `${JSON.stringify(entry)}\n`);
}

/** The run's record from the cache when a valid entry exists, else computed and cached atomically. */
export function cachedRun(protocol: Protocol, seed: number, overrides: RunOverrides = {}, dir = DEFAULT_RUN_CACHE_DIR, options: RunOptions = {}): RunRecord {
  const key = runCacheKey(protocol, seed, overrides);
  const cached = readCachedRun(dir, key);
  if (cached !== null) return cached;
  const { record } = runProtocol(protocol, seed, overrides, options);
  writeCachedRun(dir, key, record);
  return record;
}
