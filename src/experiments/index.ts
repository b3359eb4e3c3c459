export {
  DEFAULT_NUMERICS,
  PROFILES,
  PROTOCOLS,
  PROTOCOL_DIR,
  PROTOCOL_FILES,
  PROTOCOL_NAMES,
  applyOverrides,
  dataSeedFor,
  isProtocolName,
  numericsOf,
  loadProtocolFile,
  profileSeeds,
  protocolForProfile,
  protocolOf,
} from './protocols.ts';
export type {
  CheckpointRule,
  DataSeedScheme,
  Profile,
  ProfileSettings,
  ProtocolFile,
  EscapeRule,
  Protocol,
  ProtocolName,
  ReferenceDescent,
  RunOverrides,
} from './protocols.ts';
export { ENGINE_VERSION, RANK_THRESHOLD, TIMING_FIELDS, deterministicPart, runProtocol, validateSettings } from './run-protocol.ts';
export type { BranchValue, RunOptions, RunRecord, RunResult, TraceRow, TraceSample } from './run-protocol.ts';
export { annealedCheckpoint, freshNetwork } from './checkpoints.ts';
export type { Checkpoint, RunContext, StageReport } from './checkpoints.ts';
export { FirstCrossing, midpointThreshold } from './escape-detection.ts';
export { DEFAULT_RUN_CACHE_DIR, cachedRun, canonicalJson, readCachedRun, runCacheKey, writeCachedRun } from './run-cache.ts';
export { createRunPool, runSeeds } from './run-seeds.ts';
export { ExperimentStore } from './experiment-store.ts';
export type { ExperimentStoreOptions, RunVariant } from './experiment-store.ts';
export type { SweepOptions } from './run-seeds.ts';
