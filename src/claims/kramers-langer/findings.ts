// The kinds of finding this subject's evaluators return (finding.ts); their words are in report/words.
import type { StatisticalVerdict } from '../../stats/index.ts';

/** Matched pairs of positive Hessian eigenvalues, trap against saddle: where the saddle is softer, equal, stiffer. */
export interface PairCounts {
  readonly softer: number;
  readonly equal: number;
  readonly stiffer: number;
  readonly pairs: number;
  /** S = Σ ln(ω_sad/ω_min) over the pairs. */
  readonly entropicSum: number;
}

/** ΔE_eff/T over the swept temperatures of one reading of T_eff: at the highest T (the largest ηlr) and at the lowest. */
export interface BarrierOverTemperature {
  readonly smallest: number;
  readonly largest: number;
  /** The largest swept ηlr. */
  readonly learningRate: number;
}

/** Each kind's values. */
export interface KramersLangerFindings {
  /** How the eigenvalues are paired: positive modes at each point and the pairs matched. */
  'kramers-langer.pairing': { readonly positiveMinimum: number; readonly positiveSaddle: number; readonly pairs: number };
  /** A reading's note: the pair counts. */
  'kramers-langer.pairs': PairCounts;
  /** The pair counts of one set of moments (`label`: the reading's). */
  'kramers-langer.pairs-at': { readonly label: string; readonly counts: PairCounts };
  /** Σ ln ω_sad − Σ ln ω_min, no pairing. */
  'kramers-langer.log-determinant': { readonly logDeterminantRatio: number };
  /** The rule on the noise share off the rank-1 set: its floor, the share measured, the verdict. */
  'kramers-langer.noise-rule': { readonly floor: number; readonly share: number; readonly verdict: StatisticalVerdict };
  /** The noise at the exactly trapped state: tr C and the shares off the set, along the unstable direction, on the weak chain. */
  'kramers-langer.noise-at-trap': { readonly seed: number; readonly trace: number; readonly offSet: number; readonly unstable: number; readonly weakChain: number };
  /** Why every per-sample gradient stays in the rank-1 set. */
  'kramers-langer.noise-why': Record<never, never>;
  /** The fitted exponents of the escaping shares in the weak-mode residue ε (null: not fitted). */
  'kramers-langer.noise-growth': { readonly offSet: number | null; readonly weakChain: number | null };
  /** The intercepts of ln τ from Eq. 11 and Eq. 12, their gap, and S. */
  'kramers-langer.intercepts': { readonly entropicSum: number; readonly eq11: number; readonly eq12: number; readonly gap: number };
  /** Eq. 11's counting of eigenvalues against Langer's. */
  'kramers-langer.eq11-counting': Record<never, never>;
  /** The slopes of ln τ against 1/T from Eq. 11 and Eq. 12, and ΔE. */
  'kramers-langer.slopes': { readonly eq11: number; readonly eq12: number; readonly barrier: number };
  /** A reading's note: ΔE_eff/T over the sweep. */
  'kramers-langer.barrier-over-temperature': BarrierOverTemperature;
  /** tr C at the trapped state, B and the swept learning rates. */
  'kramers-langer.temperature-trace': { readonly seed: number; readonly trace: number; readonly batch: number; readonly learningRates: readonly number[] };
  /** One reading of T_eff against a budget of epochs (`lnBudget`: its logarithm). */
  'kramers-langer.temperature-reading': { readonly label: string; readonly ratio: BarrierOverTemperature; readonly budget: number; readonly lnBudget: number };
  /** ln of Eq. 11's prefactor, in time units. */
  'kramers-langer.prefactor': { readonly logPrefactor: number };
  /** ΔE_min and the saddle Newton's method found: |∇|, its index, the loss difference less ΔE. */
  'kramers-langer.saddle': { readonly barrier: number; readonly gradientNorm: number; readonly index: number; readonly lossDifferenceMinusBarrier: number };
  /** Zero modes and exactly-β modes at the trap and at the saddle. */
  'kramers-langer.zero-modes': { readonly trap: number; readonly saddle: number; readonly exactlyBetaTrap: number; readonly exactlyBetaSaddle: number };
  /** ln of Eq. 11's prefactor, with S over the matched pairs. */
  'kramers-langer.prefactor-sum': { readonly logPrefactor: number; readonly entropicSum: number; readonly pairs: number };
  /** Eq. 12's slope of ln τ against 1/T less ΔE. */
  'kramers-langer.slope-is-barrier': { readonly slopeMinusBarrier: number };
  /** The S each temperature would need for a factor of 50. */
  'kramers-langer.factor-50': { readonly entropicSums: readonly number[] };
}
