// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { DecisionGrounds } from '../../stats/index.ts';
import type { Calibration, EscapeSummary, NestedFinding } from '../common/findings.ts';

/** A finding that carries nothing but its kind: a statement whose words are fixed. */
type Fixed = Record<never, never>;



/** One row of a trapping diagnostic (diagnostics.ts): a variant of the protocol on the diagnostic seeds. */
export interface DiagnosticRowSummary {
  readonly label: string;
  readonly seeds: number;
  readonly trapped: number;
  readonly escapes: number;
  /** KM median escape epoch of the trapped runs (null: not reached). */
  readonly medianEscape: number | null;
  /** σ at the checkpoints: the lower median and the range (null: no σ recorded). */
  readonly checkpointSigma: { readonly median: number; readonly lowest: number; readonly highest: number } | null;
}

/**
 * A trap's checkpoints of the intended rank on the network with biases (biased-readings.ts): σ of the end-to-end map
 * (medians), the largest residue off the rank-r set, the bias norms (medians), and the mini-batch gradient noise —
 * along the next mode (largest |mean| and sd over batches) and its share off the set (median and largest).
 */
export interface BiasedCheckpoints {
  readonly count: number;
  readonly sigma: readonly number[];
  readonly residue: { readonly first: number; readonly last: number };
  readonly biasNorms: readonly number[];
  readonly batches: number;
  readonly weakDrive: { readonly mean: number; readonly sd: number };
  readonly offSetShare: { readonly median: number; readonly largest: number };
}

/** A trap no run left (invariant-trap.ts): its runs from σ exactly 0 and with a residue that only shrank. */
export interface TrapInvariance {
  /** Every run started trapped and none escaped, each from σ_mode exactly 0 or with a residue that only shrank. */
  readonly invariant: boolean;
  /** Runs from σ_mode exactly 0, runs whose residue shrank, of `runs`. */
  readonly exactlyZero: number;
  readonly shrank: number;
  readonly runs: number;
  /** The largest σ_mode at a checkpoint and at a run's end. */
  readonly largestStart: number;
  readonly largestEnd: number;
}

/**
 * "τ > bound" on one sample (escape-time.ts, decideLowerBound): where the 1 − α censored-LR interval of τ lies
 * against the bound, or — no trapped run escaped — its lower end and the chance of that were τ as short as the bound.
 */
export type LowerBoundDecision =
  | { readonly outcome: 'below' | 'above' | 'contains'; readonly interval: { readonly lower: number; readonly upper: number }; readonly bound: number }
  | { readonly outcome: 'unseen'; readonly lower: number; readonly bound: number; readonly runs: number; readonly budget: number; readonly atMost: number };

/**
 * The within-budget reading of Fig. 1(a) on one sample (decideWithinBudget): too few escapes for half the runs to
 * have escaped (P(Binomial(n, ½) ≤ escapes) below α), the escape median between the bound and the budget, or neither.
 */
export type WithinBudgetDecision =
  | { readonly outcome: 'too-few'; readonly budget: number; readonly escapes: number; readonly runs: number; readonly atMost: number; readonly alpha: number }
  | { readonly outcome: 'between'; readonly median: number; readonly bound: number; readonly budget: number }
  | { readonly outcome: 'undecided'; readonly budget: number; readonly escapes: number; readonly runs: number; readonly atMost: number };

/** The escaped runs' final test − train gap against the rank-1 plateau's (escape-time.ts, gapAfterEscape). */
export interface GapAfterEscape {
  /** Escaped runs with a rank-1 plateau to compare with, and escaped runs without one. */
  readonly escaped: number;
  readonly unreferenced: number;
  /** The largest share of the plateau gap left that closes it, and how many runs close it. */
  readonly fraction: number;
  readonly closes: number;
  readonly medianRatio: number | null;
  readonly perSeed: ReadonlyArray<{ readonly seed: number; readonly gap: number; readonly plateauGap: number }>;
}

/**
 * The shape a statement about runs describes (run-shapes.ts): what a run shows under the typicality rule, or what
 * makes it fail under the universal rule, with the tolerances it is read at.
 */
export type RunShape =
  | { readonly what: 'at-global-minimum' | 'at-rank-2' | 'plateau-train-below-test' | 'above-bayes-floor' | 'test-above-train' | 'monotone-within-jitter' | 'no-rise' }
  | { readonly what: 'checkpoint-rank'; readonly rank: number }
  | { readonly what: 'no-rise-above' | 'balanced'; readonly tolerance: number }
  | { readonly what: 'no-gap-above'; readonly gap: number | null }
  | { readonly what: 'near-rank-2-fit' | 'plateau-near-rank-1-fit'; readonly share: number }
  | { readonly what: 'slow-fall'; readonly fraction: number }
  | { readonly what: 'slow-rise'; readonly fraction: number; readonly paperTau: number };

