// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { NoFit } from '../../experiments/index.ts';
import type { Calibration } from '../common/findings.ts';
import type { StatisticalVerdict, DecisionGrounds } from '../../stats/index.ts';
import type { TrapInvariance } from '../trapping/findings.ts';
import type { Verdict } from '../verdicts.ts';

/** An interval's ends. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** The kinds that stand as a reading's note, and within a line that quotes one (kinetics.reading, kinetics.jump-reading). */
export type KineticsNoteKind =
  | 'kinetics.no-fit'
  | 'kinetics.decision'
  | 'kinetics.r2-undecided'
  | 'kinetics.r2-draw'
  | 'kinetics.collapse-test'
  | 'kinetics.jump-rejections'
  | 'kinetics.jump-laws'
  | 'kinetics.jump-slope-ratio'
  | 'kinetics.noise-ratio'
  | 'kinetics.mori-ratio';

/** A reading's note of this subject: a finding of one of the note kinds. */
export type KineticsNote = { [K in KineticsNoteKind]: { readonly kind: K } & Readonly<KineticsFindings[K]> }[KineticsNoteKind];

/** q = B·tr Cov(g_B)/tr C measured at one batch size, with its t interval and the draws behind it. */
export interface NoiseCell {
  readonly batch: number;
  readonly mean: number;
  readonly interval: Interval;
  readonly draws: number;
}

/** The finite-population factor (N − B)/(N − 1) of one batch size. */
export interface PopulationFactor {
  readonly batch: number;
  readonly factor: number;
}

/** The losses at the rank-1 trap and at the saddle out of it, and the barriers they give (network units, m = 2). */
export interface LogLossBarrier {
  /** Regularised loss (MSE + weight decay, with the task's irreducible MSE) and its data part (the MSE alone). */
  readonly trap: { readonly total: number; readonly data: number };
  readonly saddle: { readonly total: number; readonly data: number };
  /** The task's irreducible MSE (1/m)·Σ(1 − η_i²), part of both losses. */
  readonly floor: number;
  /** ΔE = L(θs) − L(θ*), Eq. 10's barrier. */
  readonly deltaE: number;
  /** Mori et al.'s logarithmised barrier ln[L(θs)/L(θ*)] on the regularised loss. */
  readonly logTotal: number;
  /** The same on the MSE alone (the part whose value sets SGD's noise). */
  readonly logData: number;
}

/** Each kind's values. */
export interface KineticsFindings {
  // ---- notes ----
  /** Why no Arrhenius line could be fitted: the fit's own account (null: none given). */
  'kinetics.no-fit': { readonly notEstimable: NoFit | null };
  /** A decision rule's account of its verdict (src/stats). */
  'kinetics.decision': { readonly grounds: DecisionGrounds };
  /** An R² reading without a usable interval: no fit (the fit's account), or too few escapes at some setting. */
  'kinetics.r2-undecided': { readonly notEstimable: NoFit | null; readonly minEscapes: number };
  /**
   * The printed R² as one draw of the sweep: the printed band against the central 1 − `centralAlpha` and the
   * 1 − `wideAlpha` ranges of the seed bootstrap, at `seeds` seeds.
   */
  'kinetics.r2-draw': {
    readonly verdict: StatisticalVerdict;
    readonly band: { readonly value: number; readonly tolerance: number; readonly printed: string | null };
    readonly seeds: number;
    readonly central: Interval;
    readonly centralAlpha: number;
    readonly wide: Interval;
    readonly wideAlpha: number;
  };
  /** The likelihood-ratio test of one line for both sweeps, with the power of the rule; null: no line for one sweep. */
  'kinetics.collapse-test': {
    readonly test: { readonly statistic: number; readonly pValue: number; readonly alpha: number; readonly power: number; readonly targetPower: number; readonly verdict: StatisticalVerdict } | null;
  };
  /** How many testable settings reject the exponential law. */
  'kinetics.jump-rejections': { readonly rejected: number; readonly testable: number };
  /** Three laws ranked by AIC, with the Arrhenius slope; null: falls at fewer than two settings. */
  'kinetics.jump-laws': {
    readonly comparison: {
      readonly better: string;
      readonly ranked: readonly { readonly label: string; readonly deltaAic: number }[];
      readonly slope: number;
      readonly slopeInterval: Interval;
      readonly alpha: number;
      readonly linearityPValue: number | null;
    } | null;
  };
  /** The ratio of two groups' slopes with its interval against the ratio of their barriers; null: not resolved. */
  'kinetics.jump-slope-ratio': {
    readonly ratio: {
      readonly estimate: number;
      readonly interval: Interval;
      readonly barrierRatio: number;
      readonly near: { readonly barrier: number; readonly delta: number };
      readonly far: { readonly barrier: number; readonly delta: number };
    } | null;
  };
  /** q at the largest batch size over q at the smallest. */
  'kinetics.noise-ratio': { readonly ratio: number };
  /** Mori et al.'s logarithmised barrier against the linear one over L(θ*). */
  'kinetics.mori-ratio': { readonly barrier: LogLossBarrier; readonly linear: number };

