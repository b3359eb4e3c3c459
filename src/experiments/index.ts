// The experiments stage: the paper's experiments as pure functions — the jobs each needs (data, for the plan), and
// its result assembled from the runner's results (for the evaluators). The only door other stages use.
export { EXPERIMENT_NAMES, ALL_TRAPPING, distinctRequests, jobsOf, requestKey } from './request.ts';
export type { ExperimentRequest } from './request.ts';
export { experimentResults } from './results.ts';
export type { ExperimentResults } from './results.ts';
export {
  CHECKPOINT_BUDGETS,
  DATA_SCHEMES,
  DIAGNOSED_PROTOCOLS,
  ESCAPE_RULES,
  FIXED_DATA_SEED,
  SMALL_SPARSE_BATCH,
  SPARSE_BATCHES,
  TRAPPING_PROTOCOLS,
  checkpointSigma,
  dataSeedScheme,
  diagnosticJobs,
  diagnosticSeeds,
  diagnosticsResult,
  isDiagnosed,
  sparseJobs,
  sparseResult,
  sparseRunsJob,
  traceEveryFor,
  trappingJobs,
  trappingResult,
  trappingRunsJob,
} from './trapping.ts';
export type {
  DataSchemeName,
  DiagnosedProtocol,
  Diagnostics,
  EscapeRuleName,
  SparseBatchName,
  SparseResult,
  TrappingProtocol,
  TrappingResult,
} from './trapping.ts';
export { seedRunsJob } from './seed-runs.ts';
export { arrheniusJobs, arrheniusSweeps, fitArrhenius } from './arrhenius.ts';
export type { ArrheniusFit, ArrheniusSweeps, SweepPoint } from './arrhenius.ts';
export { kramersLangerJob, kramersLangerResult } from './appendix-f.ts';
export { phaseDiagramJob, phaseDiagramResult } from './phase-diagram.ts';
export { oneWayJumpsJobs, oneWayJumpsResult } from './one-way-jumps.ts';
export type { JumpGroupResult, JumpPoint, OneWayJumps } from './one-way-jumps.ts';
export { controlSeeds, modeControlJobs, modeControlResult, networkControlJobs, networkControlResult } from './escape-controls.ts';
export type { ModeControlPoint, ModeControlResult, NetworkControlDepthResult, NetworkControlPoint, NetworkControlResult } from './escape-controls.ts';
export { sgldSweepsJobs, sgldSweepsResult } from './escape-controls.ts';
export type { BetaSweepPoint, NoiseSweepPoint, SgldSweepsResult } from './escape-controls.ts';
export { NOISE_BATCHES, VARIANCE_READING_STD, gradientNoiseJob, initVarianceJob } from './coverage.ts';
export { networkBarriers, stagedEscapeResult, stagedJobs, stagedPlateausResult, stagedSweepsResult } from './staged.ts';
export type { PlateauGroup, StagedEscape, StagedEscapePoint, StagedPart, StagedPlateaus, StagedSweeps } from './staged.ts';
export { nonlinearJobs, nonlinearResult, nonlinearSweepSpec } from './nonlinear.ts';
export type { NonlinearActivation, NonlinearActivationResult, NonlinearResult } from './nonlinear.ts';
