import {
  compareEscapeRateModels,
  fitEscapeRateLine,
  fitExponential,
  fitLine,
  escapeSample,
  runsOf,
  type EscapeRateFit,
  type EscapeSample,
  type EscapeOutcome,
  type ExponentialFit,
} from '../stats/index.ts';
import { loadArrheniusSweep, profileSeeds, type ArrheniusSweepFile, type Profile } from '../protocols/index.ts';
import type { RunRecord } from '../run/index.ts';
import { primaryOutcomes } from './escape-readings.ts';
import type { RunnerResults, SeedRunsJob } from '../runner/index.ts';
import { experiment, type NoParams } from './experiment.ts';
import { seedRunsJob } from './seed-runs.ts';

/** One (ηlr, B) setting: its runs, each seed's escape by the protocol's rule and as survival data, and the censored exponential fit of its escape time. */
export interface SweepPoint {
  readonly lr: number;
  readonly batch: number;
  /** B/ηlr: Eq. 4 makes 1/T_eff proportional to it, so Eq. 5 makes ln τ linear in it. */
  readonly x: number;
  /** Each run by the protocol's own rule, in seed order (the records'). */
  readonly outcomes: EscapeOutcome[];
  readonly sample: EscapeSample;
  /** null when no seed started trapped. */
  readonly fit: ExponentialFit | null;
  readonly records: RunRecord[];
}

export interface ArrheniusSweeps {
  readonly profile: Profile;
  readonly seeds: number[];
  readonly epochs: number;
  readonly checkpointEpochsPerStage: number;
  readonly learningRateSweep: SweepPoint[];
  readonly batchSweep: SweepPoint[];
  /** The learning-rate sweep from less converged checkpoints. */
  readonly checkpointVariants: { readonly checkpointEpochsPerStage: number; readonly points: SweepPoint[] }[];
}

/** α of the intervals reported per sweep point (evidence, not a verdict). */
const POINT_ALPHA = 0.05;

function sweepPoint(lr: number, batch: number, records: RunRecord[]): SweepPoint {
  const outcomes = primaryOutcomes(records);
  const sample = escapeSample(outcomes);
  return { lr, batch, x: batch / lr, outcomes, sample, fit: sample.seeds.length > 0 ? fitExponential(runsOf(sample), POINT_ALPHA) : null, records };
}

/** The sweeps' settings as the profile runs them: (ηlr, B, checkpoint epochs per stage), every one on the same seeds. */
interface Setting {
  readonly lr: number;
  readonly batch: number;
  readonly checkpointEpochsPerStage: number;
}

function settingsOf(file: ArrheniusSweepFile, profile: Profile) {
  const settings = file.profiles[profile];
  const { batch, learningRates } = file.learningRateSweep;
  const at = (checkpointEpochsPerStage: number) => learningRates.map((lr): Setting => ({ lr, batch, checkpointEpochsPerStage }));
  return {
    settings,
    learningRateSweep: at(settings.checkpointEpochsPerStage),
    batchSweep: file.batchSweep.batches.map((b): Setting => ({ lr: file.batchSweep.learningRate, batch: b, checkpointEpochsPerStage: settings.checkpointEpochsPerStage })),
    checkpointVariants: file.checkpointVariants.filter((e) => e < settings.checkpointEpochsPerStage).map((e) => ({ checkpointEpochsPerStage: e, points: at(e) })),
  };
}

function sweepJob(file: ArrheniusSweepFile, profile: Profile, s: Setting): SeedRunsJob {
  const settings = file.profiles[profile];
  const variant = { seeds: profileSeeds(settings), checkpointEpochsPerStage: s.checkpointEpochsPerStage, overrides: { lr: s.lr, batch: s.batch, epochs: settings.epochs } };
  return seedRunsJob(file.base, profile, variant, `Arrhenius sweep, ηlr = ${s.lr}, B = ${s.batch}, checkpoint ${s.checkpointEpochsPerStage} epochs per stage`);
}

/**
 * The jobs of golden/protocols/arrhenius-sweep.json under a profile: the rank-1 trap continued at β = 0.32 for each
 * ηlr at B = 64 (Appendix A), each B at a fixed ηlr (prediction 3), and the learning-rate sweep again from less
 * converged checkpoints. Every setting runs the same seeds.
 */
