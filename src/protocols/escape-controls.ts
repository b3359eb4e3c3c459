import { join } from 'node:path';
import { fieldError, loadValidatedJson } from '../io/index.ts';
import type { Convention } from '../analytic/index.ts';
import { PROFILES, PROTOCOL_DIR, PROTOCOL_FILES, checkProfiles, protocolForProfile, type Profile, type Protocol } from './protocols.ts';

/** One depth of the network control (prediction 2: the same β/βc(L) at every depth). */
export interface NetworkControlDepth {
  readonly depth: number;
  readonly beta: number;
  readonly annealing: readonly number[];
  readonly sigmaThreshold: number;
  readonly barrierRatios: readonly number[];
}

export interface EscapeControlsProfile {
  readonly modeSeeds: number;
  /** Noise seeds per temperature at L = 3. */
  readonly networkSeeds: number;
  /** Noise seeds per temperature at the other depths and at the common temperature. */
  readonly deepSeeds: number;
  /** Noise seeds per setting of the β and (B, ηlr) sweeps. */
  readonly sweepSeeds: number;
  /** The sweeps' budget in epochs. */
  readonly sweepEpochs: number;
  readonly epochs: number;
  readonly checkpointEpochsPerStage: number;
  readonly depths: readonly number[];
  /** Noise seeds per data seed and temperature of the full-batch Langevin control. */
  readonly kramersRuns: number;
  /** How many of kramers.dataSeeds run. */
  readonly kramersDataSeeds: number;
  /** Its budget in epochs (one full-batch step each). */
  readonly kramersEpochs: number;
}

/** The full-batch Langevin control: overdamped Langevin dynamics at a known T on the paper's network. */
export interface KramersControlSettings {
  readonly base: 'rank1-trap';
  readonly beta: number;
  readonly dataSeeds: readonly number[];
  /** The step: the learning rate of the full-batch gradient step and the Langevin time per step. */
  readonly dt: number;
  readonly sigmaThreshold: number;
  /** ΔE/T with Eq. 10's population barrier. */
  readonly barrierRatios: readonly number[];
  /** Langer's τ at least this many times 1/|ω1| for a temperature to enter the headline fit. */
  readonly regimeFactor: number;
  /** The plan's estimate of a run's mean length in epochs at each ratio (cost only). */
  readonly planMeanEpochs: readonly number[];
}

/** golden/protocols/escape-controls.json: the audit's positive controls for the kinetics (not the paper's). */
export interface EscapeControlsFile {
  readonly name: 'escape-controls';
  readonly modeControl: {
    readonly eta: number;
    readonly beta: number;
    readonly depth: number;
    readonly convention: Convention;
    readonly dt: number;
    readonly maxSteps: number;
    readonly barrierRatios: readonly number[];
  };
  readonly network: {
    readonly base: 'rank1-trap';
    readonly checkpointSeed: number;
    readonly lr: number;
    readonly batch: number;
    readonly depths: readonly NetworkControlDepth[];
  };
  /** SGLD sweeps at one depth and temperature: β (Appendix C) and (B, ηlr) with the batch drawing (prediction 3a). */
  readonly sweeps: {
    readonly depth: number;
    readonly barrierRatio: number;
    readonly betas: readonly number[];
    readonly hyperparameters: readonly { readonly batch: number; readonly lr: number }[];
    readonly samplings: readonly ('epoch-permutation' | 'with-replacement')[];
    /** σ2 recorded this many epochs before and after each escape of the base point (Section 3.1 ii, abruptness). */
    readonly riseTrace: { readonly before: number; readonly after: number };
  };
  readonly kramers: KramersControlSettings;
  readonly paper: Readonly<Record<string, string>>;
  readonly profiles: Readonly<Record<Profile, EscapeControlsProfile>>;
}

export const ESCAPE_CONTROLS_PATH = join(PROTOCOL_DIR, 'escape-controls.json');
const ESCAPE_CONTROLS_SCHEMA = join(PROTOCOL_DIR, 'escape-controls.schema.json');

