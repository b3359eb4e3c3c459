import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { GoldenFileError, readErrorCode, readRegularFile, writeFileAtomic } from '../io/index.ts';
import { checkpointEntryProblem } from './checkpoint-cache.ts';
import { recomputeEntry, reproducible } from './recompute.ts';
import { MERGE_LOG, appendMergeLog, readMergeLog, type MergedSource } from './cache-provenance.ts';
import { canonicalJson, runEntryProblem, sha256 } from './run-cache.ts';
import { unitEntryProblem } from './unit-cache.ts';

// Merging caches (the shards of a run, each filled on its own machine) into one. Every entry is checked against its
// own name and hashes before it is copied: a truncated download or an edited record is refused and reported, never
// served to the final run. Two valid entries under one name that differ beyond a run's timing are a
// reproducibility failure, not a choice: the merge lists them and writes nothing.

/** The checkpoints' folder; other folders hold the unit caches (unit-cache.ts), runs sit at the top. */
const CHECKPOINTS = 'checkpoints';

/** Leftovers of an interrupted atomic write (src/io/atomic-file.ts): not entries, skipped silently. */
const TEMPORARY = /^\..+\.(tmp|old)$/;

export interface MergeSummary {
  /** Entries copied into the target. */
  readonly copied: number;
  /** Entries the target (or an earlier source) already held with the same bytes. */
  readonly present: number;
  /** Entries refused, one line each: content that does not match its name or hashes, a file that cannot be read or
   * is not a regular file, or a whole source whose recomputed sample differs. */
  readonly refused: readonly string[];
  /** Valid entries held under the same key that differ only in a run's timing: the first one is kept. */
  readonly kept: readonly string[];
  /** Valid entries under one key whose results differ, each with both places: when any, nothing is written. */
  readonly conflicts: readonly string[];
  /** Files and folders that are not cache entries, left where they are. */
  readonly skipped: readonly string[];
  /** Each source whose entries were taken in, in argument order (those that gave new entries go to the merge log). */
  readonly sources: readonly MergedSource[];
}

export interface MergeOptions {
  /** Entries per kind and source recomputed from their inputs before the source is taken in (default 0). */
  readonly verify?: number;
  /** How an entry is recomputed (default recompute.ts); undefined when it cannot be. A spec injects one. */
  readonly recompute?: (folder: string, key: string, inputs: unknown) => unknown;
}

/** Why the parsed entry in `folder` (relative to the cache root) is not a valid entry for `key`, or null. */
function problemOf(folder: string, entry: unknown, key: string): string | null {
  if (folder === '') return runEntryProblem(entry, key);
  if (folder === CHECKPOINTS) return checkpointEntryProblem(entry, key);
  const problem = unitEntryProblem(entry, key);
  if (problem !== null) return problem;
  const kind = (entry as { inputs: { kind?: unknown } }).inputs.kind;
  return kind === folder ? null : `an entry of kind ${JSON.stringify(kind)} in the ${folder}/ folder`;
}

interface Entry {
  readonly folder: string;
  readonly name: string;
  readonly key: string;
  readonly path: string;
  readonly text: string;
  readonly parsed: { readonly inputs: unknown; readonly record?: unknown; readonly result?: unknown };
}

const relative = (e: Pick<Entry, 'folder' | 'name'>) => (e.folder === '' ? e.name : `${e.folder}/${e.name}`);