export function arrheniusJobs(profile: Profile, file: ArrheniusSweepFile = loadArrheniusSweep()): SeedRunsJob[] {
  const all = settingsOf(file, profile);
  return [...all.learningRateSweep, ...all.batchSweep, ...all.checkpointVariants.flatMap((v) => v.points)].map((s) => sweepJob(file, profile, s));
}

/** The sweeps' points from the runner's results. */
export function arrheniusSweeps(profile: Profile, runner: RunnerResults, file: ArrheniusSweepFile = loadArrheniusSweep()): ArrheniusSweeps {
  const all = settingsOf(file, profile);
  const point = (s: Setting) => sweepPoint(s.lr, s.batch, runner.get(sweepJob(file, profile, s)));
  return {
    profile,
    seeds: profileSeeds(all.settings),
    epochs: all.settings.epochs,
    checkpointEpochsPerStage: all.settings.checkpointEpochsPerStage,
    learningRateSweep: all.learningRateSweep.map(point),
    batchSweep: all.batchSweep.map(point),
    checkpointVariants: all.checkpointVariants.map((v) => ({ checkpointEpochsPerStage: v.checkpointEpochsPerStage, points: v.points.map(point) })),
  };
}

/** Section 3.3 / Fig. 2 and prediction 3: the ηlr and B sweeps from the rank-1 trap. */
export const arrheniusExperiment = experiment({
  jobs: (_: NoParams, profile) => arrheniusJobs(profile),
  readers: { arrheniusSweeps: (profile, runner) => arrheniusSweeps(profile, runner) },
});

/** What the Arrhenius law fitted to a sweep gives, or why it cannot be fitted. */
export interface ArrheniusFit {
  /** ln τ = a + b·(B/ηlr) by censored maximum likelihood over every run (src/stats). */
  readonly arrhenius: EscapeRateFit | null;
  /** The alternative a referee tries: ln τ = a + b·ln(B/ηlr). */
  readonly powerLaw: EscapeRateFit | null;
  /** Which law the censored likelihood prefers, by AIC, and by how much. */
  readonly preferred: { readonly label: string; readonly aicMargin: number } | null;
  /** R² of ordinary least squares of ln τ̂ on B/ηlr, as the paper's Fig. 2(b) fits it; null unless every point has escapes. */
  readonly leastSquaresR2: number | null;
  /** Why a fit is missing: escapes at fewer than two settings (how many, of how many, and the trapped runs in all). */
  readonly notEstimable: NoFit | null;
}

/** A sweep with escapes at fewer than two settings, which a slope needs. */
export interface NoFit {
  readonly escapedSettings: number;
  readonly settings: number;
  readonly trappedRuns: number;
}

export function fitArrhenius(points: readonly SweepPoint[], alpha: number): ArrheniusFit {
  const usable = points.filter((p) => p.sample.seeds.length > 0);
  const escaped = usable.filter((p) => p.fit !== null && p.fit.escapes > 0);
  const meanTimes = usable.map((p) => p.fit?.meanTime ?? null);
  const leastSquaresR2 =
    escaped.length === points.length && points.length >= 3
      ? fitLine(points.map((p) => p.x), meanTimes.map((t) => Math.log(t!)), alpha).rSquared
      : null;
  if (new Set(escaped.map((p) => p.x)).size < 2) {
    const total = usable.reduce((s, p) => s + p.sample.seeds.length, 0);
    return {
      arrhenius: null,
      powerLaw: null,
      preferred: null,
      leastSquaresR2,
      notEstimable: { escapedSettings: escaped.length, settings: points.length, trappedRuns: total },
    };
  }
  const arrhenius = fitEscapeRateLine(usable.map((p) => ({ x: p.x, runs: runsOf(p.sample) })), alpha);
  const comparison = compareEscapeRateModels(
    usable.map((p) => runsOf(p.sample)),
    [
      { label: 'Arrhenius: ln τ linear in B/ηlr', x: usable.map((p) => p.x) },
      { label: 'power law: ln τ linear in ln(B/ηlr)', x: usable.map((p) => Math.log(p.x)) },
    ],
    alpha,
  );
  const powerLaw = comparison.models.find((m) => m.label.startsWith('power'))!.fit;
  return {
    arrhenius,
    powerLaw,
    preferred: { label: comparison.better, aicMargin: comparison.margin },
    leastSquaresR2,
    notEstimable: null,
  };
}
