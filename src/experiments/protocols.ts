import type { DataDesign, TeacherSpec } from '../data/index.ts';
import type { NetworkShape } from '../engine/index.ts';

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
 * A training protocol of Section 3.1 / Appendix A as plain data (a later issue moves these into
 * schema-checked JSON under golden/protocols/). `start.betas` and `plateauBranch` are annealing
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
}

// Appendix A: "d = 2 non-zero singular values η1 = 0.9, η2 = 0.8 with Σxx = I"; p = 2 inputs and outputs.
const TEACHER: TeacherSpec = { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] };
// Appendix A: "depth L = 3 (two hidden layers) with hidden width w = 10 and output dimension p = 2".
// No biases: "the end-to-end map is a single matrix product". (The paper's D = 170 is checked elsewhere.)
const NETWORK: NetworkShape = { widths: [2, 10, 10, 2], biases: false };
// Appendix A: "weights drawn from a standard normal distribution scaled by 1/√w" (w = 10); the same
// section also writes N(0, 1/√w), which could be read as variance 1/√w — we take std = 1/√10.
const INIT_STD = 1 / Math.sqrt(10);
// Appendix A: "Training and test data each consist of N = 512 samples".
const IID_512: DataDesign = { kind: 'iid', trainCount: 512, testCount: 512 };
// Ours: 5000 SGD epochs per annealing stage at the protocol's lr and batch (40 000 steps at B = 64).
const CHECKPOINT_EPOCHS = 5000;
// Ours: deterministic descent to |∇| < 1e-9 (or 10⁶ steps) for the branch values of the escape rule.
const REFERENCE = { maxSteps: 1_000_000, gradientTolerance: 1e-9 };
// Ours, for β = 0.32: Eq. 2 with η2 = 0.8 puts the saddle at λ ≈ 0.093 and the rank-2 minimum at
// λ ≈ 0.343, so σ2 > 0.2 means the weak mode is past the barrier.
const SIGMA_THRESHOLD_TRAP = 0.2;

const TRAPPING_COMMON = {
  teacher: TEACHER,
  data: IID_512,
  dataSeed: { kind: 'per-seed' },
  network: NETWORK,
  initStd: INIT_STD,
  beta: 0.32, // Section 3.1: "we operate at β = 0.32"
  lr: 0.08, // "All three experiments use the learning rate ηlr = 0.08"
  batch: 64, // "and batch size B = 64"
  epochs: 20_000, // Appendix A: "training run for 2 × 10^4 epochs"
  checkpoint: { kind: 'sgd-epochs', epochsPerStage: CHECKPOINT_EPOCHS, lr: 0.08, batch: 64 },
  referenceDescent: { lr: 0.08, ...REFERENCE },
  sigmaMode: 2,
  sigmaThreshold: SIGMA_THRESHOLD_TRAP,
  // Appendix A: "escape ... is identified as the epoch at which test MSE drops below a threshold midway
  // between the metastable plateau value and the global minimum value".
  primaryEscapeRule: 'test-mse-midpoint',
} as const satisfies Partial<Protocol>;

export const PROTOCOLS: Readonly<Record<ProtocolName, Protocol>> = {
  'random-init': {
    name: 'random-init',
    ...TRAPPING_COMMON,
    // "Random initialisation: weights drawn from a standard normal distribution scaled by 1/√w".
    start: { kind: 'random' },
    // Ours: the paper names no plateau for this baseline; we use the rank-1 branch, as for rank1-trap.
    plateauBranch: [0, 0.361],
  },
  'rank1-trap': {
    name: 'rank1-trap',
    ...TRAPPING_COMMON,
    // "model initialised from a checkpoint trained to convergence at β = 0.361 > βc(1) = 0.360", after
    // "the model is first trained to convergence βinit = 0 to get the full rank solution".
    start: { kind: 'checkpoint', betas: [0, 0.361] },
    plateauBranch: [0, 0.361],
  },
  'trivial-trap': {
    name: 'trivial-trap',
    ...TRAPPING_COMMON,
    // "initialised from a checkpoint trained to convergence at β = 0.43 > βc(2) = 0.42".
    start: { kind: 'checkpoint', betas: [0, 0.43] },
    // The run's own trapped (rank-0) state is the plateau; the rank-1 stage sits between the two values.
    plateauBranch: [0, 0.43],
  },
  sparse: {
    name: 'sparse',
    // "weak correlation 0.8 and strong correlation 0.9 (Σxx = I)".
    teacher: TEACHER,
    // "a random 25-sample subset of a 5 000-sample pool", "(disjoint, 10 000-sample) test set".
    data: { kind: 'subsample', poolCount: 5000, trainCount: 25, testCount: 10_000 },
    dataSeed: { kind: 'per-seed' },
    network: NETWORK,
    initStd: INIT_STD,
    beta: 0.0025, // "trained at β = 0.0025"
    lr: 0.1, // "ηlr = 0.1"
    batch: 64, // "B = 64": above the 25 samples, so one full batch per epoch (no mini-batch noise)
    epochs: 20_000, // Ours: the paper gives no budget for Fig. 1(b); escape is reported at ≈ 1500 epochs.
    // "initialised in the rank-1 trapped state": the paper gives no checkpoint β; ours is β_ck = 0.361 as
    // for rank1-trap, on the sparse training set, at the sparse lr and batch.
    start: { kind: 'checkpoint', betas: [0, 0.361] },
    checkpoint: { kind: 'sgd-epochs', epochsPerStage: CHECKPOINT_EPOCHS, lr: 0.1, batch: 64 },
    plateauBranch: [0, 0.361],
    referenceDescent: { lr: 0.1, ...REFERENCE },
    sigmaMode: 2,
    sigmaThreshold: 1e-3, // "the second singular value of the end-to-end map rises above ... σ2 > 10^-3"
    primaryEscapeRule: 'sigma-threshold',
  },
};

export function isProtocolName(name: string): name is ProtocolName {
  return (PROTOCOL_NAMES as readonly string[]).includes(name);
}

/** The settings a command line may override for the continued run (never the checkpoints). */
export interface RunOverrides {
  readonly epochs?: number;
  readonly lr?: number;
  readonly batch?: number;
  readonly beta?: number;
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
