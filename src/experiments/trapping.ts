// The experiments of Section 3.1 and Fig. 1: the three initialisation protocols (i)–(iii) at β = 0.32 and the
// sparse sub-sampling experiment (iv), each under both readings of Appendix A's data seed, and the diagnostics
// that ask what decides an escape: how converged the checkpoint is, and float32 against float64 arithmetic.
// Each experiment is two pure functions: the jobs it needs (data), and its result from the runner's results.
import { datasetMoments, sampleSpectrum, type Numerics, type Precision } from '../engine/index.ts';
import { makeTaskData } from '../data/index.ts';
import {
  PROTOCOL_FILES,
  profileSeeds,
  protocolVariant,
  type DataSeedScheme,
  type EscapeRuleName,
  type Profile,
  type ProtocolName,
  type RunVariant,
} from '../protocols/index.ts';
import type { RunRecord } from '../run/index.ts';
import type { RunnerResults, SeedRunsJob } from '../runner/index.ts';
import { experiment, type NoParams } from './experiment.ts';
import { seedRunsJob } from './seed-runs.ts';

/** Section 3.1 (i)–(iii) / Fig. 1(a). */
export const TRAPPING_PROTOCOLS = ['random-init', 'rank1-trap', 'trivial-trap'] as const;
export type TrappingProtocol = (typeof TRAPPING_PROTOCOLS)[number];

/** The two escape rules of Appendix A, by the protocols' own name for them. */
export type { EscapeRuleName };
export const ESCAPE_RULES: readonly EscapeRuleName[] = ['test-mse-midpoint', 'sigma-threshold'];

/**
 * Appendix A does not say whether "50 random seeds" redraw the data. 'per-seed': the run's seed draws train and
 * test; 'fixed': one data set, drawn with the first seed of the profile (42), for every run.
 */
export type DataSchemeName = 'per-seed' | 'fixed';
export const DATA_SCHEMES: readonly DataSchemeName[] = ['per-seed', 'fixed'];
export const FIXED_DATA_SEED = 42;

export function dataSeedScheme(name: DataSchemeName): DataSeedScheme {
  return name === 'per-seed' ? { kind: 'per-seed' } : { kind: 'fixed', seed: FIXED_DATA_SEED };
}

/**
 * Appendix A's sparse experiment uses B = 64 on 25 training samples: every step is the full batch, so there is no
 * mini-batch noise at all. 'small-batch' runs the same experiment at B = 5 (5 steps per epoch) so that noise exists.
 */
export type SparseBatchName = 'as-written' | 'small-batch';
export const SPARSE_BATCHES: readonly SparseBatchName[] = ['as-written', 'small-batch'];
export const SMALL_SPARSE_BATCH = 5;

/** The protocols whose checkpoint convergence and arithmetic the diagnostics vary. */
export const DIAGNOSED_PROTOCOLS = ['rank1-trap', 'trivial-trap', 'sparse'] as const;
export type DiagnosedProtocol = (typeof DIAGNOSED_PROTOCOLS)[number];

export function isDiagnosed(protocol: string): protocol is DiagnosedProtocol {
  return (DIAGNOSED_PROTOCOLS as readonly string[]).includes(protocol);
}

/** SGD epochs per annealing stage of the checkpoint, by profile; the last is the profile's own budget. */
export const CHECKPOINT_BUDGETS: Readonly<Record<Profile, readonly number[]>> = {
  full: [100, 300, 1000, 5000],
  quick: [300, 1000, 5000],
  smoke: [100, 300],
};

/** Trace samples per run kept for the figures (about this many over the budget). */
const TRACE_SAMPLES = 200;

export function traceEveryFor(epochs: number): number {
  return Math.max(1, Math.round(epochs / TRACE_SAMPLES));
}

/** Epochs of per-epoch test MSE kept for the random-init convergence reading (τ ≈ 10: the first epochs decide). */
export const DENSE_TEST_MSE_EPOCHS = 200;

/**
 * The per-seed runs keep a downsampled trace for Fig. 1; the fixed-data runs do not need one. Random init keeps the
 * test MSE of its first epochs too, for the convergence reading of Appendix A ("monitoring test MSE").
 */
function schemeVariant(name: ProtocolName, profile: Profile, scheme: DataSchemeName, extra: RunVariant['overrides'] = {}): RunVariant {
  const epochs = protocolVariant(name, profile).epochs;
  const traced = scheme === 'per-seed' ? { traceEvery: traceEveryFor(epochs) } : {};
  const dense = name === 'random-init' ? { denseTestMse: Math.min(DENSE_TEST_MSE_EPOCHS, epochs) } : {};
  return { overrides: { ...extra, ...traced, ...dense }, dataSeed: dataSeedScheme(scheme) };
}

