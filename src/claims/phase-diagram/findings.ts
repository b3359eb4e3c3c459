// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { StatisticalVerdict, DecisionGrounds, WouldDecide } from '../../stats/index.ts';
import type { Calibration, NestedFinding } from '../common/findings.ts';
import type { Verdict } from '../verdicts.ts';

/** A run of data seeds by count and by its first and last seed (null: none). */
export interface SeedRange {
  readonly count: number;
  readonly first: number | null;
  readonly last: number | null;
}

/** A mean over data seeds and its standard deviation. */
export interface MeanSd {
  readonly mean: number;
  readonly sd: number;
}

/** A printed value and its band: the printed text, the value, ± the tolerance. */
export interface PrintedBand {
  readonly value: number;
  readonly tolerance: number;
  readonly printed: string | null;
}

/**
 * One data set's transition against a printed band (decideSingleDataSet): the central range of the data sets'
 * transitions at the reproduce level, and the 1 − α normal prediction interval for one more data set.
 */
export interface SingleDataSet {
  readonly verdict: StatisticalVerdict;
  readonly band: PrintedBand;
  /** Data sets with a located transition. */
  readonly count: number;
  readonly alpha: number;
  readonly reproduceAlpha: number;
  /** The central 1 − reproduceAlpha range of the transitions (empirical quantiles). */
  readonly range: readonly [number, number];
  /** The 1 − α prediction interval for one data set. */
  readonly prediction: readonly [number, number];
}

/** A sweep direction and the mode it reads. */
export interface SweptMode {
  readonly direction: 'up' | 'down-perturbed';
  readonly eta: number;
}

/**
 * A mean over data seeds of the located transition against a printed band: how many seeds swept, how many located
 * it; with every seed located, the mean, its spread and range, and the decision (its grounds, and `wouldDecide`: the
 * rule's own account).
 */
export interface TransitionMean {
  readonly mode: SweptMode;
  readonly printed: string | null;
  readonly seeds: number;
  readonly located: number;
  readonly mean: {
    readonly estimate: number;
    readonly sd: number;
    readonly min: number;
    readonly max: number;
    readonly verdict: Verdict;
    readonly grounds: DecisionGrounds;
    readonly wouldDecide: WouldDecide | null;
  } | null;
}

/** A printed drop less Eq. 3 on the population. */
export interface PrintedGap {
  readonly printed: string | null;
  readonly eq3: number;
  readonly gap: number;
}

