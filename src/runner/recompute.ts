import { deterministicPart, type RunRecord } from '../run/index.ts';
import type { Protocol, RunOverrides } from '../protocols/index.ts';
import { JOB_KINDS } from './jobs/kinds.ts';
import runTask from './jobs/seed-runs-worker.ts';
import { canonicalJson, runCacheKey, type RunInputs } from './run-cache.ts';
import { unitCacheKey, type UnitInputs } from './unit-cache.ts';

// Recomputing a cache entry from the inputs it stores, without any cache, as `cache merge --verify` does to check
// what a source holds: the same worker functions a run calls, so the same code gives the same bytes.

/** Each unit-cache kind's recomputation, as the job kinds declare them (jobs/job-kind.ts, `recompute`). */
const RECOMPUTE: ReadonlyMap<string, (task: unknown) => unknown> = new Map(
  Object.values(JOB_KINDS).flatMap((kind) => Object.entries(kind.recompute ?? {})),
);

/** The part of an entry that must be reproduced exactly: a run record without its timing, any other result whole. */
export function reproducible(folder: string, content: unknown): string {
  const asStored: unknown = JSON.parse(JSON.stringify(content));
  return canonicalJson(folder === '' ? deterministicPart(asStored as RunRecord) : asStored);
}

/**
 * What this checkout computes for a stored entry of `folder` ('' for runs, else a unit kind), or undefined when it
 * cannot say: the entry was made by other code (its key is not the one this checkout gives its inputs), or its
 * folder is not recomputed here (checkpoints are checked on read by measuring their weights again).
 */
export function recomputeEntry(folder: string, key: string, inputs: unknown): unknown {
  if (folder === '') {
    const i = inputs as RunInputs;
    if (runCacheKey(i.protocol, i.seed, i.overrides) !== key) return undefined;
    return runTask({ protocol: i.protocol as Protocol, seed: i.seed, overrides: i.overrides as RunOverrides, cacheDir: null }).result;
  }
  const { kind, task } = inputs as UnitInputs;
  const recompute = RECOMPUTE.get(folder);
  if (kind !== folder || recompute === undefined || unitCacheKey(kind, task) !== key) return undefined;
  return recompute(task);
}
