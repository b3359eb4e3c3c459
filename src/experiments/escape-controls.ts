import { defaultAbsorbingPoint, kramersTime, meanFirstPassageTime, modePotential, stepsPerEpoch, type BatchSampling } from '../engine/index.ts';
import { PROTOCOLS, loadEscapeControls, networkControlProtocol, type EscapeControlsFile, type Profile } from '../protocols/index.ts';
import type { SgldEscapeRecord } from '../run/index.ts';
import type { Job, KramersLangerJob, ModeLangevinJob, RunnerResults, SgldEscapesJob } from '../runner/index.ts';
import { PAPER_KRAMERS_OPTIONS } from '../run/index.ts';
import type { EscapeRun } from '../stats/index.ts';
import { experiment, type NoParams } from './experiment.ts';

// The audit's positive controls (golden/protocols/escape-controls.json): where Kramers' law holds, the
// pipeline that judges the paper's Arrhenius claims must recover the barrier.

/** One temperature of the one-mode control: its runs in Langevin time, and what theory says τ is. */
export interface ModeControlPoint {
  readonly temperature: number;
  /** ΔE/T. */
  readonly ratio: number;
  readonly runs: EscapeRun[];
  /** The exact mean first-passage time to the absorbing point (quadrature). */
  readonly exactMeanTime: number;
  /** Kramers' τ_K = 2π/√(V''(0)|V''(u_sad)|)·e^{ΔE/T}. */
  readonly kramersTime: number;
}

export interface ModeControlResult {
  readonly profile: Profile;
  readonly eta: number;
  readonly beta: number;
  readonly depth: number;
  readonly dt: number;
  readonly maxSteps: number;
  /** ΔE of Eq. 10, the barrier the rule compares with. */
  readonly barrier: number;
  /** The factor on the simulated potential (1 for the control itself). */
  readonly barrierScale: number;
  readonly seeds: number;
  readonly points: ModeControlPoint[];
}

/** Seeds of temperature i: a block of their own, so temperatures share no noise. */
export function controlSeeds(block: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => 1000 * block + k);
}

function modeJob(file: EscapeControlsFile, profile: Profile, index: number, barrierScale: number): ModeLangevinJob {
  const m = file.modeControl;
  const barrier = modePotential(m.eta, m.beta, m.depth, m.convention).barrier;
  const ratio = m.barrierRatios[index]!;
  return {
    kind: 'mode-langevin',
    label: `one-mode Langevin control, ΔE/T = ${ratio}${barrierScale === 1 ? '' : `, potential ×${barrierScale}`}`,
    settings: { eta: m.eta, beta: m.beta, depth: m.depth, convention: m.convention, temperature: barrier / ratio, dt: m.dt, maxSteps: m.maxSteps },
    barrierScale,
    seeds: controlSeeds(index, file.profiles[profile].modeSeeds),
  };
}

export function modeControlJobs(profile: Profile, barrierScale = 1, file: EscapeControlsFile = loadEscapeControls()): ModeLangevinJob[] {
  return file.modeControl.barrierRatios.map((_, i) => modeJob(file, profile, i, barrierScale));
}

export function modeControlResult(profile: Profile, runner: RunnerResults, barrierScale = 1, file: EscapeControlsFile = loadEscapeControls()): ModeControlResult {
  const m = file.modeControl;
  const potential = modePotential(m.eta, m.beta, m.depth, m.convention);
  const upper = defaultAbsorbingPoint(potential);
  const points = file.modeControl.barrierRatios.map((ratio, i): ModeControlPoint => {
    const job = modeJob(file, profile, i, barrierScale);
    const T = job.settings.temperature;
    return {
      temperature: T,
      ratio,
      runs: runner.get(job).map((r) => ({ time: r.time, escaped: r.escaped })),
      exactMeanTime: meanFirstPassageTime(potential.value, { temperature: T, start: 0, upper }),
      kramersTime: kramersTime(potential, T),
    };
  });
  return { profile, eta: m.eta, beta: m.beta, depth: m.depth, dt: m.dt, maxSteps: m.maxSteps, barrier: potential.barrier, barrierScale, seeds: file.profiles[profile].modeSeeds, points };
}

