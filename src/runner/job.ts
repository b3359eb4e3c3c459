import type { PhaseDiagramProtocol, Protocol, RunOverrides } from '../protocols/index.ts';
import type { BatchSampling, ModeLangevinSettings } from '../engine/index.ts';
import type { GradientNoiseOptions, JumpSettingTask, KramersLangerOptions, NonlinearSweepSpec, PlateauSettings, TrapRule } from '../run/index.ts';
import { canonicalJson } from './run-cache.ts';
import type { SeedPlan } from './phase-sweeps.ts';

// A job is one unit the runner executes: plain, serialisable data that names everything that determines its
// result. The runner knows jobs, never the claims or experiments that asked for them.

/** SGD runs of one protocol (src/run/run-protocol.ts), one per seed. */
export interface SeedRunsJob {
  readonly kind: 'seed-runs';
  /** Words for progress and --plan; not part of the job's identity. */
  readonly label: string;
  readonly protocol: Protocol;
  readonly seeds: readonly number[];
  readonly overrides: RunOverrides;
}

/** Quasi-static β sweeps of Fig. 3 (src/run/phase-sweep.ts), one data seed each. */
export interface PhaseSweepsJob {
  readonly kind: 'phase-sweeps';
  readonly label: string;
  readonly protocol: PhaseDiagramProtocol;
  readonly seeds: readonly SeedPlan[];
}

/** The Appendix F analysis at one β (src/run/kramers-langer.ts): Hessians, zero modes, Eq. 11/12, gradient noise. */
export interface KramersLangerJob {
  readonly kind: 'kramers-langer';
  readonly label: string;
  readonly options: KramersLangerOptions;
}

/** Downward jumps rank 2 → rank 1 (src/run/one-way-jumps.ts): one task per (sampling, β, ηlr) setting, each all its seeds. */
export interface JumpRunsJob {
  readonly kind: 'jump-runs';
  readonly label: string;
  readonly tasks: readonly JumpSettingTask[];
}

/** The one-mode positive control at one temperature (src/run/escape-controls.ts): one Langevin run per seed. */
export interface ModeLangevinJob {
  readonly kind: 'mode-langevin';
  readonly label: string;
  readonly settings: ModeLangevinSettings;
  /** 1: the mode's own potential; s: s·V (a spec's wrong barrier). */
  readonly barrierScale: number;
  readonly seeds: readonly number[];
}

/** The network positive control at one temperature: SGLD from one checkpoint, one run per noise seed. */
export interface SgldEscapesJob {
  readonly kind: 'sgld-escapes';
  readonly label: string;
  readonly protocol: Protocol;
  readonly checkpointSeed: number;
  readonly temperature: number;
  readonly noiseSeeds: readonly number[];
  /** How SGD draws its batches (trainSgd's batchSampling); absent: the per-epoch permutation. */
  readonly sampling?: BatchSampling;
  /** σ of the escaping mode around each escape, `before` epochs ahead to `after` past it; absent: none. */
  readonly trace?: { readonly before: number; readonly after: number };
}

/** The mini-batch gradient noise against B, with and without replacement (src/run/gradient-noise-scaling.ts). */
export interface GradientNoiseJob {
  readonly kind: 'gradient-noise';
  readonly label: string;
  readonly options: GradientNoiseOptions;
}

/** Learning plateaus from a small initialisation (src/run/staged-transitions.ts): one run per (initial scale, data seed). */
export interface LearningPlateausJob {
  readonly kind: 'learning-plateaus';
  readonly label: string;
  readonly protocol: PhaseDiagramProtocol;
  /** One run per data seed with these settings (its SGD seed is the data seed). */
  readonly settings: PlateauSettings;
  readonly dataSeeds: readonly number[];
}

/** A tanh or sigmoid network's quasi-static β sweeps, up and down, on one data set (src/run/nonlinear-sweep.ts). */
export interface NonlinearSweepsJob {
  readonly kind: 'nonlinear-sweeps';
  readonly label: string;
  readonly spec: NonlinearSweepSpec;
  readonly dataSeed: number;
}

/**
 * SGD from a nonlinear network's trap (src/run/nonlinear-trap.ts): the trap β and rise threshold read off the same
 * spec's up sweep (the nonlinear-sweeps job's), the trap and its gradient noise, then one run per seed.
 */
export interface NonlinearEscapesJob {
  readonly kind: 'nonlinear-escapes';
  readonly label: string;
  readonly spec: NonlinearSweepSpec;
  readonly dataSeed: number;
  readonly rule: TrapRule;
  readonly noiseRank: number;
  readonly riseFraction: number;
  readonly escape: {
    readonly lr: number;
    readonly batch: number;
    readonly sampling: BatchSampling;
    readonly mode: number;
    readonly checkEvery: number;
    readonly budget: number;
  };
  readonly seeds: readonly number[];
}

export type Job =
  | SeedRunsJob
  | PhaseSweepsJob
  | KramersLangerJob
  | JumpRunsJob
  | ModeLangevinJob
  | SgldEscapesJob
  | GradientNoiseJob
  | NonlinearSweepsJob
  | NonlinearEscapesJob
  | LearningPlateausJob;

/** A job's identity: everything but its label, as canonical JSON (equal jobs asked for twice run once). */
export function jobKey(job: Job): string {
  const { label: _label, ...identity } = job;
  return canonicalJson(identity);
}

/** The jobs in first-asked order, each identity once (the first label kept). */
export function distinctJobs(jobs: readonly Job[]): Job[] {
  const byKey = new Map<string, Job>();
  for (const job of jobs) if (!byKey.has(jobKey(job))) byKey.set(jobKey(job), job);
  return [...byKey.values()];
}

/** The units a job reports progress in: its seeds, or 1 for an analysis. */
/** Seeds per one-mode task: enough to amortise a task, few enough to spread a job over the workers. */
export const MODE_SLICE = 10;

export function jobUnits(job: Job): number {
  switch (job.kind) {
    case 'kramers-langer':
    case 'gradient-noise':
    case 'nonlinear-sweeps':
      return 1;
    case 'jump-runs':
      return job.tasks.length;
    case 'sgld-escapes':
      return job.noiseSeeds.length;
    case 'learning-plateaus':
      return job.dataSeeds.length;
    case 'mode-langevin':
      return Math.ceil(job.seeds.length / MODE_SLICE);
    default:
      return job.seeds.length;
  }
}
