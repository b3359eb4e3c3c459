import { datasetMoments, prepareTrainingSet } from '../engine/index.ts';
import { makeTaskData } from '../data/index.ts';
import { annealedCheckpoint, deterministicPart, type RunRecord, type StageReport } from '../run/index.ts';
import type { Protocol, RunOverrides } from '../protocols/index.ts';
import { CHECKPOINTS_KIND, checkpointCacheKey, encodeParams } from './checkpoint-cache.ts';
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

/** What a checkpoint entry stores beside its inputs, as this checkout trains it: its stages and its weights, base64. */
export interface CheckpointContent {
  readonly stages: readonly StageReport[];
  readonly params: string;
}

/** The inputs a checkpoint entry stores (checkpoint-cache.ts, checkpointInputs). */
interface CheckpointInputs {
  readonly teacher: Protocol['teacher'];
  readonly data: Protocol['data'];
  readonly dataSeed: number;
  readonly network: Protocol['network'];
  readonly initStd: number;
  readonly seed: number;
  readonly checkpoint: Protocol['checkpoint'];
  readonly numerics: NonNullable<Protocol['numerics']>;
  readonly betas: readonly number[];
}

/**
 * A checkpoint trained again from the inputs it stores, with no cache: the protocol's parts that a checkpoint depends
 * on, and nothing else, make the run context, and annealedCheckpoint trains it as a run would. Undefined when this
 * checkout gives those inputs another key (other code made it).
 */
function recomputeCheckpoint(key: string, inputs: CheckpointInputs): CheckpointContent | undefined {
  const { teacher, data, dataSeed, network, initStd, seed, checkpoint, numerics, betas } = inputs;
  const protocol = { teacher, data, dataSeed: { kind: 'fixed', seed: dataSeed }, network, initStd, checkpoint, numerics } as unknown as Protocol;
  if (checkpointCacheKey(protocol, seed, betas) !== key) return undefined;
  const task = makeTaskData(teacher, data, dataSeed);
  const ctx = { protocol, seed, data: task, train: prepareTrainingSet(task.train, network.biases), testMoments: datasetMoments(task.test, network.biases) };
  const trained = annealedCheckpoint(ctx, betas, new Map());
  return { stages: trained.stages, params: encodeParams(trained.network.params) };
}

/**
 * What this checkout computes for a stored entry of `folder` ('' for runs, CHECKPOINTS_KIND for checkpoints, else a
 * unit kind), or undefined when it cannot say: the entry was made by other code (its key is not the one this
 * checkout gives its inputs), or its folder is not recomputed here.
 */
export function recomputeEntry(folder: string, key: string, inputs: unknown): unknown {
  if (folder === CHECKPOINTS_KIND) return recomputeCheckpoint(key, inputs as CheckpointInputs);
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