/** One temperature of the network control at one depth. */
export interface NetworkControlPoint {
  readonly temperature: number;
  /** ΔE(L)/T with the population barrier. */
  readonly ratio: number;
  readonly records: SgldEscapeRecord[];
  /** The runs that started trapped, in epochs (censored at the budget). */
  readonly runs: EscapeRun[];
}

export interface NetworkControlDepthResult {
  readonly depth: number;
  readonly beta: number;
  readonly annealing: number[];
  readonly sigmaThreshold: number;
  readonly widths: number[];
  /** Eq. 10's ΔE for η = 0.8 at β, L (population moments); per mode = network loss units for m = 2 outputs. */
  readonly barrier: number;
  /**
   * The barrier of the runs' own data set: loss(saddle) − loss(rank-1 minimum) of the network on the checkpoint
   * seed's sample moments (the Appendix F analysis at this depth and β, Newton on ∇ = 0).
   */
  readonly sampleBarrier: number;
  readonly points: NetworkControlPoint[];
  /** The depth at the common temperature (prediction 2); null with one depth. */
  readonly common: NetworkControlPoint | null;
}

export interface NetworkControlResult {
  readonly profile: Profile;
  readonly checkpointSeed: number;
  readonly epochs: number;
  readonly checkpointEpochsPerStage: number;
  readonly lr: number;
  readonly batch: number;
  /** The temperature every depth also runs at (the deepest network's coldest), or null with one depth. */
  readonly commonTemperature: number | null;
  readonly depths: NetworkControlDepthResult[];
}

function depthSetting(file: EscapeControlsFile, depth: number) {
  return file.network.depths.find((d) => d.depth === depth)!;
}

function depthBarrier(file: EscapeControlsFile, depth: number): number {
  // The weak mode's η (Appendix A: η2 = 0.8), the one the rank-1 trap leaves unlearned.
  const base = PROTOCOLS[file.network.base];
  const eta = base.teacher.singularValues[base.sigmaMode - 1]!;
  return modePotential(eta, depthSetting(file, depth).beta, depth).barrier;
}

function commonTemperature(file: EscapeControlsFile, profile: Profile): number | null {
  const depths = file.profiles[profile].depths;
  if (depths.length < 2) return null;
  const deepest = Math.max(...depths);
  const ratios = depthSetting(file, deepest).barrierRatios;
  return depthBarrier(file, deepest) / ratios[ratios.length - 1]!;
}

function sgldJob(file: EscapeControlsFile, profile: Profile, depth: number, temperature: number, block: number): SgldEscapesJob {
  const size = file.profiles[profile];
  const count = depth === 3 && block < 99 ? size.networkSeeds : size.deepSeeds;
  return {
    kind: 'sgld-escapes',
    label: `SGLD network control, L = ${depth}, T = ${temperature.toPrecision(4)}`,
    protocol: networkControlProtocol(file, profile, depth),
    checkpointSeed: file.network.checkpointSeed,
    temperature,
    noiseSeeds: controlSeeds(100 * depth + block, count),
  };
}

/** The jobs of one depth: each temperature, and the common one (the deepest depth's coldest is that job itself). */
function depthJobs(file: EscapeControlsFile, profile: Profile, depth: number): { points: SgldEscapesJob[]; common: SgldEscapesJob | null } {
  const barrier = depthBarrier(file, depth);
  const ratios = depthSetting(file, depth).barrierRatios;
  const points = ratios.map((r, i) => sgldJob(file, profile, depth, barrier / r, i));
  const T = commonTemperature(file, profile);
  if (T === null) return { points, common: null };
  const deepest = Math.max(...file.profiles[profile].depths);
  return { points, common: depth === deepest ? points[points.length - 1]! : sgldJob(file, profile, depth, T, 99) };
}

/** The Appendix F analysis at a depth's β on the checkpoint seed's sample: the data set's own barrier. */
function sampleBarrierJob(file: EscapeControlsFile, depth: number): KramersLangerJob {
  const setting = depthSetting(file, depth);
  return {
    kind: 'kramers-langer',
    label: `Appendix F analysis at L = ${depth}, β = ${setting.beta}, data seed ${file.network.checkpointSeed}: the SGLD control's sample barrier`,
    options: { ...PAPER_KRAMERS_OPTIONS, beta: setting.beta, seed: file.network.checkpointSeed, ...(depth === 3 ? {} : { depth }) },
  };
}

