// The runner stage: executes jobs (plain data) on a worker pool through a content-addressed run cache, and returns
// typed, serialisable results. It knows nothing of claims or experiments. The only door other stages use.
export { distinctJobs, jobKey } from './job.ts';
export type { GradientNoiseJob, Job, JumpRunsJob, KramersLangerJob, ModeLangevinJob, PhaseSweepsJob, SeedRunsJob, SgldEscapesJob } from './job.ts';
export { LISTED_CACHE_PROBLEMS, executeJobs } from './execute.ts';
export type { ExecuteOptions, ProgressEvent } from './execute.ts';
export { MissingResultError, RunnerResults } from './results.ts';
export type { JobResult } from './results.ts';
export { COST_MODEL, jobCost } from './cost.ts';
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
export { FINGERPRINTED_SOURCES, currentEngine, engineFingerprint } from './engine-fingerprint.ts';
export type { EngineIdentity } from './engine-fingerprint.ts';
export { checkpointCacheKey, diskCheckpointStore } from './checkpoint-cache.ts';
export { runSeeds } from './run-seeds.ts';
export type { SweepOptions } from './run-seeds.ts';
export { runPhaseDiagram } from './phase-sweeps.ts';
export type { SeedPlan } from './phase-sweeps.ts';
export { createWorkerPool, mapInWorkers } from './worker-pool.ts';
export type { WorkerPool } from './worker-pool.ts';
export { runJumpSettings } from './jump-runs.ts';
