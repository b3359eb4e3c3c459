// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.

/** A finding that is the sentence of its kind alone: it carries no values. */
type Fixed = Record<string, never>;

/** A crossing of the rank threshold on a sweep: the β of the last point on the old side and of the first on the new. */
export interface Crossing {
  readonly from: number;
  readonly to: number;
}

/**
 * How one mode reads on the two sweeps (modeLoop in nonlinear.ts), case by case with the numbers each gives: not
 * learned at the first β (`firstBeta` null without a point), kept to the last, lost onto a state that did not
 * converge, lost gradually, present at the down sweep's start, never regained (its last point converged or not),
 * regained onto a state that did not converge, or lost by a jump and regained: a loop, a loop of one grid point, none.
 */
export type LoopOutcome =
  | { readonly case: 'not-learned'; readonly firstBeta: number | null }
  | { readonly case: 'kept' }
  | { readonly case: 'loss-unconverged'; readonly beta: number }
  | { readonly case: 'gradual'; readonly drop: number; readonly jumpFraction: number; readonly sigma0: number; readonly loss: Crossing }
  | { readonly case: 'down-starts-with' }
  | { readonly case: 'never-regained'; readonly drop: number; readonly loss: Crossing; readonly bottomBeta: number }
  | { readonly case: 'not-regained-unconverged'; readonly bottomBeta: number }
  | { readonly case: 'regain-unconverged'; readonly beta: number }
  | {
      readonly case: 'loop' | 'unresolved' | 'no-overlap';
      readonly drop: number;
      readonly loss: Crossing;
      readonly regain: Crossing;
      /** Grid points where the up sweep holds the mode and the down sweep does not. */
      readonly coexisting: number;
      /** Between the middles of the two crossings. */
      readonly width: number;
      readonly gridStep: number;
    };

/** The trap's noise off the rank-1 set, as a reading reads it: no trap, a trap of another rank, or its share of tr C. */
export type NoiseOutcome =
  | { readonly case: 'no-trap' }
  | { readonly case: 'rank'; readonly beta: number; readonly rank: number; readonly expected: number }
  | { readonly case: 'share'; readonly share: number; readonly trace: number; readonly floor: number };

/** SGD runs from a trap: escapes within the budget at β_trap, and τ̂ with its 1 − α interval (τ̂ null without an escape). */
export interface EscapeCount {
  readonly escaped: number;
  readonly runs: number;
  readonly budget: number;
  readonly beta: number;
  readonly tau: number | null;
  readonly lower: number;
  readonly upper: number;
}

/**
 * The escapes from one activation's trap as a reading reads them: no trap, a trap that is not rank 1, the
 * exponential-shape test (enough escapes), or with too few the binomial tail against the reference τ, rejecting or not.
 */
export type EscapeOutcome =
  | { readonly case: 'no-trap' }
  | { readonly case: 'not-rank-1'; readonly beta: number; readonly response: readonly number[] }
  | { readonly case: 'shape'; readonly count: EscapeCount; readonly pValue: number | null; readonly rejects: boolean }
  | { readonly case: 'count-rejects'; readonly count: EscapeCount; readonly referenceTau: number; readonly expected: number; readonly pValue: number }
  | { readonly case: 'too-few'; readonly count: EscapeCount; readonly referenceTau: number; readonly pValue: number };

/** Each kind's values. */
export interface NonlinearFindings {
  /** The sweeps and the rule that reads a jump and a loop on them. */
  'nonlinear.sweep-rule': { readonly activations: readonly string[]; readonly dataSeed: number; readonly rankThreshold: number; readonly jumpFraction: number };
  /** One mode of one activation on its sweeps. */
  'nonlinear.loop': { readonly activation: string; readonly mode: number; readonly outcome: LoopOutcome };
  /** Every mode of one activation, as its reading's note. */
  'nonlinear.loops': { readonly loops: readonly { readonly mode: number; readonly outcome: LoopOutcome }[] };
  /** The sweeps are deterministic: no size or power. */
  'nonlinear.calibration-sweeps': Fixed;
  /** The noise share is exact: no size or power. */
  'nonlinear.calibration-noise': Fixed;
  /** What keeps the escape rule's size, and why no power is stated. */
  'nonlinear.calibration-escape': Fixed;
  /** Where the noise is read (the trap by its reading) and the floor above which its share is non-zero. */
  'nonlinear.noise-rule': { readonly trapReading: string; readonly floor: number };
  /** One activation's trap and the noise there (null: no trap). */
  'nonlinear.trap-noise': {
    readonly activation: string;
    readonly trap: {
      readonly beta: number;
      readonly response: readonly number[];
      readonly gradientNorm: number;
      readonly trace: number;
      readonly offSet: number;
      readonly share: number;
      /** σ2 of the first and the last layer: the state's own distance from the rank-1 set. */
      readonly residualFirst: number;
      readonly residualLast: number;
    } | null;
  };
  /** The noise at one activation's trap, as its reading's note. */
  'nonlinear.noise-note': { readonly outcome: NoiseOutcome };
  /** The SGD runs from the traps and the rule that reads their escapes. */
  'nonlinear.escape-rule': { readonly checkEvery: number; readonly minimumEscapes: number; readonly alpha: number; readonly referenceTau: number };
  /** One activation's escapes. */
  'nonlinear.escape': { readonly activation: string; readonly outcome: EscapeOutcome };
  /** The same, as its reading's note. */
  'nonlinear.escape-note': { readonly outcome: EscapeOutcome };
  /** One activation's trap β by the protocol's reading, by every reading, and the rise threshold of an escape. */
  'nonlinear.trap-plan': {
    readonly activation: string;
    readonly trapReading: string;
    readonly beta: number;
    readonly readings: readonly { readonly reading: string; readonly beta: number | null }[];
    readonly riseThreshold: number;
  };
  /** Loops not resolved: sweeps on a finer grid near each loss, with the step one activation's losses would want there. */
  'nonlinear.would-decide-grid': { readonly example: { readonly activation: string; readonly step: number; readonly from: number; readonly to: number } };
  /** No rank-1 trap to read the noise at. */
  'nonlinear.would-decide-trap': Fixed;
  /** Too few escapes to test: the `escapes` the rule needs. */
  'nonlinear.would-decide-escapes': { readonly escapes: number };
}