function schemeWords(scheme: DataSchemeName): string {
  return scheme === 'per-seed' ? 'data drawn per seed' : `one data set (seed ${FIXED_DATA_SEED})`;
}

/** Section 3.1 (i)–(iii) at the profile's settings (full: Appendix A as written, seeds 42–91). */
export function trappingRunsJob(protocol: TrappingProtocol, profile: Profile, scheme: DataSchemeName): SeedRunsJob {
  return seedRunsJob(protocol, profile, schemeVariant(protocol, profile, scheme), schemeWords(scheme));
}

/** Section 3.1 (iv): the sparse experiment as written (B = 64) or at B = 5. */
export function sparseRunsJob(profile: Profile, batch: SparseBatchName, scheme: DataSchemeName): SeedRunsJob {
  const extra = batch === 'small-batch' ? { batch: SMALL_SPARSE_BATCH } : {};
  const words = `${batch === 'small-batch' ? `B = ${SMALL_SPARSE_BATCH}` : 'B = 64 as written'}, ${schemeWords(scheme)}`;
  return seedRunsJob('sparse', profile, schemeVariant('sparse', profile, scheme, extra), words);
}

/** The diagnostics run the first ten seeds of the profile (smoke: its three). */
export function diagnosticSeeds(name: ProtocolName, profile: Profile): number[] {
  return profileSeeds(PROTOCOL_FILES[name].profiles[profile]).slice(0, 10);
}

/** The protocol's main runs (per-seed data, sparse as written), whose diagnostic seeds the diagnostics reuse. */
function mainRunsJob(name: DiagnosedProtocol, profile: Profile): SeedRunsJob {
  return name === 'sparse' ? sparseRunsJob(profile, 'as-written', 'per-seed') : trappingRunsJob(name, profile, 'per-seed');
}

/**
 * Diagnostic (b): the diagnostic seeds from checkpoints trained for `epochsPerStage` SGD epochs per annealing stage;
 * null at the profile's own budget, where they are the main runs themselves.
 */
function checkpointSensitivityJob(name: DiagnosedProtocol, profile: Profile, epochsPerStage: number): SeedRunsJob | null {
  if (epochsPerStage === protocolVariant(name, profile).checkpoint.epochsPerStage) return null;
  return seedRunsJob(name, profile, { checkpointEpochsPerStage: epochsPerStage, seeds: diagnosticSeeds(name, profile) }, `checkpoint of ${epochsPerStage} epochs per stage (diagnostic b)`);
}

/** Diagnostic (c): the diagnostic seeds with every SGD stage in float32; float64 is the main runs. */
function float32Job(name: DiagnosedProtocol, profile: Profile): SeedRunsJob {
  const numerics: Numerics = { precision: 'float32', flushBelow: 1e-300 };
  return seedRunsJob(name, profile, { numerics, seeds: diagnosticSeeds(name, profile) }, 'float32 arithmetic (diagnostic c)');
}

function bySeeds(records: readonly RunRecord[], seeds: readonly number[]): RunRecord[] {
  return seeds.map((seed) => {
    const record = records.find((r) => r.seed === seed);
    if (record === undefined) throw new RangeError(`no run of seed ${seed}`);
    return record;
  });
}

/** Diagnostics (b) and (c) of one protocol: the runs of each checkpoint budget and of each precision. */
export interface Diagnostics {
  readonly checkpointSensitivity: readonly { readonly epochsPerStage: number; readonly records: RunRecord[] }[];
  readonly precision: readonly { readonly precision: Precision; readonly records: RunRecord[] }[];
}

/** Diagnostics (b) and (c) of a protocol: its main runs (the diagnostic seeds' float64, profile-budget rows), the other checkpoint budgets, float32. */
export function diagnosticJobs(name: DiagnosedProtocol, profile: Profile): SeedRunsJob[] {
  const sensitivity = CHECKPOINT_BUDGETS[profile].map((e) => checkpointSensitivityJob(name, profile, e)).filter((j): j is SeedRunsJob => j !== null);
  return [mainRunsJob(name, profile), ...sensitivity, float32Job(name, profile)];
}

export function diagnosticsResult(name: DiagnosedProtocol, profile: Profile, runner: RunnerResults): Diagnostics {
  const seeds = diagnosticSeeds(name, profile);
  const main = bySeeds(runner.get(mainRunsJob(name, profile)), seeds);
  return {
    checkpointSensitivity: CHECKPOINT_BUDGETS[profile].map((epochsPerStage) => {
      const job = checkpointSensitivityJob(name, profile, epochsPerStage);
      return { epochsPerStage, records: job === null ? main : runner.get(job) };
    }),
    precision: [
      { precision: 'float64', records: main },
      { precision: 'float32', records: runner.get(float32Job(name, profile)) },
    ],
  };
}

