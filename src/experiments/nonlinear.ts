import { PHASE_DIAGRAM_FILE, gridBetas, loadNonlinear, type NonlinearFile, type Profile } from '../protocols/index.ts';
import type { NonlinearEscapesRecord, NonlinearSweepSpec, NonlinearSweeps } from '../run/index.ts';
import type { Job, NonlinearEscapesJob, NonlinearSweepsJob, RunnerResults } from '../runner/index.ts';
import { experiment, type NoParams } from './experiment.ts';

// an audit experiment: Section 4.1 / Appendix G say saddle-node bifurcations,
// coexisting phases and Arrhenius escape survive with tanh and sigmoid activations. Settings from
// golden/protocols/nonlinear.json.

/** First SGD seed; activation a runs FIRST_SEED + 1000·a + k, k < seeds (independent between activations). */
const FIRST_SEED = 2_000_000;

export type NonlinearActivation = NonlinearFile['activations'][number];

export interface NonlinearActivationResult {
  readonly activation: NonlinearActivation;
  /** The sweep grid's step (the resolution of every transition). */
  readonly gridStep: number;
  readonly sweeps: NonlinearSweeps;
  readonly escapes: NonlinearEscapesRecord;
  readonly seeds: number[];
  readonly budget: number;
}

export interface NonlinearResult {
  readonly profile: Profile;
  readonly dataSeed: number;
  readonly rankThreshold: number;
  readonly jumpFraction: number;
  readonly noiseFloor: number;
  readonly referenceTau: number;
  readonly minimumEscapes: number;
  /** Epochs between the escape checks: the grid of the escape times. */
  readonly checkEvery: number;
  readonly trapReading: NonlinearFile['trap']['reading'];
  /** In the protocol's order: tanh, the headline, first. */
  readonly activations: NonlinearActivationResult[];
}

export function nonlinearSweepSpec(file: NonlinearFile, profile: Profile, activation: NonlinearActivation): NonlinearSweepSpec {
  const base = PHASE_DIAGRAM_FILE.settings;
  const p = file.profiles[profile];
  const c = file.sweep.convergence;
  return {
    teacher: base.teacher,
    data: base.data,
    network: { widths: [...file.widths], biases: false, activation },
    initStd: base.initStd,
    betas: gridBetas(p.grid[activation]),
    convergence: { kind: c.kind, lr: c.lr[activation], gradientTolerance: c.gradientTolerance, maxSteps: p.maxSteps },
    rankThreshold: file.sweep.rankThreshold,
    relearnStd: file.sweep.relearnStd,
  };
}

function activationJobs(file: NonlinearFile, profile: Profile, activation: NonlinearActivation, index: number): [NonlinearSweepsJob, NonlinearEscapesJob] {
  const spec = nonlinearSweepSpec(file, profile, activation);
  const p = file.profiles[profile];
  const { lr, batch, sampling, mode, checkEvery, riseFraction } = file.escape;
  const budget = p.budget[activation];
  return [
    { kind: 'nonlinear-sweeps', label: `${activation} network: quasi-static β sweeps up and down (${spec.betas.length} β)`, spec, dataSeed: file.dataSeed },
    {
      kind: 'nonlinear-escapes',
      label: `${activation} network: SGD from the rank-1 trap, ${p.seeds} seeds × ≤ ${budget} epochs`,
      spec,
      dataSeed: file.dataSeed,
      rule: file.trap,
      noiseRank: file.noise.rank,
      riseFraction,
      escape: { lr, batch, sampling, mode, checkEvery, budget },
      seeds: Array.from({ length: p.seeds }, (_, k) => FIRST_SEED + 1000 * index + k),
    },
  ];
}

export function nonlinearJobs(profile: Profile, file: NonlinearFile = loadNonlinear()): Job[] {
  return file.activations.flatMap((a, i) => activationJobs(file, profile, a, i));
}

export function nonlinearResult(profile: Profile, runner: RunnerResults, file: NonlinearFile = loadNonlinear()): NonlinearResult {
  return {
    profile,
    dataSeed: file.dataSeed,
    rankThreshold: file.sweep.rankThreshold,
    jumpFraction: file.loop.jumpFraction,
    noiseFloor: file.noise.floor,
    referenceTau: file.escape.referenceTau,
    minimumEscapes: file.escape.minimumEscapes,
    checkEvery: file.escape.checkEvery,
    trapReading: file.trap.reading,
    activations: file.activations.map((activation, i) => {
      const [sweepJob, escapeJob] = activationJobs(file, profile, activation, i);
      return {
        activation,
        gridStep: file.profiles[profile].grid[activation].step,
        sweeps: runner.get(sweepJob),
        escapes: runner.get(escapeJob),
        seeds: [...escapeJob.seeds],
        budget: escapeJob.escape.budget,
      };
    }),
  };
}

/** tanh and sigmoid networks' sweeps, trap noise and escapes (an audit experiment). */
export const nonlinearExperiment = experiment({
  jobs: (_: NoParams, profile) => nonlinearJobs(profile),
  readers: { nonlinear: (profile, runner) => nonlinearResult(profile, runner) },
});
