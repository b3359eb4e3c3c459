import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GoldenFileError, fieldError, lazyRecord, loadValidatedJson } from '../io/index.ts';
import type { DataDesign, TeacherSpec } from '../data/index.ts';
import type { NetworkShape, Numerics } from '../engine/index.ts';

export const PROTOCOL_NAMES = ['random-init', 'rank1-trap', 'trivial-trap', 'sparse'] as const;
export type ProtocolName = (typeof PROTOCOL_NAMES)[number];

/**
 * Where the data seed comes from. Appendix A says "an independent test set of the same size is held
 * fixed throughout" and "repeated across 50 random seeds" without saying whether the seed also redraws
 * the data: ambiguous. 'per-seed' (default) redraws train and test with the run's seed; 'fixed' uses
 * one data set (the constant `seed`) for every run.
 */
export type DataSeedScheme = { readonly kind: 'per-seed' } | { readonly kind: 'fixed'; readonly seed: number };

/**
 * "Trained to convergence" (Appendix A) is not defined in the paper. Our rule: a fixed SGD epoch budget
 * per annealing stage at the given lr and batch; the run record reports the final full-batch gradient
 * norm of every stage so the reader sees how converged the checkpoint is.
 */
export interface CheckpointRule {
  readonly kind: 'sgd-epochs';
  readonly epochsPerStage: number;
  readonly lr: number;
  readonly batch: number;
}

/** Deterministic full-batch descent used for the escape rule's plateau and global-minimum values. */
export interface ReferenceDescent {
  readonly lr: number;
  readonly maxSteps: number;
  readonly gradientTolerance: number;
}

export type EscapeRuleName = 'test-mse-midpoint' | 'sigma-threshold';

/**
 * A training protocol of Section 3.1 / Appendix A as plain data, read from golden/protocols/NAME.json
 * (schema-checked, with the paper's wording beside every field). `start.betas` and `plateauBranch` are annealing
 * sequences: train from fresh weights at betas[0], then at each next β in turn, by `checkpoint`.
 */
export interface Protocol {
  readonly name: ProtocolName;
  readonly teacher: TeacherSpec;
  readonly data: DataDesign;
  readonly dataSeed: DataSeedScheme;
  readonly network: NetworkShape;
  readonly initStd: number;
  readonly beta: number;
  readonly lr: number;
  readonly batch: number;
  readonly epochs: number;
  readonly start: { readonly kind: 'random' } | { readonly kind: 'checkpoint'; readonly betas: readonly number[] };
  readonly checkpoint: CheckpointRule;
  /** The trapped branch whose test MSE is the "metastable plateau value" of the paper's escape rule. */
  readonly plateauBranch: readonly number[];
  readonly referenceDescent: ReferenceDescent;
  /** σ-rule: escape when σ_{sigmaMode} of the end-to-end map first exceeds sigmaThreshold. */
  readonly sigmaMode: number;
  readonly sigmaThreshold: number;
  readonly primaryEscapeRule: EscapeRuleName;
  /**
   * Arithmetic of every SGD stage (checkpoints and the continued run); absent means DEFAULT_NUMERICS. Not in the
   * protocol files: the paper does not say, and float32 is a diagnostic variant (ExperimentStore `numerics`).
   */
  readonly numerics?: Numerics;
}

/**
 * float64, with weights below 1e-300 in magnitude flushed to 0 after every step. The flush only changes weights that
 * weight decay is already driving to 0 (a subnormal weight stays subnormal forever: its decay term rounds to 0), and
 * spares the trivial-trap runs a tenfold slowdown from subnormal arithmetic (REPRODUCE.md).
 */
export const DEFAULT_NUMERICS: Numerics = { precision: 'float64', flushBelow: 1e-300 };

export function numericsOf(protocol: Protocol): Numerics {
  return protocol.numerics ?? DEFAULT_NUMERICS;
}

/** The size of a run of the whole paper: `full` is the protocol as written, `quick` and `smoke` smaller. */
export type Profile = 'smoke' | 'quick' | 'full';
export const PROFILES: readonly Profile[] = ['smoke', 'quick', 'full'];

/** What one profile runs: `full` is the paper's protocol as written; `quick` and `smoke` are smaller, and say so. */
export interface ProfileSettings {
  readonly seeds: { readonly first: number; readonly last: number };
  readonly epochs: number;
  readonly checkpointEpochsPerStage: number;
}

/** A protocol file of golden/protocols/: settings, the paper's wording beside each, and the profiles. */
export interface ProtocolFile {
  readonly name: ProtocolName;
  readonly settings: Omit<Protocol, 'name'>;
  readonly paper: Readonly<Record<keyof Omit<Protocol, 'name'>, string>>;
  readonly profiles: Readonly<Record<Profile, ProfileSettings>>;
}

export const PROTOCOL_DIR = fileURLToPath(new URL('../../golden/protocols', import.meta.url));
export const PROTOCOL_SCHEMA = join(PROTOCOL_DIR, 'protocol.schema.json');

