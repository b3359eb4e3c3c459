// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { Convention, Phase } from '../../analytic/index.ts';

/** A finding that is the sentence of its kind alone: it carries no values. */
type Fixed = Record<string, never>;

/** The quantity a claim's printed number is compared with: βc of one mode (Eq. 3), λsad, or the barrier of Eq. 10. */
export type PrintedQuantity =
  | { readonly name: 'critical-beta'; readonly eta: number; readonly depth: number }
  | { readonly name: 'saddle-lambda' }
  | { readonly name: 'barrier-from-zero' };

/** A quantity the printed number might be instead: a stationary point (or its per-layer root), or a barrier. */
export type CandidateQuantity = 'saddle' | 'minimum' | 'saddle-per-layer' | 'minimum-per-layer' | 'barrier-from-zero' | 'barrier-from-minimum';

/** One configuration of local minima, a λ per mode, with its loss; `global` where it is the lowest. */
export interface MinimaConfiguration {
  readonly lambdas: readonly number[];
  readonly loss: number;
  readonly global: boolean;
}

/** Each kind's values. `reading` is the label of the reading a line is about; `readings`, those of the readings sharing it. */
export interface LandscapeFindings {
  /** A printed number against the quantity computed in decimal and float64, at the claim's tolerance. */
  'landscape.printed-value': {
    readonly reading: string;
    readonly quantity: PrintedQuantity;
    readonly value: number;
    readonly float: number | null;
    readonly relativeGap: number | null;
    /** The paper's number as printed. */
    readonly printed: string;
    readonly width: number;
    readonly difference: number;
    readonly toleranceUnits: number;
    /** Within the tolerance, but only by half a unit or more of the printed digits' rounding. */
    readonly onlyByRounding: boolean;
  };
  /** The quantity does not exist at the claim's parameters under this reading. */
  'landscape.printed-missing': { readonly reading: string; readonly quantity: PrintedQuantity };
  /** The same, as the reading's note. */
  'landscape.printed-missing-note': { readonly reading: string; readonly quantity: PrintedQuantity };
  /** The nearby quantities tried against the printed number, each marked where it matches at the printed precision. */
  'landscape.printed-candidates': {
    readonly printed: string;
    readonly width: number;
    readonly candidates: readonly {
      readonly quantity: CandidateQuantity;
      readonly beta: number;
      readonly convention: Convention;
      readonly value: number | null;
      readonly matches: boolean;
    }[];
  };
  /** Each mode's critical points and global phase, the global rank and the ranks of the other local minima. */
  'landscape.phase-structure': {
    readonly reading: string;
    readonly modes: readonly {
      readonly eta: number;
      readonly betaC: number;
      readonly betaStar: number;
      readonly globalPhase: Phase;
      readonly lambdaMin: number | null;
    }[];
    readonly rank: number;
    readonly metastableRanks: readonly number[];
  };
  /** The global rank and the metastable ranks, as a reading's note. */
  'landscape.phase-ranks': { readonly rank: number; readonly metastableRanks: readonly number[] };
  /** The narrowest hysteresis window (βc − β*)/βc over a grid of modes and depths (null: none computed). */
  'landscape.hysteresis-window': {
    readonly readings: readonly string[];
    readonly etas: readonly number[];
    readonly depths: readonly number[];
    readonly narrowest: number | null;
  };
  /** At L = 2: saddles found, non-zero minima at β ≥ βc, and the largest ratio λ** : η just below βc. */
  'landscape.depth-two-continuous': {
    readonly readings: readonly string[];
    readonly saddles: number;
    readonly minimaAboveCritical: number;
    readonly largestJump: number;
  };
  /** Eq. 10's barrier on a grid of β in (0, βc): its decreases and its smallest increase. */
  'landscape.barrier-monotone': {
    readonly readings: readonly string[];
    readonly points: number;
    readonly etas: readonly number[];
    readonly depth: number;
    readonly decreases: number;
    readonly smallestIncrease: number;
  };
  /** βc of each mode in the order of the η, and whether they fall in that order. */
  'landscape.critical-beta-ordering': {
    readonly readings: readonly string[];
    readonly modes: readonly { readonly eta: number; readonly betaC: number }[];
    readonly ordered: boolean;
  };
  /** The window (βc − β*)/βc of each mode at each depth, and its smallest increase between successive depths. */
  'landscape.depth-window': {
    readonly readings: readonly string[];
    readonly depths: readonly number[];
    readonly modes: readonly { readonly eta: number; readonly windows: readonly (number | null)[] }[];
    readonly smallestIncrease: number | null;
    readonly widens: boolean;
  };
  /** βc and β* of each mode at each depth: whether βc falls with L, and whether β* stays finite and positive. */
  'landscape.depth-critical-beta': {
    readonly reading: string;
    readonly depths: readonly number[];
    readonly modes: readonly { readonly eta: number; readonly betaC: readonly number[]; readonly betaStar: readonly number[] }[];
    readonly falls: boolean;
    readonly finite: boolean;
  };
  /** Eq. 10's barrier of each mode at fixed fractions of βc against depth, and whether it grows with L. */
  'landscape.depth-barrier': {
    readonly readings: readonly string[];
    readonly depths: readonly number[];
    readonly series: readonly { readonly eta: number; readonly fraction: number; readonly barriers: readonly number[] }[];
    readonly grows: boolean;
  };
  /** The largest residual of Eqs. 8 and 9 at (λc, βc of Eq. 3), at `digits` digits, against its bound. */
  'landscape.eq3-residual': {
    readonly readings: readonly string[];
    readonly etas: readonly number[];
    readonly depths: readonly number[];
    readonly largest: number;
    readonly digits: number;
    readonly bound: number;
  };
  /** The local minima of the whole loss, one per choice of a minimum per mode, and how many are metastable. */
  'landscape.metastable-count': {
    readonly reading: string;
    readonly beta: number;
    readonly depth: number;
    readonly etas: readonly number[];
    readonly configurations: readonly MinimaConfiguration[];
    readonly metastable: number;
  };
  /** Why the count is 2^d − 1 and what "one per learnable feature" counts. */
  'landscape.metastable-count-reading': Fixed;
  /** The upper branch on a grid of β in (0, βc): where it is missing, where it is global, and each mode's window. */
  'landscape.upper-branch': {
    readonly reading: string;
    readonly points: number;
    readonly unstable: number;
    readonly global: number;
    readonly modes: readonly { readonly eta: number; readonly betaStar: number; readonly betaC: number }[];
  };
  /** Where "metastable" holds, and what the second reading says. */
  'landscape.upper-branch-reading': Fixed;
  /** At L = 2: the largest β with a positive root, and the grid β without exactly one. */
  'landscape.depth-two-root': {
    readonly reading: string;
    readonly end: number;
    readonly missing: readonly { readonly eta: number; readonly beta: number; readonly roots: number }[];
  };
  /** The transition at L = 2 is continuous, yet the positive solution ends. */
  'landscape.depth-two-root-reading': Fixed;
  /** The two exits from the rank-1 minimum (analytic core, the Eq. 2 reading): the weak mode up, the strong mode down. */
  'landscape.rank1-exits': {
    readonly beta: number;
    readonly depth: number;
    readonly weak: { readonly eta: number; readonly saddle: number | null; readonly barrier: number | null };
    readonly strong: { readonly eta: number; readonly barrier: number | null };
    /** Eq. 10's exit (the weak mode's) is the lower. */
    readonly eq10Lowest: boolean;
  };
  /** The network's own saddle: how it was found (the experiment's account), its gradient and index, its height. */
  'landscape.network-saddle': {
    readonly dimension: number;
    readonly construction: string;
    readonly gradientNorm: number;
    readonly newtonSteps: number;
    readonly index: number;
    readonly minimumIndex: number;
    readonly lossAboveMinimum: number;
    readonly analyticBarrier: number;
    readonly difference: number;
    readonly relative: number;
    readonly agreement: number;
  };
  /** What the claim is, and whose printed size it leaves to delta-e-min. */
  'landscape.saddle-barrier-scope': Fixed;
  /** No statistical rule applies: analytic values and printed numbers. */
  'landscape.no-rule': Fixed;
  /** The sparse run's saddle and barrier against the dense trap's and the run's escape criterion. */
  'landscape.sparse-barrier': {
    readonly reading: string;
    readonly beta: number;
    readonly eta: number;
    readonly depth: number;
    readonly saddle: number | null;
    readonly barrier: number | null;
    readonly denseBeta: number;
    readonly denseBarrier: number | null;
    /** The sparse barrier over the dense one (null without either). */
    readonly ratioToDense: number | null;
    readonly threshold: number;
    /** The criterion over the saddle (null without a saddle). */
    readonly belowThreshold: number | null;
  };
  /** The sparse run's batch against its samples, and what a barrier and noise can then do. */
  'landscape.sparse-batch': { readonly batch: number; readonly samples: number; readonly fullBatch: boolean };
  /** Eq. 10 per mode, the lowest exit out of rank 0 and the weak mode's out of rank 1, against the printed times. */
  'landscape.barrier-order': {
    readonly reading: string;
    readonly beta: number;
    readonly depth: number;
    readonly barriers: readonly { readonly eta: number; readonly barrier: number | null }[];
    readonly outOfRank0: number | null;
    readonly outOfRank1: number | null;
    /** The first escape (out of rank 0) has the higher barrier. */
    readonly firstHigher: boolean;
    readonly first: number;
    readonly second: number;
  };
  /** The value, the common temperature, and the prefactor caveat on the printed times. */
  'landscape.barrier-order-caveat': { readonly first: number; readonly second: number };
}
