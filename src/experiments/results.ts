import type { Profile } from '../protocols/index.ts';
import type { GradientNoiseReport, KramersLangerReport, PhaseDiagramRecord, RunRecord } from '../run/index.ts';
import type { RunnerResults } from '../runner/index.ts';
import { kramersLangerResult } from './appendix-f.ts';
import { arrheniusSweeps, type ArrheniusSweeps } from './arrhenius.ts';
import { oneWayJumpsResult, type OneWayJumps } from './one-way-jumps.ts';
import { modeControlResult, networkControlResult, type ModeControlResult, type NetworkControlResult } from './escape-controls.ts';
import { sgldSweepsResult, type SgldSweepsResult } from './escape-controls.ts';
import { gradientNoiseResult, initVarianceResult } from './coverage.ts';
import { nonlinearResult, type NonlinearResult } from './nonlinear.ts';
import { phaseDiagramResult } from './phase-diagram.ts';
import { stagedEscapeResult, stagedPlateausResult, stagedSweepsResult, type StagedEscape, type StagedPlateaus, type StagedSweeps } from './staged.ts';
import {
  diagnosticsResult,
  sparseResult,
  trappingResult,
  type DiagnosedProtocol,
  type Diagnostics,
  type SparseResult,
  type TrappingProtocol,
  type TrappingResult,
} from './trapping.ts';

/**
 * The results of the paper's experiments, by request: what an evaluator reads. Implemented over the runner's
 * results by `experimentResults`, or by a spec over synthetic or recorded data.
 */
export interface ExperimentResults {
  readonly profile: Profile;
  trapping(protocol: TrappingProtocol): TrappingResult;
  sparse(): SparseResult;
  /** Diagnostics (b) checkpoint convergence and (c) arithmetic of a protocol. */
  diagnostics(protocol: DiagnosedProtocol): Diagnostics;
  arrheniusSweeps(): ArrheniusSweeps;
  kramersLanger(beta: number): KramersLangerReport;
  phaseDiagram(): PhaseDiagramRecord[];
  /** rank-2 → rank-1 falls under SGD (an audit experiment). */
  oneWayJumps(): OneWayJumps;
  /** The harness's one-mode positive control. */
  modeControl(): ModeControlResult;
  /** The harness's SGLD positive control on the network, by depth. */
  networkControl(): NetworkControlResult;
  /** Random initialisation with N(0, 1/√w) read as a variance (per-seed data). */
  initVariance(): RunRecord[];
  /** Mini-batch gradient noise against B, with and without replacement. */
  gradientNoise(): GradientNoiseReport;
  /** Prediction 1 with d = 4 features (audit experiments): request { experiment: 'staged', part }. */
  stagedSweeps(): StagedSweeps;
  stagedPlateaus(): StagedPlateaus;
  stagedEscape(): StagedEscape;
  /** tanh and sigmoid networks' sweeps, trap noise and escapes (an audit experiment). */
  nonlinear(): NonlinearResult;
  /** The SGLD control's sweeps over β and over (B, ηlr) with the batch drawing (the audit's). */
  sgldSweeps(): SgldSweepsResult;
}

function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

/** The experiments assembled from executed jobs, each once however many claims read it. */
export function experimentResults(profile: Profile, runner: RunnerResults): ExperimentResults {
  const trapping = memo((p: TrappingProtocol) => trappingResult(p, profile, runner));
  const sparse = memo((_: null) => sparseResult(profile, runner));
  const diagnostics = memo((p: DiagnosedProtocol) => diagnosticsResult(p, profile, runner));
  const sweeps = memo((_: null) => arrheniusSweeps(profile, runner));
  const kramers = memo((beta: number) => kramersLangerResult(beta, runner));
  const phase = memo((_: null) => phaseDiagramResult(profile, runner));
  const jumps = memo((_: null) => oneWayJumpsResult(profile, runner));
  const modeControl = memo((_: null) => modeControlResult(profile, runner));
  const networkControl = memo((_: null) => networkControlResult(profile, runner));
  const initVariance = memo((_: null) => initVarianceResult(profile, runner));
  const noise = memo((_: null) => gradientNoiseResult(profile, runner));
  const stagedSweeps = memo((_: null) => stagedSweepsResult(profile, runner));
  const stagedPlateaus = memo((_: null) => stagedPlateausResult(profile, runner));
  const stagedEscape = memo((_: null) => stagedEscapeResult(profile, runner));
  const nonlinear = memo((_: null) => nonlinearResult(profile, runner));
  const sgldSweeps = memo((_: null) => sgldSweepsResult(profile, runner));
  return {
    profile,
    trapping,
    sparse: () => sparse(null),
    diagnostics,
    arrheniusSweeps: () => sweeps(null),
    kramersLanger: kramers,
    phaseDiagram: () => phase(null),
    oneWayJumps: () => jumps(null),
    modeControl: () => modeControl(null),
    networkControl: () => networkControl(null),
    initVariance: () => initVariance(null),
    gradientNoise: () => noise(null),
    stagedSweeps: () => stagedSweeps(null),
    stagedPlateaus: () => stagedPlateaus(null),
    stagedEscape: () => stagedEscape(null),
    nonlinear: () => nonlinear(null),
    sgldSweeps: () => sgldSweeps(null),
  };
}
