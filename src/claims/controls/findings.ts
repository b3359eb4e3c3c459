// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { NoFit } from '../../experiments/index.ts';
import type { Calibration } from '../common/findings.ts';
import type { DecisionGrounds } from '../../stats/index.ts';

/** No values: the finding is the sentence its kind stands for. */
type Fixed = Record<string, never>;

/**
 * Why no censored line ln τ = a + b·x was fitted: runs escaped at fewer than two of the settings, or the fit's own
 * account of its failure (src/stats).
 */
export type NoSlope = { readonly escapedSettings: number; readonly settings: number } | { readonly failure: string };

/** A censored slope over a barrier (slope/ΔE), with its 1 − α interval. */
export interface SlopeRatio {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly alpha: number;
}

/** One form of the censored line: no slope, or slope/ΔE and (decided against the paper's value) the decision's grounds. */
export type SlopeReading = { readonly noSlope: NoSlope } | { readonly ratio: SlopeRatio; readonly grounds: DecisionGrounds | null };

/** The censored exponential fit of one set of runs: τ̂ (null without an escape) and its 95 % likelihood-ratio interval. */
export interface TauEstimate {
  readonly runs: number;
  readonly escapes: number;
  readonly meanTime: number | null;
  readonly lower: number;
  readonly upper: number;
}

/** A censored slope d ln τ/dx with its 1 − α interval, over so many settings, and the line's linearity p-value. */
export interface Trend {
  readonly slope: number;
  readonly lower: number;
  readonly upper: number;
  readonly alpha: number;
  readonly settings: number;
  readonly linearityPValue: number | null;
}

/** One depth against the next by the one-sided rank test; test null where one of them has no trapped run. */
export interface RankComparison {
  readonly shallow: number;
  readonly deep: number;
  readonly test: { readonly fractionLater: number; readonly pairs: number; readonly u: number; readonly pLater: number; readonly pEarlier: number } | null;
}

/** One depth's τ̂ at the common temperature (null without a trapped run). */
export interface DepthTau {
  readonly depth: number;
  readonly tau: TauEstimate | null;
}

/**
 * The laws fitted to one checkpoint variant's sweep: the censored likelihood's preferred law (its label as fitArrhenius
 * gives it) by its AIC margin against the margin that decides, the power-law exponent with its interval, the Arrhenius
 * slope and the least-squares R² (null: a rate without escapes); or, without a fit, the fit's account of why (null: none given).
 */
export type CheckpointLaw =
  | { readonly notEstimable: NoFit | null }
  | {
      readonly preferred: string;
      readonly aicMargin: number;
      readonly decisionMargin: number;
      readonly powerExponent: { readonly estimate: number; readonly lower: number; readonly upper: number };
      readonly arrheniusSlope: number;
      readonly leastSquaresR2: number | null;
    };

/** One data set's headline line: no slope, or slope/ΔE of its own barrier and the data set's verdict. */
export type DataSetSlope =
  | { readonly dataSeed: number; readonly noSlope: NoSlope }
  | { readonly dataSeed: number; readonly barrier: number; readonly ratio: SlopeRatio; readonly verdict: string };

/** The data sets' slopes/ΔE pooled by inverse variance (estimate null: fewer than two slopes to pool). */
export interface PooledSlope {
  readonly dataSets: number;
  readonly estimate: { readonly mean: number; readonly lower: number; readonly upper: number; readonly alpha: number; readonly grounds: DecisionGrounds } | null;
}

/** One temperature of a data set of the full-batch control: τ̂ (null without an escape) beside Langer's τ. */
export interface KramersPoint {
  readonly barrierRatio: number;
  readonly escapes: number;
  readonly runs: number;
  readonly meanTime: number | null;
  readonly langer: number;
  /** τ̂ over Langer's τ; null without τ̂. */
  readonly overLanger: number | null;
  readonly inRegime: boolean;
}

/**
 * What would decide an undecided reading where no statistical rule says (common.would-decide does where one does):
 * escapes at two temperatures at least (a slope needs two), more seeds per temperature, both, more noise seeds at the
 * common temperature or escapes at every depth, escapes at every learning rate from the under-trained checkpoints,
 * more noise seeds per (B, ηlr) setting, escapes under the paper's SGD within a longer budget.
 */
export type ControlNeed =
  | 'escapes-at-two-temperatures'
  | 'seeds-per-temperature'
  | 'escapes-and-seeds'
  | 'seeds-or-escapes-at-every-depth'
  | 'escapes-from-undertrained'
  | 'seeds-per-noise-setting'
  | 'paper-sgd-longer-budget';

/** A data set the full-batch control leaves undecided, and how many of its temperatures lie in Kramers' regime. */
export interface OpenDataSet {
  readonly dataSeed: number;
  readonly temperaturesInRegime: number;
}

