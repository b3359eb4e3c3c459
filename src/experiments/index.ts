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
} from '../protocols/protocols.ts';
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
} from '../protocols/protocols.ts';
export { ENGINE_VERSION, RANK_THRESHOLD, TIMING_FIELDS, deterministicPart, runProtocol, validateSettings } from '../run/run-protocol.ts';
export type { BranchValue, RunOptions, RunRecord, RunResult, TraceRow, TraceSample } from '../run/run-protocol.ts';
export { annealedCheckpoint, freshNetwork } from '../run/checkpoints.ts';
export type { Checkpoint, RunContext, StageReport } from '../run/checkpoints.ts';
export { FirstCrossing, midpointThreshold } from '../run/escape-detection.ts';
export { DEFAULT_RUN_CACHE_DIR, cachedRun, canonicalJson, readCachedRun, runCacheKey, writeCachedRun } from '../runner/run-cache.ts';
export { runSeeds } from '../runner/run-seeds.ts';
export { ExperimentStore } from './experiment-store.ts';
export type { ExperimentStoreOptions, RunVariant } from './experiment-store.ts';
export type { SweepOptions } from '../runner/run-seeds.ts';
export { PHASE_DIAGRAM_FILE, gridBetas, loadPhaseDiagramFile, phaseDiagramSeeds } from '../protocols/phase-diagram-protocol.ts';
export type { PhaseDiagramFile, PhaseDiagramProfile, PhaseDiagramProtocol, SeedRange, SweepConvergence } from '../protocols/phase-diagram-protocol.ts';
export { SWEEP_DIRECTIONS, eq3CriticalBetas, sweepDataSeed } from '../run/phase-sweep.ts';
export type { CriticalBetas, PhaseDiagramRecord, Sweep, SweepDirection, SweepPoint as PhaseSweepPoint, Transition } from '../run/phase-sweep.ts';
export { phaseDiagramExperiment, runPhaseDiagram } from '../runner/phase-sweeps.ts';
export { sampleSpectrum } from '../engine/sample-spectrum.ts';
export type { SampleSpectrum } from '../engine/sample-spectrum.ts';
export { createWorkerPool, mapInWorkers } from '../runner/worker-pool.ts';
export type { WorkerPool } from '../runner/worker-pool.ts';
export {
  PHASE_DIAGRAM_SMOKE_PATH,
  computePhaseDiagramSmoke,
  loadPhaseDiagramSmoke,
  phaseDiagramSummary,
  writePhaseDiagramSmoke,
} from '../pins/phase-diagram-smoke.ts';
export type { PhaseDiagramSmoke, PinnedTransition } from '../pins/phase-diagram-smoke.ts';
export { escapeSample, outcomeOf, primaryOutcome } from '../run/escape-outcome.ts';
export type { EscapeSample, RunOutcome } from '../run/escape-outcome.ts';
export { ARRHENIUS_SWEEP_PATH, arrheniusSweeps, fitArrhenius, loadArrheniusSweep } from './arrhenius.ts';
export type { ArrheniusFit, ArrheniusSweepFile, ArrheniusSweeps, SweepPoint } from './arrhenius.ts';
