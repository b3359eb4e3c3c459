import type { Scalar } from './scalar.ts';

/**
 * Which regulariser the per-mode loss carries (the paper prints two):
 * - `eq2`: (L·β/2)·λ^{2/L}, what Eqs. 2, 3 and 10 follow from, and what weight decay β on every layer of a
 *   balanced network gives (each of L layers has singular value λ^{1/L}, so Σ_l (β/2)‖W_l‖² → (Lβ/2)λ^{2/L}).
 * - `eq1`: (β/2)·λ^{2/L}, as Eq. 1 prints it. Its stationarity condition is Eq. 2 with β/L in place of β.
 */
export type Convention = 'eq2' | 'eq1';
export const CONVENTIONS: readonly Convention[] = ['eq2', 'eq1'];
export const DEFAULT_CONVENTION: Convention = 'eq2';

/** One mode of the decoupled loss (Section 2.1): signal η, depth L, regularisation β. */
export interface Mode<T> {
  readonly eta: T;
  readonly depth: number;
  readonly convention: Convention;
}

export interface ModeAt<T> extends Mode<T> {
  readonly beta: T;
}

/** Throws a RangeError that says how to fix the input when a mode is outside the model's domain. */
export function assertModeDomain<T>(S: Scalar<T>, mode: Mode<T> & { beta?: T }): void {
  if (!Number.isInteger(mode.depth) || mode.depth < 2) {
    throw new RangeError(`depth L must be an integer >= 2 (a deep linear network has at least two layers), got ${mode.depth}`);
  }
  if (!(S.sign(mode.eta) > 0)) throw new RangeError(`η must be > 0 (a singular value of Σyx), got ${S.toString(mode.eta)}`);
  if (mode.beta !== undefined && S.sign(mode.beta) < 0) {
    throw new RangeError(`β must be >= 0 (a regularisation strength), got ${S.toString(mode.beta)}`);
  }
  if (!(CONVENTIONS as readonly string[]).includes(mode.convention)) {
    throw new RangeError(`convention must be one of ${CONVENTIONS.join(', ')}, got ${String(mode.convention)}`);
  }
}

/** The β that multiplies λ^{2/L−1} in the stationarity condition (Eq. 2): β for eq2, β/L for eq1. */
export function stationarityBeta<T>(S: Scalar<T>, mode: ModeAt<T>): T {
  return mode.convention === 'eq2' ? mode.beta : S.div(mode.beta, S.of(mode.depth));
}

/** Maps a β of the eq2 reading to the same landscape under the mode's own convention (eq1: ×L). */
export function betaInConvention<T>(S: Scalar<T>, betaEq2: T, mode: Mode<T>): T {
  return mode.convention === 'eq2' ? betaEq2 : S.mul(betaEq2, S.of(mode.depth));
}