/**
 * Each kind's values. A `label: string | null` is the reading's label where the finding is an evidence line under it,
 * null where it is the reading's own note (the reading carries the label).
 */
export interface ControlsFindings {
  /** Why a censored line has no slope. */
  'controls.no-slope': { readonly label: string | null; readonly noSlope: NoSlope };
  /** The same, as "no slope" under a reading's label. */
  'controls.no-slope-for': { readonly label: string; readonly noSlope: NoSlope };
  /** One form of the censored line read as slope/ΔE. */
  'controls.slope-reading': { readonly label: string | null; readonly slope: SlopeReading };
  /** A decision's own account (src/stats), as a reading's note. */
  'controls.decision': { readonly grounds: DecisionGrounds };

  // The one-mode control.
  'controls.mode-setting': {
    readonly eta: number;
    readonly beta: number;
    readonly depth: number;
    readonly barrier: number;
    readonly dt: number;
    readonly seeds: number;
    readonly barrierScale: number;
    /** The barrier of the simulated potential (barrierScale × ΔE). */
    readonly simulatedBarrier: number;
  };
  'controls.mode-no-slope': { readonly noSlope: NoSlope };
  'controls.mode-point': {
    readonly ratio: number;
    readonly temperature: number;
    readonly maxSteps: number;
    readonly tau: TauEstimate;
    readonly exactMeanTime: number;
    readonly kramersTime: number;
  };
  'controls.mode-fit': { readonly intercept: number; readonly slope: number; readonly ratio: SlopeRatio; readonly linearityPValue: number | null };
  /** Kramers' intercept against the fitted one, and the largest ΔE/T of the design. */
  'controls.mode-intercept': { readonly prefactor: number; readonly intercept: number; readonly maxRatio: number };
  'controls.mode-rule': { readonly resolution: number; readonly grounds: DecisionGrounds };
  'controls.mode-calibration': { readonly calibration: Calibration };

  // The network with SGLD at L = 3.
  'controls.network-setting': {
    readonly widths: readonly number[];
    readonly checkpointSeed: number;
    readonly annealing: readonly number[];
    readonly checkpointEpochsPerStage: number;
    readonly beta: number;
    readonly lr: number;
    readonly batch: number;
    readonly sigmaThreshold: number;
    readonly epochs: number;
  };
  /** ΔE of Eq. 10, and the loss difference of the sample's own saddle on the data of seed `sampleSeed`. */
  'controls.network-barrier': { readonly barrier: number; readonly sampleSeed: number; readonly sampleLossDifference: number };
  /** The saddle's zero-mode excess by (L − 1)(w − 2), and by the Appendix F Hessians. */
  'controls.network-zero-modes': { readonly excess: number; readonly hessianExcess: number };
  /** Each form's slope/ΔE (null: no slope), against ΔE itself. */
  'controls.network-against-barrier': { readonly forms: readonly { readonly label: string; readonly ratio: number | null }[] };
  /** One temperature: its trapped runs (`untrapped` did not start trapped) and τ̂ where there is one. */
  'controls.network-point': {
    readonly temperature: number;
    readonly ratio: number;
    readonly escapes: number;
    readonly trapped: number;
    readonly untrapped: number;
    readonly tau: { readonly meanTime: number; readonly lower: number; readonly upper: number } | null;
  };
  /** The calibration, the paper's factor as printed. */
  'controls.network-calibration': { readonly calibration: Calibration; readonly printed: string };
  /** Why a rule states no calibration. */
  'controls.uncalibrated': { readonly why: 'no-slope' | 'no-headline-slope' | 'one-depth' };

  // Depth (prediction 2).
  'controls.depth-form': { readonly depth: number; readonly barrier: number; readonly label: string; readonly slope: SlopeReading };
  /** Per depth, the barrier of the runs' own data set beside the population's and the plain slope over it; whether it grows with depth. */
  'controls.sample-barrier': {
    readonly depths: readonly { readonly depth: number; readonly sampleBarrier: number; readonly barrier: number; readonly slopeRatio: number | null }[];
    readonly grows: boolean;
  };
  'controls.one-depth': { readonly depths: readonly number[] };
  'controls.one-depth-note': Fixed;
  'controls.depth-setting': { readonly temperature: number; readonly deepest: number; readonly shallowest: number };
  'controls.depth-rank': { readonly comparison: RankComparison };
  /** Every comparison, as the rank reading's note. */
  'controls.depth-ranks': { readonly comparisons: readonly RankComparison[] };
  'controls.depth-rule': { readonly alpha: number };
  'controls.depth-calibration': { readonly calibration: Calibration };
  'controls.depth-tau': { readonly tau: DepthTau; readonly alpha: number };
  /** Every depth's τ̂, as the exponential reading's note. */
  'controls.depth-taus': { readonly taus: readonly DepthTau[]; readonly alpha: number };
  'controls.depth-exponential-rule': Fixed;

