// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { Convention, Phase } from '../../analytic/index.ts';

/** A finding that is the sentence of its kind alone: it carries no values. */
type Fixed = Record<string, never>;

/** A place of the paper (the ledger's name for it) and what it says there, in the ledger's words. */
export interface PlaceSays {
  readonly place: string;
  readonly says: string;
}

/**
 * Each kind's values. A number the paper prints is carried as printed (`printed`, a string: its digits are the
 * tolerance); what the ledger quotes or names of a place stays as the ledger gives it.
 */
export interface TextFindings {
  /** Eq. 1's regulariser differentiated numerically against Eq. 2's term, and their ratio. */
  'text.regulariser-derivative': {
    readonly beta: number;
    readonly lambda: number;
    readonly depth: number;
    readonly derivative: number;
    readonly eq2Term: number;
    readonly ratio: number;
  };
  /** Which regulariser Eqs. 2, 3 and 10 belong to, and the two readings the audit names. */
  'text.regulariser-reading': Fixed;
  /** The weights of the stated architecture without and with biases, against the printed D. */
  'text.parameter-count': { readonly widths: readonly number[]; readonly without: number; readonly withBiases: number; readonly printed: number };
  /** The hidden widths up to `largestWidth` that would give the printed D (none: an empty list). */
  'text.parameter-widths': {
    readonly printed: number;
    readonly input: number;
    readonly hidden: number;
    readonly output: number;
    readonly largestWidth: number;
    readonly matching: readonly { readonly width: number; readonly biases: boolean }[];
  };
  /** Two places and what each says of the same setting. */
  'text.places': { readonly a: PlaceSays; readonly b: PlaceSays };
  /** What a β one place states implies for one mode (the Eq. 2 reading): its global phase and barrier. */
  'text.beta-consequence': { readonly beta: number; readonly eta: number; readonly depth: number; readonly globalPhase: Phase; readonly barrier: number | null };
  /** βc of the two modes by Eq. 3 (the Eq. 2 reading), η1 first. */
  'text.critical-beta-computed': { readonly etas: readonly number[]; readonly betaC: readonly number[] };
  /** The printed βc(1), βc(2), their order, and the computed βc each lies nearest. */
  'text.critical-beta-printed': {
    readonly printed: readonly string[];
    readonly descending: boolean;
    readonly nearest: readonly { readonly printed: string; readonly eta: number; readonly betaC: number }[];
  };
  /** Which labelling the rank-1 trap needs. */
  'text.critical-beta-swap': Fixed;
  /** ⌊N/B⌋ SGD steps per epoch. */
  'text.steps-per-epoch': { readonly samples: number; readonly batch: number; readonly steps: number };
  /** A batch larger than the samples: what either reading of it gives. */
  'text.no-step': { readonly samples: number; readonly batch: number };
  /** A ratio of printed numbers (times a scale) against the printed result and its tolerance. */
  'text.printed-ratio': {
    readonly numerator: number;
    readonly denominator: number;
    readonly scale: number;
    readonly ratio: number;
    readonly printed: string;
    readonly width: number;
  };
  /** The same ratio with the audit's barrier under one convention in the denominator. */
  'text.ratio-with-audit-barrier': { readonly convention: Convention; readonly barrier: number | null; readonly ratio: number };
  /** The learning-rate sweep's rates at one B, and epochs → steps at every rate. */
  'text.lr-sweep': { readonly lrs: readonly number[]; readonly batch: number; readonly stepsPerEpoch: number };
  /** The shift of ln τ in Langevin time across the rates, and its slope against B/ηlr (null: fewer than 3 settings). */
  'text.lr-sweep-langevin': {
    readonly largestLr: number;
    readonly smallestLr: number;
    readonly shift: number;
    readonly rates: number;
    readonly unit: { readonly slope: number; readonly rSquared: number } | null;
  };
  /** The batch sweep's sizes and the shift of ln τ in steps across them. */
  'text.batch-sweep': { readonly batches: readonly number[]; readonly largest: number; readonly smallest: number; readonly shift: number };
  /** The slope's relative standard error R² implies, against the printed ± relative to the printed slope. */
  'text.slope-relative-error': {
    readonly r2: number;
    readonly points: number;
    readonly relative: number;
    readonly slope: number;
    readonly plusMinus: string;
    readonly stated: number;
  };
  /** The ± the fit implies as one standard error and as a 95 % t interval. */
  'text.slope-implied': { readonly standardError: number; readonly dof: number; readonly tCritical: number; readonly tHalfWidth: number };
  /** The printed ± in standard errors, and the level of the t interval it would be. */
  'text.slope-level': { readonly standardErrors: number; readonly alpha: number };
  /** The printed span in decades, the slow end a lower bound. */
  'text.orders-span': { readonly slowest: number; readonly fastest: number; readonly orders: number };
  /** The span with the rank-1 trap's τ as the slow end. */
  'text.orders-rank1': { readonly rank1: number; readonly fastest: number; readonly orders: number };
  /** What a place promises. */
  'text.promise': { readonly place: string; readonly promised: readonly string[] };
  /** What stands at the place cited. */
  'text.cited-place': PlaceSays;
  /** The promised results not shown at the place cited (empty: every one is). */
  'text.cited-missing': { readonly missing: readonly string[] };
  /** The two readings of the initialisation as standard deviations, and their ratio. */
  'text.init-std': { readonly width: number; readonly asVariance: number; readonly asScale: number; readonly variance: number; readonly ratio: number };
  /** The audit runs the initialisation under both readings. */
  'text.init-both-run': Fixed;
  /** Fig. 1's τ carried to the sweep's rates, and the shortest against the stated budget. */
  'text.sweep-budget': {
    readonly tau: number;
    readonly lr: number;
    readonly sweep: readonly number[];
    readonly bounds: readonly number[];
    readonly shortestOverBudget: number;
    readonly budget: number;
  };
  /** What the bound uses, and what it means for Fig. 2(b). */
  'text.sweep-budget-bound': Fixed;
  /** What the value is; no statistical rule. */
  'text.sweep-budget-value': Fixed;
}