/** Reads golden/protocols/escape-controls.json: its schema, then what the schema cannot say (depths listed once, budgets). */
export function loadEscapeControls(path = ESCAPE_CONTROLS_PATH): EscapeControlsFile {
  const file = loadValidatedJson<EscapeControlsFile>(path, ESCAPE_CONTROLS_SCHEMA);
  const defined = file.network.depths.map((d) => d.depth);
  defined.forEach((d, i) => {
    if (defined.indexOf(d) !== i) throw fieldError(path, `/network/depths/${i}/depth`, `repeats depth ${d}`);
  });
  if (!defined.includes(file.sweeps.depth)) throw fieldError(path, '/sweeps/depth', `is ${file.sweeps.depth}, not a depth of /network/depths`);
  const settings = file.sweeps.hyperparameters.map((h) => `${h.batch}|${h.lr}`);
  settings.forEach((h, i) => {
    if (settings.indexOf(h) !== i) throw fieldError(path, `/sweeps/hyperparameters/${i}`, 'repeats a (batch, lr) setting');
  });
  checkProfiles(path, file.profiles, { epochs: ['epochs', 'sweepEpochs', 'checkpointEpochsPerStage', 'kramersEpochs'] });
  if (file.kramers.planMeanEpochs.length !== file.kramers.barrierRatios.length) {
    throw fieldError(path, '/kramers/planMeanEpochs', `has ${file.kramers.planMeanEpochs.length} entries for ${file.kramers.barrierRatios.length} barrier ratios`);
  }
  for (const profile of PROFILES) {
    file.profiles[profile].depths.forEach((d, i) => {
      if (!defined.includes(d)) throw fieldError(path, `/profiles/${profile}/depths/${i}`, `is ${d}, not a depth of /network/depths`);
    });
    if (file.profiles[profile].kramersDataSeeds > file.kramers.dataSeeds.length) {
      throw fieldError(path, `/profiles/${profile}/kramersDataSeeds`, `is ${file.profiles[profile].kramersDataSeeds}, more than the ${file.kramers.dataSeeds.length} of /kramers/dataSeeds`);
    }
  }
  return file;
}

/**
 * The network control at one depth as a protocol: the rank-1 trap's teacher, data and initial scale, L − 1 hidden
 * layers of the base's width, the depth's annealing and β, one fixed data seed (the checkpoint's), the profile's budgets.
 */
export function networkControlProtocol(file: EscapeControlsFile, profile: Profile, depth: number): Protocol {
  const setting = file.network.depths.find((d) => d.depth === depth);
  if (setting === undefined) throw new RangeError(`the escape controls define no depth ${depth}`);
  const base = protocolForProfile(PROTOCOL_FILES[file.network.base], profile);
  const widths = base.network.widths;
  const hidden = widths[1]!;
  const size = file.profiles[profile];
  return {
    ...base,
    dataSeed: { kind: 'fixed', seed: file.network.checkpointSeed },
    network: { ...base.network, widths: [widths[0]!, ...Array.from({ length: depth - 1 }, () => hidden), widths.at(-1)!] },
    beta: setting.beta,
    lr: file.network.lr,
    batch: file.network.batch,
    epochs: size.epochs,
    start: { kind: 'checkpoint', betas: [...setting.annealing] },
    plateauBranch: [...setting.annealing],
    checkpoint: { ...base.checkpoint, epochsPerStage: size.checkpointEpochsPerStage },
    sigmaThreshold: setting.sigmaThreshold,
  };
}

/**
 * The full-batch Langevin control on one data seed as a protocol: the rank-1 trap's network, teacher and data on that
 * seed's data set, its checkpoint annealed 0 → `checkpointBeta` by the trap's own SGD, then continued at the control's
 * β with the full-batch gradient (B = N, one step per epoch) and step dt — the escape runs add the kick √(2·dt·T)·ξ.
 */
export function kramersControlProtocol(file: EscapeControlsFile, profile: Profile, dataSeed: number, checkpointBeta: number): Protocol {
  const base = protocolForProfile(PROTOCOL_FILES[file.kramers.base], profile);
  const size = file.profiles[profile];
  const annealing = [0, checkpointBeta];
  return {
    ...base,
    dataSeed: { kind: 'fixed', seed: dataSeed },
    beta: file.kramers.beta,
    lr: file.kramers.dt,
    batch: base.data.trainCount,
    epochs: size.kramersEpochs,
    start: { kind: 'checkpoint', betas: annealing },
    plateauBranch: annealing,
    checkpoint: { ...base.checkpoint, epochsPerStage: size.checkpointEpochsPerStage },
    sigmaThreshold: file.kramers.sigmaThreshold,
  };
}