/** One trapping protocol of Section 3.1 under both data schemes. */
export interface TrappingResult {
  readonly protocol: TrappingProtocol;
  readonly profile: Profile;
  /** The protocol's own escape rule (Appendix A: the test-MSE midpoint for (i)–(iii)). */
  readonly primaryEscapeRule: EscapeRuleName;
  readonly runs: Readonly<Record<DataSchemeName, RunRecord[]>>;
}

export function trappingJobs(protocol: TrappingProtocol, profile: Profile): SeedRunsJob[] {
  return DATA_SCHEMES.map((s) => trappingRunsJob(protocol, profile, s));
}

export function trappingResult(protocol: TrappingProtocol, profile: Profile, runner: RunnerResults): TrappingResult {
  return {
    protocol,
    profile,
    primaryEscapeRule: protocolVariant(protocol, profile).primaryEscapeRule,
    runs: { 'per-seed': runner.get(trappingRunsJob(protocol, profile, 'per-seed')), fixed: runner.get(trappingRunsJob(protocol, profile, 'fixed')) },
  };
}

/** Section 3.1 (iv) under both batch readings and both data schemes. */
export interface SparseResult {
  readonly profile: Profile;
  readonly runs: Readonly<Record<SparseBatchName, Readonly<Record<DataSchemeName, RunRecord[]>>>>;
}

export function sparseJobs(profile: Profile): SeedRunsJob[] {
  return SPARSE_BATCHES.flatMap((b) => DATA_SCHEMES.map((s) => sparseRunsJob(profile, b, s)));
}

export function sparseResult(profile: Profile, runner: RunnerResults): SparseResult {
  const bySchemes = (batch: SparseBatchName) => ({ 'per-seed': runner.get(sparseRunsJob(profile, batch, 'per-seed')), fixed: runner.get(sparseRunsJob(profile, batch, 'fixed')) });
  return { profile, runs: { 'as-written': bySchemes('as-written'), 'small-batch': bySchemes('small-batch') } };
}

/** Section 3.1 (i)–(iii): one initialisation protocol under both data schemes. */
export const trappingExperiment = experiment({
  jobs: ({ protocol }: { protocol: TrappingProtocol }, profile) => trappingJobs(protocol, profile),
  readers: { trapping: (profile, runner, protocol: TrappingProtocol) => trappingResult(protocol, profile, runner) },
});

/** The train MSE of the best linear fits of rank 1 and rank 2 to one training set (no regulariser). */
export interface BestFits {
  readonly rank1: number;
  readonly rank2: number;
}

/**
 * Section 4.2's "best rank-1 linear fit" and "best rank-2 fit" of the sparse run on data seed `dataSeed`: on the
 * training sample the best rank-k map leaves (1/m)(tr Σ̂yy − Σ_{i≤k} σ̂_i²), σ̂ the singular values of Σ̂yx Σ̂xx^{-1/2}
 * (reduced-rank regression; rank 2 is ordinary least squares for d = 2).
 */
export function sparseBestFits(profile: Profile, dataSeed: number): BestFits {
  const protocol = protocolVariant('sparse', profile);
  const moments = datasetMoments(makeTaskData(protocol.teacher, protocol.data, dataSeed).train, protocol.network.biases);
  const sigma = sampleSpectrum(moments).whitened;
  const unexplained = (rank: number) => (moments.syyTrace / moments.count - sigma.slice(0, rank).reduce((s, v) => s + v * v, 0)) / moments.outputDim;
  return { rank1: unexplained(1), rank2: unexplained(2) };
}

/** Section 3.1 (iv): the sparse experiment under both batch readings and both data schemes. */
export const sparseExperiment = experiment({
  jobs: (_: NoParams, profile) => sparseJobs(profile),
  readers: {
    sparse: (profile, runner) => sparseResult(profile, runner),
    sparseBestFits: (profile, _runner, dataSeed: number) => sparseBestFits(profile, dataSeed),
  },
});

/** Diagnostics (b) checkpoint convergence and (c) arithmetic of a protocol. */
export const diagnosticsExperiment = experiment({
  jobs: ({ protocol }: { protocol: DiagnosedProtocol }, profile) => diagnosticJobs(protocol, profile),
  readers: { diagnostics: (profile, runner, protocol: DiagnosedProtocol) => diagnosticsResult(protocol, profile, runner) },
});

/** σ_mode of the end-to-end map at the checkpoint the run started from (null for a random start). */
export function checkpointSigma(record: RunRecord, mode = record.escape.sigma.mode): number | null {
  if (record.start.kind !== 'checkpoint') return null;
  return record.start.stages.at(-1)?.singularValues[mode - 1] ?? null;
}
