import { deterministicPart, kramersLanger, type KramersLangerOptions, type RunRecord } from '../run/index.ts';
import type { Protocol, RunOverrides } from '../protocols/index.ts';
import controlTask, { SGLD_ESCAPE_KIND, type SgldTask } from './control-worker.ts';
import nonlinearWorkerTask, { type NonlinearUnit } from './nonlinear-worker.ts';
import sweepTask, { PHASE_SWEEPS_KIND, type PhaseDiagramTask } from './phase-sweep-worker.ts';
import { canonicalJson, runCacheKey, type RunInputs } from './run-cache.ts';
import runTask from './run-worker.ts';
import { unitCacheKey, type UnitInputs } from './unit-cache.ts';

// Recomputing a cache entry from the inputs it stores, without any cache, as `cache merge --verify` does to check
// what a source holds: the same worker functions a run calls, so the same code gives the same bytes.

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
    return runTask({ protocol: i.protocol as Protocol, seed: i.seed, overrides: i.overrides as RunOverrides, cacheDir: null }).record;
  }
  const { kind, task } = inputs as UnitInputs;
  if (kind !== folder || folder === 'checkpoints' || unitCacheKey(kind, task) !== key) return undefined;
  switch (kind) {
    case PHASE_SWEEPS_KIND:
      return sweepTask({ ...(task as PhaseDiagramTask), cacheDir: null }).record;
    case 'kramers-langer':
      return kramersLanger(task as KramersLangerOptions);
    case SGLD_ESCAPE_KIND: {
      const result = controlTask({ ...(task as Omit<SgldTask, 'kind' | 'cacheDir'>), kind: 'sgld', cacheDir: null });
      return result.kind === 'sgld' ? result.record : undefined;
    }
    case 'nonlinear-sweeps':
    case 'nonlinear-trap':
    case 'nonlinear-escape':
      return nonlinearWorkerTask({ unit: { ...(task as object), kind } as NonlinearUnit, cacheDir: null }).result;
    default:
      return undefined;
  }
}