export function networkControlJobs(profile: Profile, file: EscapeControlsFile = loadEscapeControls()): Job[] {
  return file.profiles[profile].depths.flatMap((depth): Job[] => {
    const jobs = depthJobs(file, profile, depth);
    return [...jobs.points, ...(jobs.common === null ? [] : [jobs.common]), sampleBarrierJob(file, depth)];
  });
}

function networkPoint(job: SgldEscapesJob, ratio: number, runner: RunnerResults): NetworkControlPoint {
  const records = runner.get(job);
  const runs = records.filter((r) => r.trapped).map((r) => ({ time: r.epochs, escaped: r.escapeEpoch !== null }));
  return { temperature: job.temperature, ratio, records, runs };
}

export function networkControlResult(profile: Profile, runner: RunnerResults, file: EscapeControlsFile = loadEscapeControls()): NetworkControlResult {
  const size = file.profiles[profile];
  const T = commonTemperature(file, profile);
  return {
    profile,
    checkpointSeed: file.network.checkpointSeed,
    epochs: size.epochs,
    checkpointEpochsPerStage: size.checkpointEpochsPerStage,
    lr: file.network.lr,
    batch: file.network.batch,
    commonTemperature: T,
    depths: size.depths.map((depth): NetworkControlDepthResult => {
      const setting = depthSetting(file, depth);
      const barrier = depthBarrier(file, depth);
      const jobs = depthJobs(file, profile, depth);
      return {
        depth,
        beta: setting.beta,
        annealing: [...setting.annealing],
        sigmaThreshold: setting.sigmaThreshold,
        widths: [...jobs.points[0]!.protocol.network.widths],
        barrier,
        sampleBarrier: runner.get(sampleBarrierJob(file, depth)).sample.lossDifference,
        points: jobs.points.map((job, i) => networkPoint(job, setting.barrierRatios[i]!, runner)),
        common: jobs.common === null || T === null ? null : networkPoint(jobs.common, barrier / T, runner),
      };
    }),
  };
}

// ---- Sweeps on the network control: β (Appendix C) and (B, ηlr) with the batch drawing (prediction 3, Eq. 4) ----

/** One β of the β sweep, at the sweep's temperature. */
export interface BetaSweepPoint {
  readonly beta: number;
  /** Eq. 10's ΔE for η = 0.8 at this β and the sweep's depth (population moments). */
  readonly barrier: number;
  readonly point: NetworkControlPoint;
}

/** One (B, ηlr, batch drawing) of the hyperparameter sweep. */
export interface NoiseSweepPoint {
  readonly sampling: BatchSampling;
  readonly batch: number;
  readonly lr: number;
  /** ηlr/B: Eq. 4's T_eff up to its constant. */
  readonly lrOverBatch: number;
  /** Langevin time per epoch, ⌊N/B⌋·ηlr: the kick √(2ηlr·T) is temperature T in the time t = steps·ηlr. */
  readonly timePerEpoch: number;
  readonly point: NetworkControlPoint;
  /** The trapped runs in Langevin time (censored at the budget's time). */
  readonly timeRuns: EscapeRun[];
}

export interface SgldSweepsResult {
  readonly profile: Profile;
  readonly depth: number;
  readonly baseBeta: number;
  readonly temperature: number;
  /** ΔE(base β)/T. */
  readonly barrierRatio: number;
  readonly epochs: number;
  readonly betas: BetaSweepPoint[];
  readonly noise: NoiseSweepPoint[];
}

interface SweepJobs {
  readonly betas: { beta: number; job: SgldEscapesJob }[];
  readonly noise: { sampling: BatchSampling; batch: number; lr: number; job: SgldEscapesJob }[];
}

