// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { StatisticalVerdict, DecisionGrounds } from '../../stats/index.ts';
import type { Calibration } from '../common/findings.ts';
import type { Verdict } from '../verdicts.ts';

/** A slope with its 1 − α interval (and the degrees of freedom of its t interval). */
export interface SlopeInterval {
  readonly slope: number;
  readonly lower: number;
  readonly upper: number;
  readonly dof: number;
}

/** A run of the plateau experiment by its data seed, initial scale and the epochs its plateaus ended (null: not learned). */
export interface PlateauRun {
  readonly dataSeed: number;
  readonly initStd: number;
  readonly riseEpochs: readonly (number | null)[];
}

/** The three parts of the staircase claim's verdict. */
export interface StagedParts {
  readonly staircase: Verdict;
  readonly location: Verdict;
  readonly hysteresis: Verdict;
}

/** (Seed, mode) pairs of a down sweep with a located up transition: those it regains, and those regained strictly below. */
export interface HysteresisCounts {
  readonly pairs: number;
  readonly regained: number;
  readonly below: number;
}

/** One mode's exponential fit at one temperature (null where no run started trapped). */
export interface ModeWait {
  readonly eta: number;
  readonly fit: { readonly meanTime: number | null; readonly lower: number; readonly upper: number; readonly escapes: number } | null;
}