/** A threshold of the typicality rule: its share, and which named threshold it is (null: none). */
export interface ShareThreshold {
  readonly share: number;
  readonly named: 'most-runs' | 'nearly-every-run' | null;
}

/** The escape an invariant trap keeps from happening, which `notReproducible` names. */
export type InvariantEscape = 'claimed' | 'gap-closing' | 'abrupt';

/** A summary row's counts of an escape reading: runs that started trapped, escaped, and set aside (not trapped). */
export interface EscapeCounts {
  readonly trapped: number;
  readonly escapes: number;
  readonly notTrapped: number;
}

/** Each kind's values. */
export interface TrappingFindings {
  /** Why a verdict decided by the trap's invariance states no size or power. */
  'trapping.no-rule-invariant': Fixed;
  /** The headline reading of a verdict the protocol cannot produce the data for, with its note (null: none). */
  'trapping.not-reproducible': { readonly note: NestedFinding | null };
  /** A reading's note: no run of it started trapped. */
  'trapping.none-trapped': Fixed;
  /** The exact binomial count of escapes within the budget were τ the printed value, and the rule's decision. */
  'trapping.escape-count': {
    readonly label: string;
    readonly printed: string;
    readonly budget: number;
    readonly escapeProbability: number;
    readonly escapes: number;
    readonly runs: number;
    readonly expectedEscapes: number;
    readonly atMost: number;
    readonly atLeast: number;
    readonly grounds: DecisionGrounds;
  };
  /** Seeds with per-epoch test MSE, and those whose test MSE did not settle within the window (a reading's note). */
  'trapping.convergence-counts': { readonly seeds: number; readonly censored: number };
  'trapping.convergence-too-few': { readonly label: string; readonly seeds: number; readonly censored: number };
  /** The median convergence epoch and the decision on it. */
  'trapping.median-convergence': { readonly label: string; readonly estimate: number | null; readonly seeds: number; readonly censored: number; readonly grounds: DecisionGrounds };
  /** The lower-bound rule's calibration, with the truths it is stated at (the paper's printed bound). */
  'trapping.lower-bound-calibration': { readonly calibration: Calibration; readonly printed: string };
  /** "τ > bound" on a reading; where no run left an invariant trap, the within-budget reading that then decides. */
  'trapping.lower-bound': {
    readonly label: string;
    readonly decision: LowerBoundDecision;
    readonly invariant: { readonly trap: TrapInvariance; readonly budget: number | null; readonly within: WithinBudgetDecision } | null;
  };
  /** The same on the network with biases, after the reading's escapes in short. */
  'trapping.biased-lower-bound': {
    readonly label: string;
    readonly escapes: EscapeSummary;
    readonly decision: LowerBoundDecision;
    readonly invariant: { readonly trap: TrapInvariance; readonly weakDriveSd: number; readonly within: WithinBudgetDecision } | null;
  };
  /** The within-budget reading of a sample, as a line and as a reading's note. */
  'trapping.within-budget': { readonly label: string; readonly decision: WithinBudgetDecision };
  'trapping.within-budget-cell': { readonly decision: WithinBudgetDecision };
  /** The gap after escape on a reading, and on the diagnostic's least converged checkpoints. */
  'trapping.gap-after-escape': { readonly label: string; readonly gap: GapAfterEscape };
  'trapping.gap-after-escape-diagnostic': { readonly epochsPerStage: number; readonly gap: GapAfterEscape };
  /** A reading's note: how many of its escaped runs close the gap. */
  'trapping.gap-closes': { readonly closes: number; readonly escaped: number };
  /**
   * The premise trap's data sets under one scheme: on how many of them the weak mode's equal-loss crossing β* lies
   * above the runs' β (rank 2 global there), and the range of the checkpoints' annealing β.
   */
  'trapping.premise-placement': { readonly scheme: string; readonly premise: number; readonly dataSets: number; readonly beta: number; readonly checkpointBetas: { readonly lowest: number; readonly highest: number } };
  /** The premise trap's within-budget rule's calibration, with the truth it is stated at (the paper's τ). */
  'trapping.premise-calibration': { readonly calibration: Calibration; readonly paperTau: number };
  /**
   * The typicality rule on one reading's runs: how many show the shape, the share's intervals at the reproduce level
   * and at 1 − α (null: no runs), the threshold, and the seeds of the runs that do not show it.
   */
  'trapping.typical-share': {
    readonly label: string;
    readonly shape: RunShape;
    readonly shows: number;
    readonly runs: number;
    readonly intervals: { readonly reproduce: { readonly lower: number; readonly upper: number }; readonly deviate: { readonly lower: number; readonly upper: number } } | null;
    readonly reproduceAlpha: number;
    readonly threshold: ShareThreshold;
    readonly failing: readonly number[];
  };
  /** The universal rule on one reading's runs: the failing runs' seeds, and the one-sided 1 − α upper bound of the rate (null: no runs). */
  'trapping.universal': { readonly label: string; readonly shape: RunShape; readonly runs: number; readonly failing: readonly number[]; readonly bound: number | null; readonly alpha: number };
  /** A rule's calibration as the shape claims state it: the common words without a closing stop. */
  'trapping.calibration-unstopped': Calibration;
  /** Runs of a reading that end below and above their data's global rank. */
  'trapping.off-global': { readonly label: string; readonly below: number; readonly above: number };
  /** How random-init's readings are read, with the global minimum's rank at the paper's η per regulariser reading. */
  'trapping.random-init-reading': { readonly globalRanks: ReadonlyArray<{ readonly convention: string; readonly rank: number }> };
  /** How a checkpoint's phase is read: its annealing stages' β (null: the protocol has no checkpoint). */
  'trapping.checkpoint-phase-reading': { readonly betas: readonly number[] | null };
  /** How the sparse plateau is read. */
  'trapping.sparse-plateau-reading': Fixed;
  /** The analytic reading's note: the probability that the least-squares fit's in-sample MSE lies below the floor. */
  'trapping.below-floor': { readonly probability: number };
  /**
   * The Bayes floor of the sparse task (teacher η), the least-squares fit to N samples with p inputs: its mean train
   * MSE and the probability that it lies below the floor.
   */
  'trapping.bayes-floor-analytic': { readonly floor: number; readonly eta: readonly number[]; readonly samples: number; readonly inputs: number; readonly expectedTrainMse: number; readonly below: number };
  /** The share of rank-2 runs expected at or above the floor. */
  'trapping.bayes-floor-runs': { readonly expectedAbove: number };
  /** Why the analytic headline has no size or power. */
  'trapping.bayes-floor-no-rule': Fixed;
  /** The least-squares fit's out-of-sample excess over its in-sample MSE, sparse and dense (with the finite sets' σ of test − train). */
  'trapping.optimism': {
    readonly sparse: { readonly samples: number; readonly optimism: number };
    readonly dense: { readonly samples: number; readonly optimism: number; readonly spread: number } | null;
  };
  /** Which runs the headline of cannot-coincide reads. */
  'trapping.coincide-headline': Fixed;
  /** The traced dense runs and their sampling interval (null: no trace). */
  'trapping.dense-traces': { readonly runs: number; readonly sampleEvery: number | null };
  /**
   * The sampling jitter of the traces and the monotone-within-jitter tolerance: the runs' median relative spread, the
   * runs that move and those still, the lag-1 autocorrelation of ln MSE (median, range), the quantile and its factor
   * of spreads at the trace's samples, and the tolerance (median, largest).
   */
  'trapping.sampling-jitter': {
    readonly jitter: number | null;
    readonly moving: number;
    readonly still: number;
    readonly sampleEvery: number | null;
    readonly lag: { readonly median: number | null; readonly lowest: number; readonly highest: number };
    readonly quantile: number;
    readonly factor: number;
    readonly samples: number | null;
    readonly tolerance: { readonly median: number | null; readonly largest: number };
  };
  /** The runs whose train MSE rises beyond their jitter: relative rise and tolerance. */
  'trapping.rises': { readonly rises: ReadonlyArray<{ readonly run: number; readonly protocol: string; readonly seed: number; readonly rise: number; readonly tolerance: number }> };
  /** The sparse plateau gap a dense run's gap is held against, and the large dense gaps: at epoch 0, at the end (null: no plateau). */
  'trapping.dense-gap-reference': { readonly reference: { readonly gap: number; readonly half: number; readonly large: number; readonly atStart: number; readonly persistent: number } | null };
  /** The relative imbalance per protocol, median at epoch 0 and at the end. */
  'trapping.imbalance': { readonly along: ReadonlyArray<{ readonly protocol: string; readonly start: number | null; readonly end: number | null }>; readonly runs: number };
  /** The SGLD control's rise widths: median and largest of those measured (null: none), and those not held by the window. */
  'trapping.rise-widths': { readonly escaped: number; readonly measured: { readonly median: number; readonly largest: number } | null; readonly unmeasured: number };
  /** The same widths over the control's own τ̂ (null: none) and over each run's escape epoch: how many exceed the fraction. */
  'trapping.rise-ratios': { readonly tau: number | null; readonly fraction: number; readonly overTau: number | null; readonly runs: number; readonly overOwn: number };
  /** How the control's rise is traced, and its rule against the paper's τ. */
  'trapping.rise-trace-rule': { readonly fraction: number; readonly paperTau: number };
  /** How the trap runs' widths are read. */
  'trapping.trace-width': Fixed;
  /** How a sparse run is read against its own data's best fits: one data set's two fits as the example (null: no run at rank 2). */
  'trapping.best-fits': { readonly example: { readonly dataSeed: number; readonly rank1: number; readonly rank2: number } | null };
  /** "Near" as a share of the gap, and the typicality threshold it is read at. */
  'trapping.near-reading': { readonly share: number; readonly threshold: number };
  /**
   * One trap against random-init on the same seeds (`random`, `trap`: the protocols as the labels name them): how
   * many reach the global minimum under each, how many differ each way, and the exact McNemar p.
   */
  'trapping.paired-outcomes': {
    readonly label: string;
    readonly random: string;
    readonly trap: string;
    readonly seeds: number;
    readonly randomReached: number;
    readonly trapReached: number;
    readonly randomOnly: number;
    readonly trapOnly: number;
    readonly pValue: number;
  };
  /** How reaching the global minimum is read, and the rule's levels: the paired test's α/2 and the rate of differing seeds. */
  'trapping.sensitivity-reading': { readonly testLevel: number; readonly exceptionRate: number };
  /** Diagnostic (b)'s heading: the protocol and its diagnostic seeds. */
  'trapping.diagnostic-checkpoint': { readonly protocol: string; readonly seeds: readonly number[] };
  /** Diagnostic (c)'s heading. */
  'trapping.diagnostic-precision': { readonly protocol: string };
  'trapping.diagnostic-row': { readonly row: DiagnosticRowSummary };
  /** One reading of the biases: how many of the trap's checkpoints have its rank, and what they are (null: none). */
  'trapping.biased-checkpoint': { readonly reading: string; readonly protocol: string; readonly checkpoints: number; readonly rank: number; readonly ofRank: BiasedCheckpoints | null };
  /** What the diagnostics' checkpoint σ is. */
  'trapping.diagnostic-sigma-key': Fixed;
  /** Why no run can leave the trap (notReproducible): its invariance, the escape it rules out, and whether it is the paper's SGD from the rank-1 trap. */
  'trapping.invariant-trap': { readonly trap: TrapInvariance; readonly escape: InvariantEscape; readonly paperTrap: boolean };
  /** The summary row of an escape reading: τ̂ (null: none escaped, a lower bound) and its 1 − α interval (null: no fit), and the counts. */
  'trapping.measured-escapes': EscapeCounts & { readonly tau: { readonly estimate: number | null; readonly lower: number; readonly upper: number } | null };
  /** The summary row by the counts alone. */
  'trapping.measured-counts': EscapeCounts;
  /** The summary row of the convergence reading: the median convergence epoch, its 1 − α interval, the seeds and those not settled. */
  'trapping.measured-convergence': { readonly estimate: number | null; readonly interval: { readonly lower: number; readonly upper: number }; readonly seeds: number; readonly censored: number };
  /** What would decide: a checkpoint that starts the runs trapped (with a pointer to the checkpoint-sensitivity diagnostic). */
  'trapping.would-decide-trapped-start': { readonly diagnostic: boolean };
  /** What would decide: runs that keep the per-epoch test MSE of their first epochs, at least this many seeds. */
  'trapping.would-decide-per-epoch-runs': { readonly seeds: number };
  /** What would decide an invariant trap's within-budget reading: more trapped seeds at the paper's budget. */
  'trapping.would-decide-trapped-seeds': { readonly budget: number };
  /** What would decide where no run escaped but some residue grew: a longer budget (the runs, their epochs at risk). */
  'trapping.would-decide-longer-budget': { readonly runs: number; readonly epochsAtRisk: number };
  /** What would decide the lower bound: more escapes (escapeDesign). */
  'trapping.would-decide-escapes': Fixed;
  /** What would decide the gap after escape: runs that escape. */
  'trapping.would-decide-escaping-runs': Fixed;
  /** What would decide the premise trap: more trapped seeds at its β. */
  'trapping.would-decide-premise-seeds': { readonly beta: number };
  /** What would decide the paired test: about this many seeds whose outcome differs, all one way, to reject at α. */
  'trapping.would-decide-paired-seeds': { readonly seeds: number; readonly alpha: number };
  /** What would decide the universal rule: the runs it needs with none failing (and those read), or one run that fails. */
  'trapping.would-decide-universal-runs': { readonly needed: number; readonly read: number };
  /**
   * What would decide the typicality rule: runs to read (none read), or the runs it needs at the observed share
   * (null: none feasible, the share sits at the threshold).
   */
  'trapping.would-decide-typical-runs': { readonly read: number; readonly share: number | null; readonly threshold: number; readonly needed: number | null };
  /** What would decide a kinetic statement under the paper's SGD: escapes from the rank-1 trap within a longer budget. */
}
