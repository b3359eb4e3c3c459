// The runner stage: executes jobs (plain data; one table of job kinds, jobs/kinds.ts) on a worker pool through
// content-addressed caches, and returns typed, serialisable results; cuts a plan's jobs into shards and merges the
// shards' caches. It knows nothing of claims or experiments. The only door other stages use.
export { distinctJobs, jobCost, jobKey, jobUnits, longestFirst } from './job.ts';
export { JOB_KINDS } from './jobs/kinds.ts';
export type { Job, JobResult } from './jobs/kinds.ts';
export type { GradientNoiseJob } from './jobs/gradient-noise.ts';
export type { JumpRunsJob } from './jobs/jump-runs.ts';
export type { KramersLangerJob } from './jobs/kramers-langer.ts';
export type { LearningPlateausJob } from './jobs/learning-plateaus.ts';
export type { ModeLangevinJob } from './jobs/mode-langevin.ts';
export type { NonlinearEscapesJob } from './jobs/nonlinear-escapes.ts';
export type { NonlinearSweepsJob } from './jobs/nonlinear-sweeps.ts';
export type { PhaseSweepsJob, SeedPlan } from './jobs/phase-sweeps.ts';
export type { SeedRunsJob } from './jobs/seed-runs.ts';
export type { SgldEscapesJob } from './jobs/sgld-escapes.ts';
export type { BiasedTrapsJob } from './jobs/biased-traps.ts';
export { LISTED_CACHE_PROBLEMS, executeJobs } from './execute.ts';
export type { ExecuteOptions, ProgressEvent } from './execute.ts';
export { MissingResultError, RunnerResults } from './results.ts';
export { COST_MODEL } from './cost.ts';
export type { JobCost } from './cost.ts';
export { TIMINGS_FILE, TIMINGS_SCHEMA, fitCostModel, formatFit, jobTimings, loadTimings, parseTimings, serialiseTimings } from './timings.ts';
export type { JobTiming, KindFit, Timings } from './timings.ts';
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
export { MERGE_LOG, PROVENANCE_FILE, provenanceLine, provenanceOf, readMergeLog, serialiseProvenance } from './cache-provenance.ts';
export type { MergedSource, Provenance } from './cache-provenance.ts';
export { MAX_SHARDS, assignUnits, parseShard, shardJobs, shardLoads, shardSlices, workUnits } from './shard.ts';
export type { Shard, WorkUnit } from './shard.ts';
export { createWorkerPool, mapInWorkers } from './worker-pool.ts';
export type { WorkerPool } from './worker-pool.ts';