  // ---- the Arrhenius sweeps (arrhenius.ts, effective-barrier.ts) ----
  /** One setting of a sweep: trapped seeds, escapes within the budget, τ̂ or (without an escape) the lower end of its interval. */
  'kinetics.sweep-point': {
    readonly lr: number;
    readonly batch: number;
    readonly x: number;
    readonly trapped: number;
    readonly seeds: number;
    readonly escapes: number;
    readonly budget: number;
    readonly fit: { readonly meanTime: number | null; readonly lower: number } | null;
  };
  /** A sweep's censored Arrhenius fit, or why there is none. */
  'kinetics.sweep-fit': {
    readonly label: string;
    readonly notEstimable: NoFit | null;
    readonly fit: {
      readonly intercept: number;
      readonly slope: number;
      readonly slopeInterval: Interval;
      readonly alpha: number;
      readonly linearityPValue: number | null;
      readonly preferred: string;
      readonly aicMargin: number;
      readonly powerLawSlope: number;
      readonly leastSquaresR2: number | null;
    } | null;
  };
  /** A reading and its note, as a line of the sweeps' evidence. */
  'kinetics.reading': { readonly label: string; readonly note: KineticsNote };
  /** What the R² rules' calibration spec found (the bootstrap is too costly to repeat per run). */
  'kinetics.r2-calibration': Record<never, never>;
  /** Confound 1 of the collapse: a deterministic drift collapses in B/ηlr too. */
  'kinetics.collapse-drift': Record<never, never>;
  /** Confound 2 of the collapse: the finite-population factor per batch size of N (null: no record gives N). */
  'kinetics.collapse-sampling': {
    readonly population: { readonly n: number; readonly batchSweep: readonly PopulationFactor[]; readonly learningRateSweep: { readonly batch: number | null; readonly factor: number } } | null;
  };
  /** The learning-rate sweep's censored line (null: none, `notEstimable` says why). */
  'kinetics.barrier-sweep': {
    readonly seeds: number;
    readonly epochs: number;
    readonly notEstimable: NoFit | null;
    readonly line: { readonly intercept: number; readonly slope: number } | null;
  };
  /** tr C and D, and how far apart the readings of T_eff put ΔE_eff (the largest 1/T per unit x over the smallest). */
  'kinetics.barrier-temperatures': { readonly trace: number; readonly parameters: number; readonly spread: number };
  /** The ΔE_eff rule's calibration on the sweep's design: seeds per rate, the budget, τ at the smallest B/ηlr. */
  'kinetics.barrier-calibration': { readonly calibration: Calibration; readonly seeds: number; readonly epochs: number; readonly tauAtSmallest: number };

  // ---- the paper against [18], and the downward jumps (one-way-jumps.ts) ----
  /** The noise at the exactly trapped rank-1 state: tr C, its share off the rank-1 set and along the unstable direction. */
  'kinetics.reference-noise': { readonly beta: number; readonly seed: number; readonly trace: number; readonly share: number; readonly unstableShare: number };
  /** Why no mini-batch step leaves the rank-1 set: [18]'s theorem. */
  'kinetics.reference-absorbing': Record<never, never>;
  /** Where [18] stands in the paper, and the direction its mechanism needs. */
  'kinetics.reference-direction': Record<never, never>;
  /** The memorylessness test: budget, family α, settings tested, the falls a setting needs. */
  'kinetics.jump-shape-rule': { readonly budget: number; readonly alpha: number; readonly settings: number; readonly minEscapes: number; readonly minDistinct: number };
  /** One tested setting: falls, their CV, the test's p and whether it rejects. */
  'kinetics.jump-shape': { readonly group: string; readonly lr: number; readonly escapes: number; readonly cv: number | null; readonly pValue: number | null; readonly rejects: boolean };
  /** A reading and its note, as a line of the jumps' evidence. */
  'kinetics.jump-reading': { readonly label: string; readonly note: KineticsNote };
  /** The data set, the budget and the laws compared. */
  'kinetics.jump-laws-design': { readonly seed: number; readonly budget: number; readonly laws: readonly string[] };
  /** One group: its β against β_weak, falls of runs per learning rate. */
  'kinetics.jump-group': { readonly group: string; readonly beta: number; readonly lossBeta: number; readonly falls: readonly { readonly lr: number; readonly fell: number; readonly runs: number }[] };
  /** Eq. 5: at a fixed noise factor the slope is proportional to the barrier. */
  'kinetics.jump-slope-law': Record<never, never>;
  /** One group's slope with its standard error, its barrier (null: none at that β) and the slope per unit of it. */
  'kinetics.jump-slope': {
    readonly group: string;
    readonly slope: number;
    readonly standardError: number;
    readonly matchedEta: number;
    readonly barrier: number | null;
    readonly slopePerBarrier: number | null;
    readonly whitenedEta: number;
  };

