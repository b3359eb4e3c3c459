// The experiments of Section 3.1 and Fig. 1: the three initialisation protocols (i)–(iii) at β = 0.32 and the
// sparse sub-sampling experiment (iv), each under both readings of Appendix A's data seed, and the diagnostics
// that ask what decides an escape: how converged the checkpoint is, and float32 against float64 arithmetic.
import type { Numerics, Precision } from '../engine/index.ts';
import type { ExperimentStore, RunVariant } from './experiment-store.ts';
import { PROTOCOL_FILES, profileSeeds, type DataSeedScheme, type EscapeRule, type Profile, type ProtocolName } from '../protocols/protocols.ts';
export { outcomeOf, type RunOutcome } from '../run/escape-outcome.ts';
import type { RunRecord } from '../run/run-protocol.ts';

/** Section 3.1 (i)–(iii) / Fig. 1(a). */
export const TRAPPING_PROTOCOLS = ['random-init', 'rank1-trap', 'trivial-trap'] as const;
export type TrappingProtocol = (typeof TRAPPING_PROTOCOLS)[number];

/** The two escape rules of Appendix A, by the protocols' own name for them. */
export type EscapeRuleName = EscapeRule;
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

/** Trace samples per run kept for the figures (about this many over the budget). */
const TRACE_SAMPLES = 200;

export function traceEveryFor(epochs: number): number {
  return Math.max(1, Math.round(epochs / TRACE_SAMPLES));
}

function epochsOf(store: ExperimentStore, name: ProtocolName): number {
  return store.protocol(name).epochs;
}

/** The per-seed runs keep a downsampled trace for Fig. 1; the fixed-data runs do not need one. */
function schemeVariant(store: ExperimentStore, name: ProtocolName, scheme: DataSchemeName, extra: RunVariant['overrides'] = {}): RunVariant {
  const traced = scheme === 'per-seed' ? { traceEvery: traceEveryFor(epochsOf(store, name)) } : {};
  return { overrides: { ...extra, ...traced }, dataSeed: dataSeedScheme(scheme) };
}

/** Section 3.1 (i)–(iii) at the profile's settings (full: Appendix A as written, seeds 42–91). */
export function trappingRuns(store: ExperimentStore, protocol: TrappingProtocol, scheme: DataSchemeName): Promise<RunRecord[]> {
  return store.runs(protocol, schemeVariant(store, protocol, scheme));
}

/** Section 3.1 (iv): the sparse experiment as written (B = 64) or at B = 5. */
export function sparseRuns(store: ExperimentStore, batch: SparseBatchName, scheme: DataSchemeName): Promise<RunRecord[]> {
  return store.runs('sparse', schemeVariant(store, 'sparse', scheme, batch === 'small-batch' ? { batch: SMALL_SPARSE_BATCH } : {}));
}

/** The protocols whose checkpoint convergence and arithmetic the diagnostics vary. */
export const DIAGNOSED_PROTOCOLS = ['rank1-trap', 'trivial-trap', 'sparse'] as const;
export type DiagnosedProtocol = (typeof DIAGNOSED_PROTOCOLS)[number];

/** SGD epochs per annealing stage of the checkpoint, by profile; the last is the profile's own budget. */
export const CHECKPOINT_BUDGETS: Readonly<Record<Profile, readonly number[]>> = {
  full: [100, 300, 1000, 5000],
  quick: [300, 1000, 5000],
  smoke: [100, 300],
};

/** The diagnostics run the first ten seeds of the profile (smoke: its three). */
export function diagnosticSeeds(store: ExperimentStore, name: ProtocolName): number[] {
  return profileSeeds(PROTOCOL_FILES[name].profiles[store.profile]).slice(0, 10);
}

function bySeeds(records: readonly RunRecord[], seeds: readonly number[]): RunRecord[] {
  return seeds.map((seed) => {
    const record = records.find((r) => r.seed === seed);
    if (record === undefined) throw new RangeError(`no run of seed ${seed}`);
    return record;
  });
}

/** The protocol's main runs (per-seed data, sparse as written) restricted to the diagnostic seeds. */
function mainRuns(store: ExperimentStore, name: DiagnosedProtocol): Promise<RunRecord[]> {
  return name === 'sparse' ? sparseRuns(store, 'as-written', 'per-seed') : trappingRuns(store, name, 'per-seed');
}

/**
 * Diagnostic (b): the same runs from checkpoints trained for `epochsPerStage` SGD epochs per annealing stage. At
 * the profile's own budget these are the main runs themselves.
 */
export async function checkpointSensitivityRuns(store: ExperimentStore, name: DiagnosedProtocol, epochsPerStage: number): Promise<RunRecord[]> {
  const seeds = diagnosticSeeds(store, name);
  if (epochsPerStage === store.protocol(name).checkpoint.epochsPerStage) return bySeeds(await mainRuns(store, name), seeds);
  return store.runs(name, { checkpointEpochsPerStage: epochsPerStage, seeds });
}

/** Diagnostic (c): the diagnostic seeds with every SGD stage in the given precision (float64: the main runs). */
export async function precisionRuns(store: ExperimentStore, name: DiagnosedProtocol, precision: Precision): Promise<RunRecord[]> {
  const seeds = diagnosticSeeds(store, name);
  if (precision === 'float64') return bySeeds(await mainRuns(store, name), seeds);
  const numerics: Numerics = { precision, flushBelow: 1e-300 };
  return store.runs(name, { numerics, seeds });
}

/** σ_mode of the end-to-end map at the checkpoint the run started from (null for a random start). */
export function checkpointSigma(record: RunRecord, mode = record.escape.sigma.mode): number | null {
  if (record.start.kind !== 'checkpoint') return null;
  return record.start.stages.at(-1)?.singularValues[mode - 1] ?? null;
}