function sweepJobs(file: EscapeControlsFile, profile: Profile): SweepJobs {
  const { depth, barrierRatio, betas, hyperparameters, samplings } = file.sweeps;
  const setting = depthSetting(file, depth);
  const T = depthBarrier(file, depth) / barrierRatio;
  // The control's own point at this ratio, to the sweeps' budget (the same noise seeds), is the base of both sweeps.
  const index = setting.barrierRatios.indexOf(barrierRatio);
  const point = sgldJob(file, profile, depth, T, index >= 0 ? index : 50);
  const base: SgldEscapesJob = {
    ...point,
    label: `SGLD sweeps' base, L = ${depth}, β = ${setting.beta}, T = ${T.toPrecision(4)}, σ2 traced around each escape`,
    protocol: { ...point.protocol, epochs: file.profiles[profile].sweepEpochs },
    trace: { ...file.sweeps.riseTrace },
  };
  const seeds = (block: number) => controlSeeds(100 * depth + block, file.profiles[profile].sweepSeeds);
  const { trace: _trace, ...untraced } = base;
  const betaJobs = betas.map((beta, i) => ({
    beta,
    job: { ...untraced, label: `SGLD β sweep, L = ${depth}, β = ${beta}, T = ${T.toPrecision(4)}`, protocol: { ...base.protocol, beta }, noiseSeeds: seeds(60 + i) },
  }));
  const noise = samplings.flatMap((sampling, s) =>
    hyperparameters.map(({ batch, lr }, h) => {
      const isBase = sampling === 'epoch-permutation' && batch === base.protocol.batch && lr === base.protocol.lr;
      const job: SgldEscapesJob = isBase
        ? base
        : {
            ...untraced,
            label: `SGLD (B, ηlr) sweep, L = ${depth}, B = ${batch}, ηlr = ${lr}, ${sampling}, T = ${T.toPrecision(4)}`,
            protocol: { ...base.protocol, batch, lr },
            noiseSeeds: seeds(70 + s * hyperparameters.length + h),
            ...(sampling === 'epoch-permutation' ? {} : { sampling }),
          };
      return { sampling, batch, lr, job };
    }),
  );
  return { betas: [{ beta: setting.beta, job: base }, ...betaJobs].sort((a, b) => a.beta - b.beta), noise };
}

export function sgldSweepsJobs(profile: Profile, file: EscapeControlsFile = loadEscapeControls()): SgldEscapesJob[] {
  const jobs = sweepJobs(file, profile);
  return [...jobs.betas.map((b) => b.job), ...jobs.noise.map((n) => n.job)];
}

export function sgldSweepsResult(profile: Profile, runner: RunnerResults, file: EscapeControlsFile = loadEscapeControls()): SgldSweepsResult {
  const { depth, barrierRatio } = file.sweeps;
  const jobs = sweepJobs(file, profile);
  const base = PROTOCOLS[file.network.base];
  const eta = base.teacher.singularValues[base.sigmaMode - 1]!;
  const T = depthBarrier(file, depth) / barrierRatio;
  return {
    profile,
    depth,
    baseBeta: depthSetting(file, depth).beta,
    temperature: T,
    barrierRatio,
    epochs: file.profiles[profile].sweepEpochs,
    betas: jobs.betas.map(({ beta, job }) => {
      const barrier = modePotential(eta, beta, depth).barrier;
      return { beta, barrier, point: networkPoint(job, barrier / T, runner) };
    }),
    noise: jobs.noise.map(({ sampling, batch, lr, job }) => {
      const point = networkPoint(job, barrierRatio, runner);
      const timePerEpoch = stepsPerEpoch(job.protocol.data.trainCount, batch) * lr;
      return { sampling, batch, lr, lrOverBatch: lr / batch, timePerEpoch, point, timeRuns: point.runs.map((r) => ({ time: r.time * timePerEpoch, escaped: r.escaped })) };
    }),
  };
}

/** The audit's one-mode positive control. */
export const modeControlExperiment = experiment({
  jobs: (_: NoParams, profile) => modeControlJobs(profile),
  readers: { modeControl: (profile, runner) => modeControlResult(profile, runner) },
});

/** The audit's SGLD positive control on the network, by depth. */
export const networkControlExperiment = experiment({
  jobs: (_: NoParams, profile) => networkControlJobs(profile),
  readers: { networkControl: (profile, runner) => networkControlResult(profile, runner) },
});

/** The SGLD control's sweeps over β and over (B, ηlr) with the batch drawing (the audit's). */
export const sgldSweepsExperiment = experiment({
  jobs: (_: NoParams, profile) => sgldSweepsJobs(profile),
  readers: { sgldSweeps: (profile, runner) => sgldSweepsResult(profile, runner) },
});
