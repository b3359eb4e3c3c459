import { modePotential } from '../engine/index.ts';
import { PHASE_DIAGRAM_FILE, loadStaged, seedsOf, stagedEscapeProtocol, type Profile, type StagedFile } from '../protocols/index.ts';
import { stagedProtocol, type LearningPlateaus, type PhaseDiagramRecord, type SgldEscapeRecord } from '../run/index.ts';
import type { LearningPlateausJob, PhaseSweepsJob, RunnerResults, SgldEscapesJob } from '../runner/index.ts';
import { controlSeeds } from './escape-controls.ts';
import { experiment } from './experiment.ts';

// Prediction 1 (Section 4.1) with d = 4 features (golden/protocols/staged.json; audit experiments): the staircase of quasi-static sweeps, learning plateaus from a small initialisation, and SGLD
// escape from the trivial trap, each part its own request so a claim runs only the part it reads.

export type StagedPart = 'sweeps' | 'plateaus' | 'escape';

/** The phase-diagram protocol with the file's features and grid. */
function sweepProtocol(file: StagedFile) {
  return { ...stagedProtocol(PHASE_DIAGRAM_FILE.settings, file.etas), grid: { ...file.sweeps.grid } };
}

function sweepsJob(file: StagedFile, profile: Profile): PhaseSweepsJob {
  const seeds = seedsOf(file.profiles[profile].sweepSeeds).map((dataSeed) => ({ dataSeed, allSweeps: true }));
  return { kind: 'phase-sweeps', label: `staged transitions, d = ${file.etas.length}: ${seeds.length} data seeds × 3 quasi-static β sweeps`, protocol: sweepProtocol(file), seeds };
}

function plateauJobs(file: StagedFile, profile: Profile): LearningPlateausJob[] {
  const { initStds, ...rest } = file.plateaus;
  const dataSeeds = seedsOf(file.profiles[profile].plateauSeeds);
  return initStds.map((initStd) => ({
    kind: 'learning-plateaus',
    label: `learning plateaus, d = ${file.etas.length}, u0 = ${initStd}: ${dataSeeds.length} data seeds`,
    protocol: sweepProtocol(file),
    settings: { ...rest, initStd },
    dataSeeds,
  }));
}

function escapeJobs(file: StagedFile, profile: Profile): SgldEscapesJob[] {
  const protocol = stagedEscapeProtocol(file, profile);
  return file.escape.temperatures.map((temperature, i) => ({
    kind: 'sgld-escapes',
    label: `staged escape (SGLD), d = ${file.etas.length}, T = ${temperature}`,
    protocol,
    checkpointSeed: file.escape.checkpointSeed,
    temperature,
    // A seed block of its own per temperature (7000 + i: apart from the network control's blocks).
    noiseSeeds: controlSeeds(7000 + i, file.profiles[profile].escapeSeeds),
  }));
}

export function stagedJobs(part: StagedPart, profile: Profile, file: StagedFile = loadStaged()): (PhaseSweepsJob | LearningPlateausJob | SgldEscapesJob)[] {
  if (part === 'sweeps') return [sweepsJob(file, profile)];
  if (part === 'plateaus') return plateauJobs(file, profile);
  return escapeJobs(file, profile);
}

export interface StagedSweeps {
  readonly profile: Profile;
  readonly etas: number[];
  /** Outputs m: a balanced mode's network loss is (2/m) times Eq. 1's at β·m/2 (the per-mode mapping). */
  readonly outputs: number;
  readonly depth: number;
  readonly records: PhaseDiagramRecord[];
}

export interface PlateauGroup {
  readonly initStd: number;
  readonly runs: { readonly dataSeed: number; readonly run: LearningPlateaus }[];
}

export interface StagedPlateaus {
  readonly profile: Profile;
  readonly etas: number[];
  readonly depth: number;
  readonly lr: number;
  readonly batch: number;
  readonly beta: number;
  readonly epochs: number;
  readonly traceEvery: number;
  readonly groups: PlateauGroup[];
}

export interface StagedEscapePoint {
  readonly temperature: number;
  readonly records: SgldEscapeRecord[];
}

export interface StagedEscape {
  readonly profile: Profile;
  readonly etas: number[];
  readonly beta: number;
  readonly epochs: number;
  readonly sigmaThreshold: number;
  /** One-mode barriers in network loss units: (2/m)·ΔE of Eq. 10 at β·m/2, per mode (descending η). */
  readonly barriers: number[];
  readonly points: StagedEscapePoint[];
}

export function stagedSweepsResult(profile: Profile, runner: RunnerResults, file: StagedFile = loadStaged()): StagedSweeps {
  const job = sweepsJob(file, profile);
  return { profile, etas: [...file.etas], outputs: file.etas.length, depth: job.protocol.network.widths.length - 1, records: runner.get(job) };
}

export function stagedPlateausResult(profile: Profile, runner: RunnerResults, file: StagedFile = loadStaged()): StagedPlateaus {
  const p = file.plateaus;
  const jobs = plateauJobs(file, profile);
  return {
    profile,
    etas: [...file.etas],
    depth: jobs[0]!.protocol.network.widths.length - 1,
    lr: p.lr,
    batch: p.batch,
    beta: p.beta,
    epochs: p.epochs,
    traceEvery: p.traceEvery,
    groups: jobs.map((job) => ({ initStd: job.settings.initStd, runs: runner.get(job).map((run, i) => ({ dataSeed: job.dataSeeds[i]!, run })) })),
  };
}

/** (2/m)·ΔE(η, β·m/2) of Eq. 10 (eq2) for each feature: the one-mode barrier in the network's loss units. */
export function networkBarriers(etas: readonly number[], beta: number, depth: number): number[] {
  const m = etas.length;
  return etas.map((eta) => (2 / m) * modePotential(eta, (beta * m) / 2, depth).barrier);
}

export function stagedEscapeResult(profile: Profile, runner: RunnerResults, file: StagedFile = loadStaged()): StagedEscape {
  const jobs = escapeJobs(file, profile);
  const protocol = jobs[0]!.protocol;
  return {
    profile,
    etas: [...file.etas],
    beta: file.escape.beta,
    epochs: protocol.epochs,
    sigmaThreshold: file.escape.sigmaThreshold,
    barriers: networkBarriers(file.etas, file.escape.beta, protocol.network.widths.length - 1),
    points: jobs.map((job) => ({ temperature: job.temperature, records: runner.get(job) })),
  };
}

/** Prediction 1 with d = 4 features (audit experiments), each part its own request; one reader per part. */
export const stagedExperiment = experiment({
  jobs: ({ part }: { part: StagedPart }, profile) => stagedJobs(part, profile),
  readers: {
    stagedSweeps: (profile, runner) => stagedSweepsResult(profile, runner),
    stagedPlateaus: (profile, runner) => stagedPlateausResult(profile, runner),
    stagedEscape: (profile, runner) => stagedEscapeResult(profile, runner),
  },
});
