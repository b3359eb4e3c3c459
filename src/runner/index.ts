// The runner stage: executes jobs (plain data) on a worker pool through content-addressed caches, and returns
// typed, serialisable results; cuts a plan's jobs into shards and merges the shards' caches. It knows nothing of
// claims or experiments. The only door other stages use.
export { distinctJobs, jobKey, jobUnits } from './job.ts';
export type {
  GradientNoiseJob,
  Job,
  JumpRunsJob,
  KramersLangerJob,
  LearningPlateausJob,
  ModeLangevinJob,
  NonlinearEscapesJob,
  NonlinearSweepsJob,
  PhaseSweepsJob,
  SeedRunsJob,
  SgldEscapesJob,
} from './job.ts';
export { LISTED_CACHE_PROBLEMS, executeJobs } from './execute.ts';
export type { ExecuteOptions, ProgressEvent } from './execute.ts';
export { MissingResultError, RunnerResults } from './results.ts';
export type { JobResult } from './results.ts';
export { COST_MODEL, jobCost, longestFirst } from './cost.ts';
export type { JobCost } from './cost.ts';
export {
  DEFAULT_RUN_CACHE_DIR,
  RUN_CACHE_FORMAT,
  cachedRun,
  canonicalJson,
  readCachedRun,
  runCacheKey,
  runInputs,
  writeCachedRun,
} from './run-cache.ts';
export type { CacheReporter, RunCacheOptions, RunInputs } from './run-cache.ts';
export { CODE_ENTRIES, codeClosure, codeFingerprint, currentEngine } from './engine-fingerprint.ts';
export type { EngineIdentity } from './engine-fingerprint.ts';
export { checkpointCacheKey, diskCheckpointStore } from './checkpoint-cache.ts';
export { cachedUnit, unitCacheKey, unitCachePath } from './unit-cache.ts';
export type { CachedUnit } from './unit-cache.ts';
export { mergeCaches } from './cache-merge.ts';
export type { MergeSummary } from './cache-merge.ts';
export { MAX_SHARDS, assignUnits, parseShard, shardJobs, shardLoads, shardSlices, workUnits } from './shard.ts';
export type { Shard, WorkUnit } from './shard.ts';
export { runSeeds } from './run-seeds.ts';
export type { SweepOptions } from './run-seeds.ts';
export { runPhaseDiagram } from './phase-sweeps.ts';
export type { PhaseDiagramCacheOptions, SeedPlan } from './phase-sweeps.ts';
export { createWorkerPool, mapInWorkers } from './worker-pool.ts';
export type { WorkerPool } from './worker-pool.ts';
export { runJumpSettings } from './jump-runs.ts';
