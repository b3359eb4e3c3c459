import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GoldenFileError, loadValidatedJson } from '../io/index.ts';
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

export type EscapeRule = 'test-mse-midpoint' | 'sigma-threshold';

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
  readonly primaryEscapeRule: EscapeRule;
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

/** Reads and schema-checks golden/protocols/NAME.json; the file's name and its `name` field must agree. */
export function loadProtocolFile(name: ProtocolName, dir = PROTOCOL_DIR): ProtocolFile {
  const path = join(dir, `${name}.json`);
  const file = loadValidatedJson<ProtocolFile>(path, PROTOCOL_SCHEMA);
  if (file.name !== name) throw new GoldenFileError(`${path}: /name is '${file.name}' but the file is ${name}.json.`);
  return file;
}

export function protocolOf(file: ProtocolFile): Protocol {
  return { name: file.name, ...file.settings };
}

export const PROTOCOL_FILES: Readonly<Record<ProtocolName, ProtocolFile>> = Object.fromEntries(
  PROTOCOL_NAMES.map((name) => [name, loadProtocolFile(name)]),
) as Record<ProtocolName, ProtocolFile>;

export const PROTOCOLS: Readonly<Record<ProtocolName, Protocol>> = Object.fromEntries(
  PROTOCOL_NAMES.map((name) => [name, protocolOf(PROTOCOL_FILES[name])]),
) as Record<ProtocolName, Protocol>;

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
