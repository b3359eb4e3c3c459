import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadValidatedJson } from '../io/validated-json.ts';
import {
  compareEscapeRateModels,
  fitEscapeRateLine,
  fitExponential,
  fitLine,
  type EscapeRateFit,
  type ExponentialFit,
} from '../stats/index.ts';
import { escapeSample, primaryOutcome, type EscapeSample } from './escape-runs.ts';
import type { ExperimentStore } from './experiment-store.ts';
import { PROFILES, PROTOCOL_DIR, checkEpochs, checkSeedRange, profileSeeds, type ProfileSettings, type Profile } from './protocols.ts';
import type { RunRecord } from './run-protocol.ts';

/** golden/protocols/arrhenius-sweep.json: the sweeps of Section 3.3 / Appendix A and of prediction 3. */
export interface ArrheniusSweepFile {
  readonly name: 'arrhenius-sweep';
  readonly base: 'rank1-trap';
  readonly learningRateSweep: { readonly batch: number; readonly learningRates: readonly number[] };
  readonly batchSweep: { readonly learningRate: number; readonly batches: readonly number[] };
  readonly checkpointVariants: readonly number[];
  readonly paper: Readonly<Record<string, string>>;
  readonly profiles: Readonly<Record<Profile, ProfileSettings>>;
}

export const ARRHENIUS_SWEEP_PATH = join(PROTOCOL_DIR, 'arrhenius-sweep.json');
const ARRHENIUS_SWEEP_SCHEMA = fileURLToPath(new URL('../../golden/protocols/arrhenius-sweep.schema.json', import.meta.url));

/** Reads golden/protocols/arrhenius-sweep.json: its schema, then seed ranges and epoch budgets (as for the protocols). */
export function loadArrheniusSweep(path = ARRHENIUS_SWEEP_PATH): ArrheniusSweepFile {
  const file = loadValidatedJson<ArrheniusSweepFile>(path, ARRHENIUS_SWEEP_SCHEMA);
  file.checkpointVariants.forEach((e, i) => checkEpochs(path, `/checkpointVariants/${i}`, e));
  for (const profile of PROFILES) {
    const p = file.profiles[profile];
    checkSeedRange(path, `/profiles/${profile}/seeds`, p.seeds);
    checkEpochs(path, `/profiles/${profile}/epochs`, p.epochs);
    checkEpochs(path, `/profiles/${profile}/checkpointEpochsPerStage`, p.checkpointEpochsPerStage);
  }
  return file;
}

/** One (ηlr, B) setting: its runs, as survival data, and the censored exponential fit of its escape time. */
export interface SweepPoint {
  readonly lr: number;
  readonly batch: number;
  /** B/ηlr: Eq. 4 makes 1/T_eff proportional to it, so Eq. 5 makes ln τ linear in it. */
  readonly x: number;
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
  const sample = escapeSample(records.map(primaryOutcome));
  return { lr, batch, x: batch / lr, sample, fit: sample.runs.length > 0 ? fitExponential(sample.runs, POINT_ALPHA) : null, records };
}

/**
 * Runs the sweeps of golden/protocols/arrhenius-sweep.json under the store's profile: the rank-1 trap continued at
 * β = 0.32 for each ηlr at B = 64 (Appendix A), each B at a fixed ηlr (prediction 3), and the learning-rate sweep again
 * from less converged checkpoints. Every setting runs the same seeds.
 */
export async function arrheniusSweeps(store: ExperimentStore, file: ArrheniusSweepFile = loadArrheniusSweep()): Promise<ArrheniusSweeps> {
  const profile = file.profiles[store.profile];
  const seeds = profileSeeds(profile);
  const run = (lr: number, batch: number, checkpointEpochsPerStage: number) =>
    store
      .runs(file.base, { seeds, checkpointEpochsPerStage, overrides: { lr, batch, epochs: profile.epochs } })
      .then((records) => sweepPoint(lr, batch, records));
  const { batch } = file.learningRateSweep;
  const learningRateSweep = await Promise.all(file.learningRateSweep.learningRates.map((lr) => run(lr, batch, profile.checkpointEpochsPerStage)));
  const batchSweep = await Promise.all(file.batchSweep.batches.map((b) => run(file.batchSweep.learningRate, b, profile.checkpointEpochsPerStage)));
  const checkpointVariants = [];
  for (const epochs of file.checkpointVariants.filter((e) => e < profile.checkpointEpochsPerStage)) {
    checkpointVariants.push({
      checkpointEpochsPerStage: epochs,
      points: await Promise.all(file.learningRateSweep.learningRates.map((lr) => run(lr, batch, epochs))),
    });
  }
  return {
    profile: store.profile,
    seeds,
    epochs: profile.epochs,
    checkpointEpochsPerStage: profile.checkpointEpochsPerStage,
    learningRateSweep,
    batchSweep,
    checkpointVariants,
  };
}

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
  /** Why a fit is missing. */
  readonly notEstimable: string | null;
}

export function fitArrhenius(points: readonly SweepPoint[], alpha: number): ArrheniusFit {
  const usable = points.filter((p) => p.sample.runs.length > 0);
  const escaped = usable.filter((p) => p.fit !== null && p.fit.escapes > 0);
  const meanTimes = usable.map((p) => p.fit?.meanTime ?? null);
  const leastSquaresR2 =
    escaped.length === points.length && points.length >= 3
      ? fitLine(points.map((p) => p.x), meanTimes.map((t) => Math.log(t!)), alpha).rSquared
      : null;
  if (new Set(escaped.map((p) => p.x)).size < 2) {
    const total = usable.reduce((s, p) => s + p.sample.runs.length, 0);
    return {
      arrhenius: null,
      powerLaw: null,
      preferred: null,
      leastSquaresR2,
      notEstimable: `runs escaped at ${escaped.length} of ${points.length} settings (${total} trapped runs in all): a slope needs escapes at two settings at least`,
    };
  }
  const arrhenius = fitEscapeRateLine(usable.map((p) => ({ x: p.x, runs: p.sample.runs })), alpha);
  const comparison = compareEscapeRateModels(
    usable.map((p) => p.sample.runs),
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