/** Each kind's values. */
export interface PhaseDiagramFindings {
  /** The sweeps' protocol: seeds, grid, descent, convergence, how transitions are located, α. */
  'phase-diagram.protocol': {
    readonly up: SeedRange;
    readonly down: SeedRange;
    readonly grid: { readonly from: number; readonly step: number; readonly to: number };
    readonly lr: number;
    readonly gradientTolerance: number;
    readonly points: number;
    readonly unconverged: number;
    readonly maxSteps: number;
    readonly halved: number;
    readonly rankThreshold: number;
    readonly bisections: number;
    readonly alpha: number;
  };
  /** A reading's mean of located transitions, as a line (`label`: the reading's). */
  'phase-diagram.transition-mean': { readonly label: string } & TransitionMean;
  /** The same as a reading's note. */
  'phase-diagram.transition-mean-note': TransitionMean;
  /** Eq. 3 on the population η against the printed value, and the claim that judges it. */
  'phase-diagram.eq3-population': { readonly eta: number; readonly value: number; readonly printed: string | null; readonly judgedIn: string };
  /** Eq. 3 on the sample's singular values (raw or whitened) over data seeds against the printed value. */
  'phase-diagram.eq3-sample': { readonly basis: 'raw' | 'whitened'; readonly eta: number; readonly mean: number; readonly sd: number; readonly seeds: number; readonly printed: string | null };
  /** Where the plain down sweep and the measured drops against Eq. 3 are judged. */
  'phase-diagram.judged-elsewhere': Record<never, never>;
  /** One data set's transition (up) against the printed value, with the rule's calibration (null: fewer than two located). */
  'phase-diagram.one-data-set': {
    readonly label: string;
    readonly single: { readonly median: number; readonly decision: SingleDataSet; readonly calibration: Calibration } | null;
  };
  /** decideSingleDataSet's decision as a reading's note (null: fewer than two located transitions or drops). */
  'phase-diagram.single-data-set': { readonly decision: SingleDataSet | null; readonly of: 'transitions' | 'drops' };
  /** Up sweeps whose effective rank falls one at a time. */
  'phase-diagram.rank-steps': { readonly oneAtATime: number; readonly seeds: number };
  /** Located (up) against Eq. 3 on the sample's own singular value, and that Eq. 3 against the population's. */
  'phase-diagram.sample-basis': {
    readonly eta: number;
    readonly basis: 'raw' | 'whitened';
    readonly gap: MeanSd;
    readonly maxGap: number;
    readonly within: number;
    readonly seeds: number;
    readonly tolerance: number;
    readonly population: number;
    readonly bias: MeanSd;
    readonly printed: string | null;
    /** The printed value less Eq. 3 on the population. */
    readonly offset: number;
  };
  /** One data set's transition (up): its range, central 95 %, the seeds within the printed band, and the spread. */
  'phase-diagram.spread': {
    readonly eta: number;
    readonly printed: string | null;
    readonly tolerance: number;
    readonly min: number;
    readonly max: number;
    readonly central: readonly [number, number];
    readonly inBand: number;
    readonly seeds: number;
    readonly sd: number;
  };
  /** The plain down sweep: data seeds on which it re-learns a mode, from the top of the grid. */
  'phase-diagram.hysteresis-plain': { readonly relearned: number; readonly seeds: number; readonly top: number };
  /** The down sweep with the relearnable kick: where it re-learns the mode against the up sweep. */
  'phase-diagram.hysteresis-kick': { readonly eta: number; readonly std: number; readonly gap: MeanSd; readonly located: number; readonly seeds: number };
  /** A combined reading's parts, each by its label and verdict. */
  'phase-diagram.parts': { readonly parts: readonly { readonly label: string; readonly verdict: Verdict }[] };
  /** The up sweep's drop located on only some data seeds. */
  'phase-diagram.drop-located': { readonly located: number; readonly seeds: number };
  /** The mean drop less Eq. 3, and the decision. */
  'phase-diagram.drop-mean-note': { readonly difference: number; readonly grounds: DecisionGrounds };
  /** The up sweep's mean drop over data seeds against Eq. 3, and the decision. */
  'phase-diagram.drop-mean': { readonly eta: number; readonly eq3: number; readonly seeds: number; readonly mean: number; readonly sd: number; readonly verdict: Verdict; readonly grounds: DecisionGrounds };
  /** Data sets whose drop lies within one step of Eq. 3, and Eq. 3 ± the step against their spread (null: fewer than two). */
  'phase-diagram.drop-single': { readonly eta: number; readonly eq3: number; readonly step: number; readonly within: number; readonly located: number; readonly decision: SingleDataSet | null };
  /** A printed drop against Eq. 3. */
  'phase-diagram.printed-gap': PrintedGap;
  /** "Close agreement" read as one grid step, and the paper's own drops against it. */
  'phase-diagram.close-agreement': { readonly step: number; readonly printed: readonly PrintedGap[] };
  /** Where the other statements of Appendix B's sentence are judged. */
  'phase-diagram.drops-elsewhere': Record<never, never>;
  /** The drops' rule, and its calibration (null: no mean was decided). */
  'phase-diagram.drops-rule': { readonly alpha: number; readonly step: number; readonly resolution: number; readonly calibration: Calibration | null };
  /** A shift of Eq. 3 (on the sample, or the located transition) from the population's, over data seeds. */
  'phase-diagram.output-shift': {
    readonly printed: number;
    readonly population: number;
    /** The series, as its reading's label names it. */
    readonly series: string;
    readonly shift: { readonly estimate: number; readonly lower: number; readonly upper: number };
    readonly seeds: number;
    readonly verdict: Verdict;
  };
  /** A reading with fewer than two data seeds. */
  'phase-diagram.too-few-seeds': { readonly seeds: number };
  /** How "bias of the output distribution" is read. */
  'phase-diagram.output-bias-reading': Record<never, never>;
  /** Why the output-bias rule states no calibration of its own. */
  'phase-diagram.output-bias-calibration': Record<never, never>;
  /** The decreasing sweep: data seeds re-learning every mode, and the bound on that share (null: no seed). */
  'phase-diagram.relearned': { readonly notReproducible: boolean; readonly relearned: number; readonly seeds: number; readonly alpha: number; readonly bound: number | null };
  /** The decreasing sweep's protocol. */
  'phase-diagram.decreasing-protocol': { readonly seeds: SeedRange; readonly top: number; readonly step: number };
  /** Modes re-learned on the way down, and the largest singular value the decreasing sweeps reach. */
  'phase-diagram.relearned-modes': { readonly perMode: readonly number[]; readonly seeds: number; readonly maxSigma: number; readonly rankThreshold: number };
  /** Why descent without noise never leaves rank 0. */
  'phase-diagram.decreasing-why': Record<never, never>;
  /** What the sweep with the relearnable kick answers instead. */
  'phase-diagram.decreasing-kick': Record<never, never>;
  /** What would decide one reading of the mean: its rule's own hint. */
  'phase-diagram.would-decide': { readonly label: string; readonly decides: WouldDecide };
  /** What would decide one reading whose grid misses some seed's transition. */
  'phase-diagram.would-decide-grid': { readonly label: string };
  /** What would decide each undecided reading, in turn. */
  'phase-diagram.would-decide-each': { readonly parts: readonly NestedFinding[] };
  /** What would decide the measured drops against Eq. 3. */
  'phase-diagram.would-decide-drops': Record<never, never>;
  /** What would decide the decreasing sweep. */
  'phase-diagram.would-decide-decreasing': Record<never, never>;
  /** Why the decreasing sweep cannot give the drops: none of `seeds` left rank 0 from the top of the grid, at depth `depth`. */
  'phase-diagram.decreasing-not-reproducible': { readonly seeds: number; readonly top: number; readonly depth: number };
  /** The decreasing sweep's rule, and its calibration (null: fewer than three data seeds). */
  'phase-diagram.decreasing-rule': { readonly alpha: number; readonly typicalShare: number; readonly calibration: Calibration | null };
}
