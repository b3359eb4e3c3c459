// The full-batch Langevin control (an audit experiment, golden/protocols/escape-controls.json "kramers"): overdamped
// Langevin dynamics at a known T on the paper's network — the full-batch gradient, so no mini-batch noise, plus the
// isotropic kick √(2·dt·T)·ξ — from the rank-1 trap where rank 2 is global. Appendix F.1's Kramers–Langer formula is
// a statement about exactly these dynamics, so here the pipeline must recover each data set's own barrier.
import { depth, modePotential } from '../engine/index.ts';
import { PROTOCOLS, kramersControlProtocol, loadEscapeControls, protocolVariant, type EscapeControlsFile, type Profile } from '../protocols/index.ts';
import { PAPER_KRAMERS_OPTIONS, type KramersLangerReport, type SgldEscapeRecord } from '../run/index.ts';
import type { KramersLangerJob, RunnerResults, SgldEscapesJob } from '../runner/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import { controlSeeds } from './escape-controls.ts';
import { experiment, type NoParams } from './experiment.ts';
import { premisePlacement } from './premise-traps.ts';

/** One temperature on one data set. */
export interface KramersControlPoint {
  readonly temperature: number;
  /** ΔE/T with Eq. 10's population barrier (the design's ratio). */
  readonly ratio: number;
  readonly records: SgldEscapeRecord[];
  /** The runs that started trapped, in Langevin time t = steps·dt (censored at the budget). */
  readonly runs: EscapeRun[];
}

/** One data set: its checkpoint, its own saddle and barrier, and its runs per temperature. */
export interface KramersControlDataSet {
  readonly dataSeed: number;
  /** The checkpoint's annealing 0 → this β: the middle of the data set's own rank-1 window (as the premise traps). */
  readonly checkpointBeta: number;
  /** The Appendix F analysis of this data set's sample at the control's β: minimum, saddle, Hessians. */
  readonly analysis: KramersLangerReport['sample'];
  readonly points: KramersControlPoint[];
}

export interface KramersControlResult {
  readonly profile: Profile;
  readonly beta: number;
  readonly dt: number;
  /** The budget in steps (= epochs: one full-batch step each) and in Langevin time. */
  readonly epochs: number;
  readonly budgetTime: number;
  readonly runsPerPoint: number;
  readonly sigmaThreshold: number;
  /** Eq. 10's ΔE of the weak mode (η = 0.8) at β, population moments: T = populationBarrier/ratio. */
  readonly populationBarrier: number;
  readonly regimeFactor: number;
  readonly widths: number[];
  readonly dataSets: KramersControlDataSet[];
}

function populationBarrier(file: EscapeControlsFile): number {
  const base = PROTOCOLS[file.kramers.base];
  return modePotential(base.teacher.singularValues[base.sigmaMode - 1]!, file.kramers.beta, depth(base.network)).barrier;
}

function dataSeedsOf(file: EscapeControlsFile, profile: Profile): number[] {
  return file.kramers.dataSeeds.slice(0, file.profiles[profile].kramersDataSeeds);
}

interface DataSetJobs {
  readonly dataSeed: number;
  readonly checkpointBeta: number;
  readonly analysis: KramersLangerJob;
  readonly points: { ratio: number; job: SgldEscapesJob }[];
}

function dataSetJobs(file: EscapeControlsFile, profile: Profile, dataSeed: number, index: number): DataSetJobs {
  const { checkpointBeta } = premisePlacement(protocolVariant(file.kramers.base, profile), dataSeed);
  const protocol = kramersControlProtocol(file, profile, dataSeed, checkpointBeta);
  const barrier = populationBarrier(file);
  const runs = file.profiles[profile].kramersRuns;
  return {
    dataSeed,
    checkpointBeta,
    analysis: {
      kind: 'kramers-langer',
      label: `Appendix F analysis at β = ${file.kramers.beta}, data seed ${dataSeed}: the full-batch Langevin control's minimum, saddle and barrier`,
      options: { ...PAPER_KRAMERS_OPTIONS, beta: file.kramers.beta, seed: dataSeed },
    },
    points: file.kramers.barrierRatios.map((ratio, i) => {
      const temperature = barrier / ratio;
      return {
        ratio,
        job: {
          kind: 'sgld-escapes',
          label: `full-batch Langevin control, data seed ${dataSeed}, ΔE/T = ${ratio}, T = ${temperature.toPrecision(4)}`,
          protocol,
          checkpointSeed: dataSeed,
          temperature,
          // Noise seeds of their own per data set and temperature (blocks apart from the other controls').
          noiseSeeds: controlSeeds(9000 + 10 * index + i, runs),
          meanEpochs: file.kramers.planMeanEpochs[i]!,
        },
      };
    }),
  };
}

function allJobs(file: EscapeControlsFile, profile: Profile): DataSetJobs[] {
  return dataSeedsOf(file, profile).map((s, i) => dataSetJobs(file, profile, s, i));
}

export function kramersControlJobs(profile: Profile, file: EscapeControlsFile = loadEscapeControls()): (KramersLangerJob | SgldEscapesJob)[] {
  return allJobs(file, profile).flatMap((d) => [d.analysis, ...d.points.map((p) => p.job)]);
}

export function kramersControlResult(profile: Profile, runner: RunnerResults, file: EscapeControlsFile = loadEscapeControls()): KramersControlResult {
  const dt = file.kramers.dt;
  const sets = allJobs(file, profile);
  return {
    profile,
    beta: file.kramers.beta,
    dt,
    epochs: file.profiles[profile].kramersEpochs,
    budgetTime: file.profiles[profile].kramersEpochs * dt,
    runsPerPoint: file.profiles[profile].kramersRuns,
    sigmaThreshold: file.kramers.sigmaThreshold,
    populationBarrier: populationBarrier(file),
    regimeFactor: file.kramers.regimeFactor,
    widths: [...(sets[0]?.points[0]?.job.protocol.network.widths ?? [])],
    dataSets: sets.map((d) => ({
      dataSeed: d.dataSeed,
      checkpointBeta: d.checkpointBeta,
      analysis: runner.get(d.analysis).sample,
      points: d.points.map(({ ratio, job }) => {
        const records = runner.get(job);
        // One step per epoch: Langevin time is epochs·dt, the time in which the kick √(2·dt·T) is temperature T.
        const runs = records.filter((r) => r.trapped).map((r) => ({ time: r.epochs * dt, escaped: r.escapeEpoch !== null }));
        return { temperature: job.temperature, ratio, records, runs };
      }),
    })),
  };
}

/** The full-batch Langevin control on the paper's network (the audit's). */
export const networkKramersExperiment = experiment({
  jobs: (_: NoParams, profile) => kramersControlJobs(profile),
  readers: { networkKramers: (profile, runner) => kramersControlResult(profile, runner) },
});
