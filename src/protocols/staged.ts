import { join } from 'node:path';
import type { BatchSampling } from '../engine/index.ts';
import { fieldError, loadValidatedJson } from '../io/index.ts';
import type { SeedRange } from './phase-diagram-protocol.ts';
import { PROTOCOL_DIR, PROTOCOL_FILES, checkProfiles, protocolForProfile, type Profile, type Protocol } from './protocols.ts';

// Prediction 1 (Section 4.1) with d = 4 features: the phase diagram's sweeps, learning plateaus from a small
// initialisation (Saxe et al., [17]) and SGLD from the trivial trap — audit experiments.

export interface StagedProfile {
  readonly sweepSeeds: SeedRange;
  readonly plateauSeeds: SeedRange;
  readonly escapeSeeds: number;
  readonly epochs: number;
  readonly checkpointEpochsPerStage: number;
}

/** The training of one learning-plateau run, apart from its initial scale. */
export interface PlateauTraining {
  readonly lr: number;
  /** A batch at or above the training set's size is full-batch descent (no noise). */
  readonly batch: number;
  readonly beta: number;
  readonly epochs: number;
  readonly sampling: BatchSampling;
  /** A mode whose final σ is at or below this was not learned within the epochs: its rise is null. */
  readonly learnedAbove: number;
  /** The trace keeps every traceEvery-th epoch (1: every epoch); the rise epochs use every epoch. */
  readonly traceEvery?: number;
}

export interface StagedPlateauSettings extends PlateauTraining {
  readonly initStds: readonly number[];
  readonly traceEvery: number;
}

/** golden/protocols/staged.json. */
export interface StagedFile {
  readonly name: 'staged';
  readonly etas: readonly number[];
  readonly sweeps: { readonly grid: { readonly from: number; readonly to: number; readonly step: number }; readonly betaMapping: 'per-mode' };
  readonly plateaus: StagedPlateauSettings;
  readonly escape: {
    readonly base: 'trivial-trap';
    readonly checkpointSeed: number;
    readonly beta: number;
    readonly annealing: readonly number[];
    readonly lr: number;
    readonly batch: number;
    readonly sigmaThreshold: number;
    readonly temperatures: readonly number[];
  };
  readonly paper: Readonly<Record<string, string>>;
  readonly profiles: Readonly<Record<Profile, StagedProfile>>;
}

export const STAGED_PATH = join(PROTOCOL_DIR, 'staged.json');
const STAGED_SCHEMA = join(PROTOCOL_DIR, 'staged.schema.json');

/** Reads golden/protocols/staged.json: its schema, then what the schema cannot say (η descending, seed ranges, budgets). */
export function loadStaged(path = STAGED_PATH): StagedFile {
  const file = loadValidatedJson<StagedFile>(path, STAGED_SCHEMA);
  file.etas.forEach((eta, i) => {
    if (i > 0 && !(eta < file.etas[i - 1]!)) throw fieldError(path, `/etas/${i}`, `is ${eta}: the features must be listed in strictly descending η`);
  });
  if (!(file.sweeps.grid.to > file.sweeps.grid.from)) throw fieldError(path, '/sweeps/grid', `'to' must be above 'from'`);
  checkProfiles(path, file.profiles, { seedRanges: ['sweepSeeds', 'plateauSeeds'], epochs: ['epochs', 'checkpointEpochsPerStage'] });
  return file;
}

/**
 * The staged escape as a protocol: the trivial trap's data, initial scale and SGD, d = etas.length features on a
 * d → hidden → … → d network, one fixed data seed (the checkpoint's), the file's annealing and β, the profile's budgets;
 * a run stops when σ_d (the last mode) passes the threshold.
 */
export function stagedEscapeProtocol(file: StagedFile, profile: Profile): Protocol {
  const base = protocolForProfile(PROTOCOL_FILES[file.escape.base], profile);
  const d = file.etas.length;
  const e = file.escape;
  const size = file.profiles[profile];
  return {
    ...base,
    teacher: { inputDim: d, outputDim: d, singularValues: [...file.etas] },
    dataSeed: { kind: 'fixed', seed: e.checkpointSeed },
    network: { ...base.network, widths: [d, ...base.network.widths.slice(1, -1), d] },
    beta: e.beta,
    lr: e.lr,
    batch: e.batch,
    epochs: size.epochs,
    start: { kind: 'checkpoint', betas: [...e.annealing] },
    plateauBranch: [...e.annealing],
    checkpoint: { ...base.checkpoint, epochsPerStage: size.checkpointEpochsPerStage },
    sigmaMode: d,
    sigmaThreshold: e.sigmaThreshold,
  };
}