/** Each kind's values. */
export interface StagedFindings {
  /** A decision's own account of itself (src/stats), as a reading's note. */
  'staged.decision': { readonly grounds: DecisionGrounds };
  /** The verdict's three parts, as a line. */
  'staged.parts': StagedParts;
  /** The same as the headline's note. */
  'staged.parts-note': StagedParts;
  /** The sweeps' setting: features, outputs, depth, seeds and sweep directions. */
  'staged.sweeps-setup': { readonly etas: readonly number[]; readonly outputs: number; readonly depth: number; readonly seeds: number; readonly directions: readonly string[] };
  /** How a network β maps onto Eq. 3's. */
  'staged.units': Record<never, never>;
  /** Data seeds whose up sweep drops one rank at a time in η order. */
  'staged.staircase': { readonly stairs: number; readonly seeds: number; readonly modes: number };
  /** The same as the staircase reading's note. */
  'staged.staircase-note': { readonly stairs: number; readonly seeds: number };
  /**
   * One mode's mean gap (m/2)·β_up − βc on one basis (`label`: the reading's) over data seeds, and the decision; null
   * where the transition is not located on every seed, or on fewer than two.
   */
  'staged.location': {
    readonly label: string;
    readonly eta: number;
    readonly located: number;
    readonly seeds: number;
    readonly gap: { readonly mean: number; readonly sd: number; readonly min: number; readonly max: number; readonly verdict: StatisticalVerdict; readonly grounds: DecisionGrounds } | null;
  };
  /** What a location reading's value is. */
  'staged.location-note': { readonly tolerance: number };
  /** The plain down sweep's hysteresis over (seed, mode) pairs (`label`: the reading's), and the bound of the share without it. */
  'staged.hysteresis': { readonly label: string; readonly counts: HysteresisCounts; readonly shown: number; readonly alpha: number; readonly bound: number | null };
  /** The same as the reading's note. */
  'staged.hysteresis-note': { readonly pairs: number; readonly shown: number };
  /** The kicked down sweep: pairs regained, and the kick's size against the saddles. */
  'staged.kick': {
    readonly std: number;
    readonly counts: HysteresisCounts;
    readonly hiddenWidth: number;
    readonly depth: number;
    /** The sd of the end-to-end map's entries from the kick alone. */
    readonly kick: number;
    readonly lambdaC: readonly number[];
    readonly etas: readonly number[];
  };
  /** What the paper predicts of a down sweep. */
  'staged.paper-prediction': Record<never, never>;
  /** The staircase claim's rule. */
  'staged.rank-drops-rule': { readonly tolerance: number; readonly alpha: number };
  /** Its calibration: the counted parts' bound (null: no seed), the location part's calibration (null: too few seeds). */
  'staged.rank-drops-calibration': { readonly seeds: number; readonly bound: number | null; readonly location: Calibration | null };
  /** The plateau runs' setting. */
  'staged.plateau-setup': { readonly runs: number; readonly initStds: readonly number[]; readonly beta: number; readonly lr: number; readonly batch: number; readonly epochs: number };
  /** Runs strictly in η order, runs with a tie, runs reversing two modes or leaving one unlearned. */
  'staged.plateau-order': { readonly runs: number; readonly strict: number; readonly ties: readonly PlateauRun[]; readonly failing: readonly PlateauRun[] };
  /** decidePlateauOrder's note: too few runs (share null, fewer than 3), none reversed (failing 0), or the in-order share's interval. */
  'staged.plateau-order-note': { readonly runs: number; readonly failing: number; readonly share: { readonly lower: number; readonly upper: number } | null; readonly tooFew: boolean };
  /** The strict reading's count. */
  'staged.strict-order-note': { readonly strict: number; readonly runs: number };
  /** What a tie is, and how each reading counts it. */
  'staged.tie': Record<never, never>;
  /** The order rule, with its calibration (null: fewer than three runs). */
  'staged.plateau-order-rule': { readonly calibration: Calibration | null };
  /** The plateau ends' setting. */
  'staged.timing-setup': { readonly points: number; readonly beta: number; readonly lr: number; readonly batch: number; readonly depth: number; readonly initStds: readonly number[] };
  /** The u0 exponent within (seed, mode) (null: too few points), against the deterministic and the activated readings. */
  'staged.u0-exponent': { readonly fit: SlopeInterval | null; readonly alpha: number; readonly depth: number; readonly deterministic: number; readonly activated: StatisticalVerdict | null };
  /** What the u0 exponent decides. */
  'staged.timing-meaning': { readonly beta: number };
  /** Saxe et al.'s 1/s_k law within (seed, u0) (null: too few points). */
  'staged.sk-exponent': { readonly fit: SlopeInterval | null };
  /** Residual sums of squares of the power law and the exponential across modes. */
  'staged.law-rss': { readonly power: number; readonly exponential: number };
  /** The timing rule, with its calibration (null: no u0 exponent). */
  'staged.timing-rule': { readonly tolerance: number; readonly calibration: Calibration | null };
  /** Too few plateau ends for a within-group slope. */
  'staged.too-few-plateaus': Record<never, never>;
  /** The staged escape's setting: network, β, budget, one-mode barriers. */
  'staged.escape-setup': { readonly modes: number; readonly beta: number; readonly epochs: number; readonly barriers: readonly number[]; readonly etas: readonly number[] };
  /** The censored fit of ln τ_k on ΔE_k/T across (mode, T) settings, and the decision. */
  'staged.slope-fit': { readonly intercept: number; readonly slope: number; readonly lower: number; readonly upper: number; readonly settings: number; readonly alpha: number; readonly linearityP: number | null; readonly grounds: DecisionGrounds };
  /** No slope: escapes at too few settings. */
  'staged.no-slope': { readonly settings: number };
  /** The same as the slope reading's note. */
  'staged.no-slope-note': { readonly settings: number };
  /** No slope: the fit's own message (src/stats). */
  'staged.slope-failed': { readonly message: string };
  /** The same as the slope reading's note. */
  'staged.slope-failed-note': { readonly message: string };
  /**
   * Each mode's own Arrhenius slope over its barrier, with its interval; `fit` null with `message` null where it
   * escapes at fewer than two temperatures, `message` the fit's own where the fit failed.
   */
  'staged.per-mode-slopes': {
    readonly modes: readonly { readonly eta: number; readonly fit: { readonly ratio: number; readonly lower: number; readonly upper: number } | null; readonly message: string | null }[];
  };
  /** One temperature: successive waits against one-mode Arrhenius, each mode's τ̂, the runs' orders. */
  'staged.temperature': {
    readonly temperature: number;
    readonly trapped: number;
    /** τ̂_{k+1}/τ̂_k where both are finite and nonzero (else null), and one-mode Arrhenius's ratio. */
    readonly ratios: readonly { readonly observed: number | null; readonly predicted: number }[];
    readonly waits: readonly ModeWait[];
    readonly barriersOverT: readonly number[];
    readonly complete: number;
    readonly inOrder: number;
    readonly oneAtATime: number;
    /** P(η order) for independent exponential waits with the fitted rates. */
    readonly orderProbability: number;
  };
  /** Successive pairs of mean waits in η order. */
  'staged.order-note': { readonly ordered: number; readonly pairs: number };
  /** The staged escape's rule. */
  'staged.escape-rule': { readonly tolerance: number };
  /** The slope part's calibration (null: no slope). */
  'staged.escape-calibration': { readonly calibration: Calibration | null };
  /** What would decide the staircase claim: more data seeds, about `seeds` for the t interval of the mean gap at α. */
  'staged.would-decide-rank-drops': { readonly alpha: number; readonly seeds: number };
  /** What would decide the plateau order. */
  'staged.would-decide-plateau-order': Record<never, never>;
  /** What would decide the plateau timing. */
  'staged.would-decide-plateau-timing': Record<never, never>;
  /** What would decide the staged escape. */
  'staged.would-decide-escape': Record<never, never>;
}