/**
 * Sizes a protocol file may ask for. Past them a run does not finish in reasonable time or memory (widths of 1e8 took
 * 14 GB before hanging), so they are refused on load with the limit named.
 */
export const PROTOCOL_LIMITS = {
  /** Widths and data dimensions; the paper's networks are 10 wide. */
  width: 1000,
  /** Parameters of one network: several copies live per run. */
  parameters: 1_000_000,
  /** Samples of a data set or pool. */
  samples: 1_000_000,
  /** Epochs of any SGD stage: 50 times the paper's 2×10^4. */
  epochs: 1_000_000,
  /** Steps of the reference full-batch descent. */
  descentSteps: 100_000_000,
  /** Seeds of one profile. */
  seeds: 10_000,
  /** Initial weight scale: the paper's is 1/√10; far above it every first step overflows. */
  initStd: 10,
} as const;

/** The largest epoch budget a run may have (also `metastable run --epochs`). */
export const MAX_EPOCHS = PROTOCOL_LIMITS.epochs;

/** Checks a seed range of a profile: first <= last and at most PROTOCOL_LIMITS.seeds seeds. */
export function checkSeedRange(label: string, pointer: string, seeds: { first: number; last: number }): void {
  if (seeds.first > seeds.last) throw fieldError(label, pointer, `runs from first ${seeds.first} to last ${seeds.last}: first must be <= last`);
  if (seeds.last - seeds.first + 1 > PROTOCOL_LIMITS.seeds) throw fieldError(label, pointer, `holds more than ${PROTOCOL_LIMITS.seeds} seeds`);
}

/** Checks `${at}/network`'s widths against `${at}/teacher`'s dimensions and the size limits. */
export function checkNetwork(label: string, at: string, network: NetworkShape, teacher: TeacherSpec): void {
  const { widths } = network;
  const pointer = `${at}/network`;
  for (const dim of ['inputDim', 'outputDim'] as const) {
    if (teacher[dim] > PROTOCOL_LIMITS.width) throw fieldError(label, `${at}/teacher/${dim}`, `must be <= ${PROTOCOL_LIMITS.width}`);
  }
  widths.forEach((w, i) => {
    if (w > PROTOCOL_LIMITS.width) throw fieldError(label, `${pointer}/widths/${i}`, `is ${w}; widths must be <= ${PROTOCOL_LIMITS.width}`);
  });
  if (widths[0] !== teacher.inputDim) throw fieldError(label, `${pointer}/widths/0`, `is ${widths[0]} but teacher.inputDim is ${teacher.inputDim}; they must agree`);
  const last = widths.length - 1;
  if (widths[last] !== teacher.outputDim) throw fieldError(label, `${pointer}/widths/${last}`, `is ${widths[last]} but teacher.outputDim is ${teacher.outputDim}; they must agree`);
  const modes = Math.min(teacher.inputDim, teacher.outputDim);
  if (teacher.singularValues.length > modes) {
    throw fieldError(label, `${at}/teacher/singularValues`, `lists ${teacher.singularValues.length} values but min(inputDim, outputDim) is ${modes}`);
  }
  const parameters = widths.slice(1).reduce((sum, w, i) => sum + w * widths[i]! + (network.biases ? w : 0), 0);
  if (parameters > PROTOCOL_LIMITS.parameters) throw fieldError(label, `${pointer}/widths`, `make ${parameters} parameters; at most ${PROTOCOL_LIMITS.parameters}`);
}

/** Checks that an initial weight scale is usable: finite (the schema makes it > 0) and at most PROTOCOL_LIMITS.initStd. */
export function checkInitStd(label: string, pointer: string, initStd: number): void {
  if (!(initStd <= PROTOCOL_LIMITS.initStd)) throw fieldError(label, pointer, `is ${initStd}; must be <= ${PROTOCOL_LIMITS.initStd}`);
}

/** Checks a sample count against PROTOCOL_LIMITS.samples. */
export function checkSamples(label: string, pointer: string, data: Readonly<Record<string, unknown>>): void {
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'number' && value > PROTOCOL_LIMITS.samples) throw fieldError(label, `${pointer}/${key}`, `is ${value}; must be <= ${PROTOCOL_LIMITS.samples}`);
  }
}

/** Checks an epoch budget against PROTOCOL_LIMITS.epochs. */
export function checkEpochs(label: string, pointer: string, epochs: number): void {
  if (epochs > PROTOCOL_LIMITS.epochs) throw fieldError(label, pointer, `is ${epochs}; must be <= ${PROTOCOL_LIMITS.epochs}`);
}

/** A field of a profile by its path below the profile ('epochs', 'budget/tanh'). */
type ProfileField<P> = (keyof P & string) | `${keyof P & string}/${string}`;

/**
 * What the schema cannot say about every profile of a file: each named seed range (first <= last, at most
 * PROTOCOL_LIMITS.seeds) and each epoch budget (at most PROTOCOL_LIMITS.epochs), profile by profile.
 */
