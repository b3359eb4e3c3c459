import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/index.ts';
import { checkpointEntryProblem } from './checkpoint-cache.ts';
import { runEntryProblem } from './run-cache.ts';
import { unitEntryProblem } from './unit-cache.ts';

// Merging caches (the shards of a run, each filled on its own machine) into one. Every entry is checked against its
// own name and hashes before it is copied: a truncated download or an edited record is refused and reported, never
// served to the final run.

/** The checkpoints' folder; other folders hold the unit caches (unit-cache.ts), runs sit at the top. */
const CHECKPOINTS = 'checkpoints';

/** Leftovers of an interrupted atomic write (src/io/atomic-file.ts): not entries, skipped silently. */
const TEMPORARY = /^\..+\.(tmp|old)$/;

export interface MergeSummary {
  /** Entries copied into the target. */
  readonly copied: number;
  /** Entries the target already held with the same bytes. */
  readonly present: number;
  /** Entries refused, one line each: content that does not match its name or hashes. */
  readonly refused: readonly string[];
  /** Valid entries the target already held under the same key with other bytes (a run's timing differs between
   * machines): the target's is kept. */
  readonly kept: readonly string[];
  /** Files and folders that are not cache entries, left where they are. */
  readonly skipped: readonly string[];
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

function parsedProblem(folder: string, text: string, key: string): string | null {
  let entry: unknown;
  try {
    entry = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  return problemOf(folder, entry, key);
}

/**
 * Copies every valid entry of each source cache into `into` (created when missing). An entry whose content does not
 * match its name or hashes is refused. Under a key the target already holds, a valid target entry is kept (same
 * inputs, so the same result; a run record's timing may differ) and an invalid one replaced. Sources are read in
 * order; nothing is deleted.
 */
export function mergeCaches(sources: readonly string[], into: string): MergeSummary {
  let copied = 0;
  let present = 0;
  const refused: string[] = [];
  const kept: string[] = [];
  const skipped: string[] = [];
  const mergeFolder = (source: string, folder: string) => {
    const dir = join(source, folder);
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (TEMPORARY.test(name)) continue;
      if (statSync(path).isDirectory()) {
        if (folder === '') mergeFolder(source, name);
        else skipped.push(path);
        continue;
      }
      if (!name.endsWith('.json')) {
        skipped.push(path);
        continue;
      }
      const key = name.slice(0, -'.json'.length);
      const text = readFileSync(path, 'utf8');
      const problem = parsedProblem(folder, text, key);
      if (problem !== null) {
        refused.push(`${path}: ${problem}`);
        continue;
      }
      const target = join(into, folder, name);
      if (existsSync(target)) {
        const held = readFileSync(target, 'utf8');
        if (held === text) {
          present += 1;
          continue;
        }
        if (parsedProblem(folder, held, key) === null) {
          kept.push(path);
          continue;
        }
      }
      writeFileAtomic(target, text);
      copied += 1;
    }
  };
  for (const source of sources) mergeFolder(source, '');
  return { copied, present, refused, kept, skipped };
}