  // Under-trained checkpoints.
  'controls.checkpoint-law': { readonly label: string | null; readonly law: CheckpointLaw };
  'controls.no-checkpoint-variant': Fixed;
  'controls.undertrained-setting': { readonly rates: readonly number[]; readonly seeds: number; readonly epochs: number };
  'controls.relaxation': Fixed;
  /** Why the rule between two non-nested laws states no size or power. */
  'controls.law-rule-uncalibrated': Fixed;

  // The full-batch Langevin control.
  'controls.kramers-setting': {
    readonly widths: readonly number[];
    readonly dt: number;
    readonly beta: number;
    readonly sigmaThreshold: number;
    readonly runsPerPoint: number;
    readonly epochs: number;
    readonly budgetTime: number;
  };
  'controls.kramers-rule': { readonly resolution: number; readonly excess: number; readonly regimeFactor: number };
  'controls.kramers-form': { readonly label: string | null; readonly dataSets: readonly DataSetSlope[] };
  'controls.kramers-pooled': { readonly label: string | null; readonly pooled: PooledSlope };
  /** One data set: its barrier on its own sample, its minimum and saddle, and τ per temperature beside Langer's. */
  'controls.kramers-data-set': {
    readonly dataSeed: number;
    readonly checkpointBeta: number;
    readonly barrier: number;
    readonly populationBarrier: number;
    readonly trappedIndex: number;
    readonly saddleIndex: number;
    readonly saddleGradientNorm: number;
    readonly negativeEigenvalue: number;
    readonly zeroModeExcess: number;
    readonly points: readonly KramersPoint[];
  };
  'controls.kramers-calibration': { readonly calibration: Calibration };

  // The SGLD sweeps.
  /** The setting of the β sweep; `noise` is the label prefix of the control's readings. */
  'controls.beta-setting': {
    readonly noise: string;
    readonly depth: number;
    readonly betas: readonly number[];
    readonly temperature: number;
    readonly baseBeta: number;
    readonly barrierRatio: number;
    readonly epochs: number;
  };
  'controls.beta-point': { readonly beta: number; readonly barrier: number; readonly barrierRatio: number; readonly tau: TauEstimate | null };
  /** The rule on τ against β, and its reading: no slope, or the trend with its calibration. */
  'controls.beta-rule': { readonly label: string; readonly result: { readonly noSlope: NoSlope } | { readonly trend: Trend; readonly calibration: Calibration } };
  'controls.trend': { readonly trend: Trend };
  /** Arrhenius against a power of T: the preferred law's label, its AIC margin, the margin that decides, over so many temperatures. */
  'controls.temperature-law': { readonly label: string | null; readonly better: string; readonly margin: number; readonly decisionMargin: number; readonly temperatures: number };
  /** ln τ on ηlr/B: the trend, τ's change across the design (`tauChange`), and the band |slope| < ln(factor)/range of invisible noise. */
  'controls.noise-trend': {
    readonly label: string | null;
    readonly slope: number;
    readonly lower: number;
    readonly upper: number;
    readonly alpha: number;
    readonly tauChange: number;
    readonly factor: number;
    readonly range: number;
    readonly bound: number;
    readonly linearityPValue: number | null;
  };
  'controls.noise-calibration': { readonly calibration: Calibration; readonly factor: number };
  'controls.noise-setting': { readonly noise: string; readonly depth: number; readonly baseBeta: number; readonly temperature: number; readonly barrierRatio: number; readonly epochs: number };
  'controls.noise-point': { readonly sampling: string; readonly batch: number; readonly lr: number; readonly lrOverBatch: number; readonly timePerEpoch: number; readonly tau: TauEstimate | null };
  'controls.noise-rule': { readonly factor: number };
  /** The paper's SGD headline: not reproducible as specified, or no escape to read within the budget. */
  'controls.paper-sgd': { readonly notReproducible: boolean };
  /** Why a verdict decided by the trap's invariance states no size or power. */
  'controls.invariance-calibration': Fixed;

  // What would decide an undecided reading.
  'controls.would-decide': { readonly need: ControlNeed };
  /** The profiles that run every depth, and their depths. */
  'controls.would-decide-depths': { readonly profiles: readonly string[]; readonly depths: readonly number[] };
  /** A narrower interval on the data sets the headline leaves undecided. */
  'controls.would-decide-data-sets': { readonly dataSets: readonly OpenDataSet[] };
}