export function checkProfiles<P>(
  label: string,
  profiles: Readonly<Record<Profile, P>>,
  fields: { readonly seedRanges?: readonly ProfileField<P>[]; readonly epochs?: readonly ProfileField<P>[] },
): void {
  for (const profile of PROFILES) {
    const valueAt = (field: string): unknown => field.split('/').reduce<unknown>((v, key) => (v as Record<string, unknown>)[key], profiles[profile]);
    for (const f of fields.seedRanges ?? []) checkSeedRange(label, `/profiles/${profile}/${f}`, valueAt(f) as { first: number; last: number });
    for (const f of fields.epochs ?? []) checkEpochs(label, `/profiles/${profile}/${f}`, valueAt(f) as number);
  }
}

/** What the schema cannot say: fields that must agree with each other, and sizes within PROTOCOL_LIMITS. */
function checkProtocolFile(label: string, file: ProtocolFile): void {
  const s = file.settings;
  checkNetwork(label, '/settings', s.network, s.teacher);
  checkInitStd(label, '/settings/initStd', s.initStd);
  checkSamples(label, '/settings/data', s.data);
  if (s.data.kind === 'subsample' && s.data.poolCount < s.data.trainCount) {
    throw fieldError(label, '/settings/data/poolCount', `is ${s.data.poolCount}, fewer than trainCount ${s.data.trainCount}`);
  }
  const modes = Math.min(s.network.widths[0]!, s.network.widths.at(-1)!);
  if (s.sigmaMode > modes) throw fieldError(label, '/settings/sigmaMode', `is ${s.sigmaMode} but the network has ${modes} modes`);
  checkEpochs(label, '/settings/epochs', s.epochs);
  checkEpochs(label, '/settings/checkpoint/epochsPerStage', s.checkpoint.epochsPerStage);
  if (s.referenceDescent.maxSteps > PROTOCOL_LIMITS.descentSteps) {
    throw fieldError(label, '/settings/referenceDescent/maxSteps', `must be <= ${PROTOCOL_LIMITS.descentSteps}`);
  }
  checkProfiles(label, file.profiles, { seedRanges: ['seeds'], epochs: ['epochs', 'checkpointEpochsPerStage'] });
}

/** Reads and checks golden/protocols/NAME.json: its schema, its name against the file's, and checkProtocolFile. */
export function loadProtocolFile(name: ProtocolName, dir = PROTOCOL_DIR): ProtocolFile {
  const path = join(dir, `${name}.json`);
  const file = loadValidatedJson<ProtocolFile>(path, PROTOCOL_SCHEMA);
  if (file.name !== name) throw new GoldenFileError(`${path}: /name is '${file.name}' but the file is ${name}.json.`);
  checkProtocolFile(path, file);
  return file;
}

export function protocolOf(file: ProtocolFile): Protocol {
  return { name: file.name, ...file.settings };
}

/** Each file is read on first use, so a broken one fails only the commands that need it. */
export const PROTOCOL_FILES: Readonly<Record<ProtocolName, ProtocolFile>> = lazyRecord(PROTOCOL_NAMES, (name) => loadProtocolFile(name));

export const PROTOCOLS: Readonly<Record<ProtocolName, Protocol>> = lazyRecord(PROTOCOL_NAMES, (name) => protocolOf(PROTOCOL_FILES[name]));

/** The seeds of a profile, first to last inclusive (Appendix A: "seeds 42–91"). */
export function profileSeeds(profile: ProfileSettings): number[] {
  const { first, last } = profile.seeds;
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}

/** The protocol as a profile runs it: its epoch budget and its checkpoint budget. */
export function protocolForProfile(file: ProtocolFile, profile: Profile): Protocol {
  const p = protocolOf(file);
  const settings = file.profiles[profile];
  return { ...p, epochs: settings.epochs, checkpoint: { ...p.checkpoint, epochsPerStage: settings.checkpointEpochsPerStage } };
}

export function isProtocolName(name: string): name is ProtocolName {
  return (PROTOCOL_NAMES as readonly string[]).includes(name);
}

/** The settings a command line may override for the continued run (never the checkpoints). */
export interface RunOverrides {
  readonly epochs?: number;
  readonly lr?: number;
  readonly batch?: number;
  readonly beta?: number;
  /** Keep a trace sample in the run record every this many epochs (for figures; absent or 0: none). */
  readonly traceEvery?: number;
  /** Keep the test MSE of every epoch 0..this in the run record (Appendix A assesses convergence by test MSE). */
  readonly denseTestMse?: number;
}

/** The protocol with overrides applied to the continued run. */
export function applyOverrides(protocol: Protocol, overrides: RunOverrides): Protocol {
  return {
    ...protocol,
    epochs: overrides.epochs ?? protocol.epochs,
    lr: overrides.lr ?? protocol.lr,
    batch: overrides.batch ?? protocol.batch,
    beta: overrides.beta ?? protocol.beta,
  };
}

export function dataSeedFor(protocol: Protocol, seed: number): number {
  return protocol.dataSeed.kind === 'per-seed' ? seed : protocol.dataSeed.seed;
}