  // ---- SGD's noise (sgd-noise.ts) ----
  /** One part of the noise measurement: q per batch size with its interval, and the rule's verdict on them. */
  'kinetics.noise-cells': {
    readonly label: string;
    readonly cells: readonly NoiseCell[];
    readonly verdict: StatisticalVerdict;
  };
  /** tr C of the per-sample gradients, D, N and the data seed. */
  'kinetics.noise-trace': { readonly trace: number; readonly parameters: number; readonly n: number; readonly seed: number };
  /** The finite-population factor at N: per batch size, in the learning-rate sweep, and across the batch-size sweep. */
  'kinetics.finite-population': {
    readonly n: number;
    readonly factors: readonly PopulationFactor[];
    readonly learningRateSweep: PopulationFactor;
    readonly batchSweep: { readonly smallest: PopulationFactor; readonly largest: PopulationFactor };
  };
  /** A rule's calibration for one reading (`label`). */
  'kinetics.reading-calibration': { readonly label: string; readonly calibration: Calibration };
  /** Mori et al.'s law at the trap: the analytic setting, the losses at the trap and at the saddle. */
  'kinetics.mori-losses': { readonly beta: number; readonly etas: readonly number[]; readonly depth: number; readonly barrier: LogLossBarrier };
  /** What the law keeps linear, and how close the logarithmised barrier is to the linear one over L(θ*). */
  'kinetics.mori-linear': { readonly barrier: LogLossBarrier; readonly linear: number };
  /** The same on the MSE alone. */
  'kinetics.mori-data': { readonly barrier: LogLossBarrier };
  /** The rule on F.3's own terms. */
  'kinetics.mori-rule': Record<never, never>;
  /** The rule on the control's temperature sweeps (`control`: whose noise), with the AIC margin that decides. */
  'kinetics.control-law-rule': { readonly control: string; readonly margin: number };
  /** One sweep: the law the censored likelihood prefers and by how much, or why there is no fit. */
  'kinetics.sweep-law': { readonly label: string; readonly notEstimable: NoFit | null; readonly preferred: { readonly label: string; readonly aicMargin: number } | null };
  /** The rule on the paper's sweeps, with the AIC margin that decides. */
  'kinetics.sweep-law-rule': { readonly margin: number };

  // ---- why a rule states no size or power (index.ts) ----
  /** The noise share is computed exactly at the trap. */
  'kinetics.calibration-exact-share': Record<never, never>;
  /** The family of shape tests keeps its size by the Bonferroni split. */
  'kinetics.calibration-shape-family': Record<never, never>;
  /** The rule ranks fitted laws by AIC and tests no printed value. */
  'kinetics.calibration-law-ranking': Record<never, never>;
  /** The slope ratio's Wald interval keeps its size asymptotically. */
  'kinetics.calibration-slope-ratio': Record<never, never>;

  // ---- escape time against β and depth (escape-trends.ts) ----
  /** The paper's own per-seed runs of the rank-1 trap: runs, trapped, escaped; whether the control half is read beside them. */
  'kinetics.paper-runs': { readonly runs: number; readonly trapped: number; readonly escaped: number; readonly withControl: boolean };
  /** The audit's claim that reads the escape-time half under SGLD noise, its verdict and value. */
  'kinetics.depth-control': { readonly claim: string; readonly verdict: Verdict; readonly value: string | null };

  // ---- what would decide an inconclusive claim, why one is not reproducible as specified ----
  /**
   * A sweep with too few escapes: the escapes it needs (`escapes` at every learning rate, or escapes at two of them),
   * then a budget longer than `epochs` at the protocol's checkpoint or the checkpoint variants (epochs per stage).
   */
  'kinetics.would-decide-sweep': { readonly needed: { readonly atEveryRate: number } | 'two-rates'; readonly epochs: number; readonly variants: readonly number[] };
  /** The collapse without a line for a sweep: escapes at two settings in each, from the checkpoint variants. */
  'kinetics.would-decide-collapse-escapes': Record<never, never>;
  /** The collapse not rejected with too little power: more trapped runs until the power at ×2 reaches `targetPower`. */
  'kinetics.would-decide-collapse-power': { readonly targetPower: number };
  /** No setting with enough falls to test the shape: `falls` at one setting. */
  'kinetics.would-decide-falls': { readonly falls: number };
  /** No law leading: falls until one leads by ΔAIC > `margin`. */
  'kinetics.would-decide-laws': { readonly margin: number };
  /** A slope not resolved: falls at `learningRates` rates or more in the nearest and the farthest group. */
  'kinetics.would-decide-slopes': { readonly learningRates: number };
  /** The paper's SGD from the rank-1 trap without an escape to read: escapes within a longer budget. */
  /**
   * The learning-rate sweep at the protocol's checkpoint never leaves its invariant trap: the trap's account, and the
   * sweep's seeds, learning rates and epochs.
   */
  'kinetics.sweep-not-reproducible': { readonly invariance: TrapInvariance; readonly seeds: number; readonly learningRates: number; readonly epochs: number };
  /**
   * The paper's SGD never leaves the rank-1 trap: the trap's account, and the escapes the claim is about — the escape
   * times of a growth its analytic half states (that half's label), or the escapes whose law F.3 describes.
   */
  'kinetics.paper-trap-not-reproducible': { readonly invariance: TrapInvariance; readonly escapes: { readonly growth: string } | 'law' };
}
