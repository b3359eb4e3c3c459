// The experiments stage: the paper's experiments as pure functions — the jobs each needs (data, for the plan), and
// its results assembled from the runner's results (for the evaluators), one row each in table.ts. The only door
// other stages use.
export { ALL_TRAPPING, EXPERIMENTS, experimentResults, jobsOf } from './table.ts';
export type { ExperimentRequest, ExperimentResults } from './table.ts';
export { distinctRequests } from './experiment.ts';
export { escapeOutcomes, primaryOutcomes } from './escape-readings.ts';
// What the runs recorded, as the evaluators read it: results come to them through the experiments.
export { RANK_THRESHOLD, SWEEP_DIRECTIONS, convergenceEpoch, modeCrossing } from '../run/index.ts';
export type { CriticalBetas, GradientNoiseCell, KramersLangerReport, ModeCrossing, PhaseDiagramRecord, RunRecord, SgldEscapeRecord, Sweep, SweepDirection } from '../run/index.ts';
export {
  DATA_SCHEMES,
  ESCAPE_RULES,
  SMALL_SPARSE_BATCH,
  SPARSE_BATCHES,
  TRAPPING_PROTOCOLS,
  checkpointSigma,
  isDiagnosed,
  sparseRunsJob,
  trappingRunsJob,
} from './trapping.ts';
export type {
  DataSchemeName,
  DiagnosedProtocol,
  Diagnostics,
  EscapeRuleName,
  BestFits,
  SparseBatchName,
  SparseResult,
  TrappingProtocol,
  TrappingResult,
} from './trapping.ts';
export { seedRunsJob } from './seed-runs.ts';
export { fitArrhenius } from './arrhenius.ts';
export type { ArrheniusFit, ArrheniusSweeps, NoFit, SweepPoint } from './arrhenius.ts';
export { phaseDiagramJob } from './phase-diagram.ts';
export type { JumpGroupResult, JumpPoint, OneWayJumps } from './one-way-jumps.ts';
export { controlSeeds, modeControlJobs, modeControlResult } from './escape-controls.ts';
export type { ModeControlPoint, ModeControlResult, NetworkControlDepthResult, NetworkControlPoint, NetworkControlResult } from './escape-controls.ts';
export type { BetaSweepPoint, NoiseSweepPoint, SgldSweepsResult } from './escape-controls.ts';
export type { KramersControlDataSet, KramersControlPoint, KramersControlResult } from './network-kramers.ts';
export { networkBarriers, stagedJobs } from './staged.ts';
export type { PlateauGroup, StagedEscape, StagedEscapePoint, StagedPart, StagedPlateaus, StagedSweeps } from './staged.ts';
export type { NonlinearActivation, NonlinearActivationResult, NonlinearResult } from './nonlinear.ts';
export { PREMISE_BETA } from './premise-traps.ts';
export { BIASED_READINGS, NOISE_BATCHES, biasedOutcome, biasedTrap } from './biased-network.ts';
export type { BiasedNetworkResult, BiasedReadingRuns } from './biased-network.ts';
export type { PremisePlacement, PremiseTrapResult, PremiseTrapRuns } from './premise-traps.ts';
