export {
  DEFAULT_NUMERICS,
  MAX_EPOCHS,
  PROFILES,
  PROTOCOL_LIMITS,
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
export { runSeeds } from './run-seeds.ts';
export { ExperimentStore } from './experiment-store.ts';
export type { ExperimentStoreOptions, RunVariant } from './experiment-store.ts';
export type { SweepOptions } from './run-seeds.ts';
export { PHASE_DIAGRAM_FILE, gridBetas, loadPhaseDiagramFile, phaseDiagramSeeds } from './phase-diagram-protocol.ts';
export type { PhaseDiagramFile, PhaseDiagramProfile, PhaseDiagramProtocol, SeedRange, SweepConvergence } from './phase-diagram-protocol.ts';
export { SWEEP_DIRECTIONS, eq3CriticalBetas, sweepDataSeed } from './phase-diagram.ts';
export type { CriticalBetas, PhaseDiagramRecord, Sweep, SweepDirection, SweepPoint as PhaseSweepPoint, Transition } from './phase-diagram.ts';
export { phaseDiagramExperiment, runPhaseDiagram } from './phase-diagram-run.ts';
export { sampleSpectrum } from './sample-spectrum.ts';
export type { SampleSpectrum } from './sample-spectrum.ts';
export { createWorkerPool, mapInWorkers } from './worker-pool.ts';
export type { WorkerPool } from './worker-pool.ts';
export {
  PHASE_DIAGRAM_SMOKE_PATH,
  computePhaseDiagramSmoke,
  loadPhaseDiagramSmoke,
  phaseDiagramSummary,
  writePhaseDiagramSmoke,
} from './phase-diagram-golden.ts';
export type { PhaseDiagramSmoke, PinnedTransition } from './phase-diagram-golden.ts';
export { escapeSample, outcomeOf, primaryOutcome } from './escape-runs.ts';
export type { EscapeSample, RunOutcome } from './escape-runs.ts';
export { ARRHENIUS_SWEEP_PATH, arrheniusSweeps, fitArrhenius, loadArrheniusSweep } from './arrhenius.ts';
export type { ArrheniusFit, ArrheniusSweepFile, ArrheniusSweeps, SweepPoint } from './arrhenius.ts';
