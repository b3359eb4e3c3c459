import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadValidatedJson, writeFileAtomic } from '../io/index.ts';

// Where a cache's entries came from, and so what fed a run that read them. `cache merge` appends each source it
// copied entries from to the target's merge log; a run writes `provenance.json` beside its report: units computed
// here, units read from the cache, and the merged sources that cache holds. Outside results.json on purpose: a run
// fed by merged shards must write the same results.json as one machine, byte for byte.

/** One source a merge copied entries from. */
export interface MergedSource {
  /** The source folder as the merge was given it. */
  readonly source: string;
  /** SHA-256 over the sorted names and SHA-256 of the source's valid entries: names it without path or time. */
  readonly content: string;
  /** Valid entries the source held, and how many of them were new to the target (copied). */
  readonly entries: number;
  readonly copied: number;
  /** Entries recomputed by --verify and found identical. */
  readonly verified: number;
  /** The source's own merge log, when it was itself a merged cache. */
  readonly mergedFrom: readonly MergedSource[];
}

export interface MergeLog {
  readonly format: typeof MERGE_LOG_FORMAT;
  readonly merges: readonly MergedSource[];
}

export const MERGE_LOG_FORMAT = 1;

/** The merge log's name at a cache's top (never read as an entry: cache-merge.ts skips it). */
export const MERGE_LOG = '.merged-from.json';

const MERGE_LOG_SCHEMA = fileURLToPath(new URL('../../golden/merge-log.schema.json', import.meta.url));

/** The sources merged into the cache at `dir`, oldest first; none when nothing was ever merged into it. */
export function readMergeLog(dir: string): readonly MergedSource[] {
  const path = join(dir, MERGE_LOG);
  return existsSync(path) ? loadValidatedJson<MergeLog>(path, MERGE_LOG_SCHEMA).merges : [];
}

/** Appends `sources` to the merge log of the cache at `dir` (atomically: a kill leaves the old log or the new). */
export function appendMergeLog(dir: string, sources: readonly MergedSource[]): void {
  if (sources.length === 0) return;
  const log: MergeLog = { format: MERGE_LOG_FORMAT, merges: [...readMergeLog(dir), ...sources] };
  writeFileAtomic(join(dir, MERGE_LOG), `${JSON.stringify(log, null, 2)}\n`);
}

/** What fed one run: computed units, units read from the cache, and the cache's merged sources. */
export interface Provenance {
  readonly format: typeof PROVENANCE_FORMAT;
  readonly computed: number;
  readonly readFromCache: number;
  /** The cache read; null with --no-cache. */
  readonly cache: string | null;
  /** The sources merged into that cache (empty when it was filled only by runs of its own, or nothing was read). */
  readonly mergedSources: readonly MergedSource[];
}

export const PROVENANCE_FORMAT = 1;

/** The file beside the report. */
export const PROVENANCE_FILE = 'provenance.json';

/** What fed a run that read `cache` (its merge log read before the run: a damaged log stops it before any work). */
export function provenanceOf(cache: string | null, log: readonly MergedSource[], counts: { readonly computed: number; readonly cached: number }): Provenance {
  const mergedSources = cache !== null && counts.cached > 0 ? log : [];
  return { format: PROVENANCE_FORMAT, computed: counts.computed, readFromCache: counts.cached, cache, mergedSources };
}

export function serialiseProvenance(provenance: Provenance): string {
  return `${JSON.stringify(provenance, null, 2)}\n`;
}

/** One line for the end of a run that read merged entries; null when it read none. */
export function provenanceLine(provenance: Provenance): string | null {
  if (provenance.mergedSources.length === 0) return null;
  const names = provenance.mergedSources.map((s) => `${s.source} (sha256:${s.content.slice(0, 12)}…, ${s.copied} copied${s.verified > 0 ? `, ${s.verified} recomputed` : ''})`);
  return `${provenance.readFromCache} unit(s) read from ${provenance.cache}, which holds entries merged from ${names.join(', ')}: trusted as REPRODUCE.md says of merged caches (${PROVENANCE_FILE})`;
}
