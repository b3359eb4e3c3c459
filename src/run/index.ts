// The run stage: one unit of deterministic work — one seed of one protocol (checkpoints, the run record, escape
// detection), one data seed's quasi-static β sweeps, the Appendix F analysis at one β. The only door other stages use.
export { ENGINE_VERSION, RANK_THRESHOLD, TIMING_FIELDS, deterministicPart, runProtocol, validateSettings } from './run-protocol.ts';
export type { BranchValue, RunOptions, RunRecord, RunResult, TraceRow, TraceSample } from './run-protocol.ts';
export { annealedCheckpoint, freshNetwork } from './checkpoints.ts';
export type { Checkpoint, CheckpointStore, RunContext, StageReport } from './checkpoints.ts';
export { midpointThreshold } from './escape-detection.ts';
export { convergenceEpoch, outcomeOf, primaryOutcome } from './escape-outcome.ts';
export { MAX_STEP_HALVINGS, SWEEP_DIRECTIONS, eq3CriticalBetas, sweepDataSeed } from './phase-sweep.ts';
export type { CriticalBetas, PhaseDiagramRecord, Sweep, SweepDirection, PhaseSweepPoint, Transition } from './phase-sweep.ts';
export { gradientNoiseScaling } from './gradient-noise-scaling.ts';
export type { GradientNoiseCell, GradientNoiseOptions, GradientNoiseReport } from './gradient-noise-scaling.ts';
export { PAPER_KRAMERS_OPTIONS, entropicSumForFactor, kramersLanger, lnTauEq12 } from './kramers-langer.ts';
export type {
  ArrheniusCheck,
  CriticalPointReport,
  KramersLangerOptions,
  KramersLangerReport,
  LangerReport,
  NoiseAtPoint,
  PointPairReport,
} from './kramers-langer.ts';
export { annealedMinimum, etaForCriticalBeta, jumpDownRun, jumpDownRuns, jumpSetting, modeLossBeta } from './one-way-jumps.ts';
export type { AnnealedMinimum, JumpLandscape, JumpSettingResult, JumpSettingTask } from './one-way-jumps.ts';
export { modeControlRun, sgldEscapeRun } from './escape-controls.ts';
export type { SgldEscapeRecord, SgldRunOptions } from './escape-controls.ts';
export { learningPlateaus, stagedProtocol } from './staged-transitions.ts';
export type { LearningPlateaus, PlateauSettings } from './staged-transitions.ts';
export { modeCrossing, nonlinearEscapeRun, nonlinearSweeps, nonlinearTrap, responseSingularValues } from './nonlinear-sweep.ts';
export type { ModeCrossing, NonlinearSweepPoint, NonlinearSweepSpec, NonlinearSweeps } from './nonlinear-sweep.ts';
export { nonlinearEscapeTask, nonlinearTrapPlan, nonlinearTrapState } from './nonlinear-trap.ts';
export type { NonlinearEscapeTask, NonlinearEscapesRecord, NonlinearTrapPlan, NonlinearTrapState, TrapRule } from './nonlinear-trap.ts';
export { watchedModeRun, watchedRun } from './watched-run.ts';
export type { ModeWatch } from './watched-run.ts';
export {
  BIAS_READINGS,
  biasedCheckpoint,
  biasedData,
  biasedEscapeRun,
  biasedTestMse,
  biasedTrapSeed,
  biasedTrapSpec,
  descendBiased,
  freshBiasedNetwork,
  weakModeNoise,
} from './biased-trap.ts';
export type {
  BiasReading,
  BiasedBranch,
  BiasedData,
  BiasedEscape,
  BiasedEscapeSettings,
  BiasedTrapRecord,
  BiasedTrapRun,
  BiasedTrapSpec,
  Spread,
  WeakModeNoise,
} from './biased-trap.ts';