/** The entry at `path` when it is a readable, regular, valid one; else why not. */
function readEntry(folder: string, name: string, path: string): Entry | string {
  let text: string;
  try {
    text = readRegularFile(path, { noFollow: true });
  } catch (error) {
    const code = readErrorCode(error);
    return code === 'ENOTREG' || code === 'ELOOP' ? 'not a regular file' : `cannot be read (${code})`;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  const key = name.slice(0, -'.json'.length);
  const problem = problemOf(folder, parsed, key);
  return problem ?? { folder, name, key, path, text, parsed: parsed as Entry['parsed'] };
}

/** Every file of a cache folder: entries, refusals and skipped paths (a bad entry never stops the walk). */
function readCache(source: string, refused: string[], skipped: string[]): Entry[] {
  const entries: Entry[] = [];
  const walk = (folder: string) => {
    const dir = join(source, folder);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (error) {
      refused.push(`${dir}: cannot be listed (${readErrorCode(error)})`);
      return;
    }
    for (const name of names) {
      if (TEMPORARY.test(name) || (folder === '' && name === MERGE_LOG)) continue;
      const path = join(dir, name);
      let isDirectory = false;
      try {
        isDirectory = lstatSync(path).isDirectory();
      } catch {
        // Gone since listed: readEntry says so.
      }
      if (isDirectory) {
        if (folder === '') walk(name);
        else skipped.push(path);
      } else if (!name.endsWith('.json')) skipped.push(path);
      else {
        const entry = readEntry(folder, name, path);
        if (typeof entry === 'string') refused.push(`${path}: ${entry}`);
        else entries.push(entry);
      }
    }
  };
  walk('');
  return entries;
}

/** The part of an entry that must agree between two copies: all of it, a run's timing (and so its hash) aside. */
function comparable(e: Entry): unknown {
  const { record, contentHash: _derived, ...rest } = e.parsed as Record<string, unknown>;
  return e.folder === '' ? { ...rest, record: JSON.parse(reproducible('', record)) } : rest;
}

/** The first path at which two JSON values differ, for a one-line reason. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (canonicalJson(a) === canonicalJson(b)) return null;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`);
      if (d !== null) return d;
    }
  }
  return path === '' ? '(the whole entry)' : path;
}

/**
 * What retraining a checkpoint costs, in epochs: its stages times the epochs of each (every stage before the last is
 * trained again too). Other entries cost alike here.
 */
function trainingEpochs(e: Entry): number {
  if (e.folder !== CHECKPOINTS) return 0;
  const inputs = e.parsed.inputs as { betas?: unknown; checkpoint?: { epochsPerStage?: unknown } };
  const stages = Array.isArray(inputs.betas) ? inputs.betas.length : 0;
  const epochs = inputs.checkpoint?.epochsPerStage;
  return typeof epochs === 'number' && Number.isFinite(epochs) ? stages * epochs : Infinity;
}

/**
 * The --verify sample of one kind: the first `count` entries by name, i.e. by the hash of their inputs; checkpoints
 * by their training cost first (the cheapest ones), then by name.
 */
function sampleOf(entries: readonly Entry[], count: number): Entry[] {
  const byFolder = new Map<string, Entry[]>();
  for (const e of entries) byFolder.set(e.folder, [...(byFolder.get(e.folder) ?? []), e]);
  const order = (x: Entry, y: Entry) => trainingEpochs(x) - trainingEpochs(y) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  return [...byFolder.values()].flatMap((list) => list.sort(order).slice(0, count));
}

/** What an entry stores that recomputing it must give again: a run's record, a checkpoint's stages and weights, a unit's result. */
function storedContent(e: Entry): unknown {
  if (e.folder === '') return e.parsed.record;
  if (e.folder !== CHECKPOINTS) return e.parsed.result;
  const { stages, params } = e.parsed as unknown as { stages: unknown; params: unknown };
  return { stages, params };
}

/** Why a source's sampled entries are not what this checkout computes, or null; counts the entries that matched. */
function verifySource(entries: readonly Entry[], count: number, recompute: NonNullable<MergeOptions['recompute']>): { problem: string | null; verified: number } {
  let verified = 0;
  for (const e of sampleOf(entries, count)) {
    const fresh = recompute(e.folder, e.key, e.parsed.inputs);
    if (fresh === undefined) continue;
    const stored = storedContent(e);
    const [want, got] = [JSON.parse(reproducible(e.folder, fresh)), JSON.parse(reproducible(e.folder, stored))];
    const difference = firstDifference(want, got);
    if (difference !== null) return { problem: `${e.path}: recomputed, it differs in ${difference}`, verified };
    verified += 1;
  }
  return { problem: null, verified };
}

/** A source taken in, before its copies are counted: what it holds, named by content, and its own merge log. */
function identityOf(source: string, entries: readonly Entry[], verified: number, mergedFrom: readonly MergedSource[]): Omit<MergedSource, 'copied'> {
  const lines = entries.map((e) => `${relative(e)}\0${sha256(e.text)}\n`).sort();
  return { source, content: sha256(lines.join('')), entries: entries.length, verified, mergedFrom };
}

/** A source's own merge log; a damaged one is refused (listed) and read as none, as a damaged entry is. */
function sourceLog(source: string, refused: string[]): readonly MergedSource[] {
  try {
    return readMergeLog(source);
  } catch (error) {
    if (!(error instanceof GoldenFileError)) throw error;
    refused.push(`${error.message} (its sources are not carried into the target's log)`);
    return [];
  }
}

/**
 * Copies every valid entry of each source cache into `into` (created when missing). An entry whose content does not
 * match its name or hashes, or that is not a readable regular file, is refused and the merge goes on. With
 * `verify`, a source whose recomputed sample differs is refused whole. Two valid entries under one key (in two
 * sources, or a source and the target) that differ beyond a run's timing are conflicts: all are listed and nothing
 * is written. Otherwise the first of equal entries is kept and an invalid target entry replaced; nothing is deleted.
 * Each source that gave new entries is appended to the target's merge log (cache-provenance.ts).
 */
export function mergeCaches(sources: readonly string[], into: string, options: MergeOptions = {}): MergeSummary {
  const refused: string[] = [];
  const kept: string[] = [];
  const conflicts: string[] = [];
  const skipped: string[] = [];
  const identities: Omit<MergedSource, 'copied'>[] = [];
  const incoming = new Map<string, Entry & { readonly from: string }>();
  let present = 0;
  for (const source of sources) {
    const entries = readCache(source, refused, skipped);
    const { problem, verified } = (options.verify ?? 0) > 0 ? verifySource(entries, options.verify!, options.recompute ?? recomputeEntry) : { problem: null, verified: 0 };
    if (problem !== null) {
      refused.push(`${source}: every entry refused, ${problem}`);
      continue;
    }
    identities.push(identityOf(source, entries, verified, sourceLog(source, refused)));
    for (const e of entries) {
      const earlier = incoming.get(relative(e));
      if (earlier === undefined) incoming.set(relative(e), { ...e, from: source });
      else if (earlier.text === e.text) present += 1;
      else {
        const difference = firstDifference(comparable(earlier), comparable(e));
        if (difference === null) kept.push(e.path);
        else conflicts.push(`${relative(e)}: ${earlier.path} and ${e.path} differ in ${difference}`);
      }
    }
  }
  const copies: (Entry & { readonly from: string })[] = [];
  for (const e of incoming.values()) {
    const held = readEntry(e.folder, e.name, join(into, e.folder, e.name));
    if (typeof held === 'string') copies.push(e);
    else if (held.text === e.text) present += 1;
    else {
      const difference = firstDifference(comparable(held), comparable(e));
      if (difference === null) kept.push(e.path);
      else conflicts.push(`${relative(e)}: ${held.path} and ${e.path} differ in ${difference}`);
    }
  }
  const written = conflicts.length === 0 ? copies : [];
  const takenIn = identities.map((identity) => ({ ...identity, copied: written.filter((e) => e.from === identity.source).length }));
  // The log first: a kill between the two may leave a logged source that gave fewer entries, never an entry whose
  // source is not logged.
  appendMergeLog(into, takenIn.filter((s) => s.copied > 0));
  for (const e of written) writeFileAtomic(join(into, e.folder, e.name), e.text);
  return { copied: written.length, present, refused, kept, conflicts, skipped, sources: takenIn };
}
