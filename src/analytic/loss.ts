import { stationarityBeta, type ModeAt } from './mode.ts';
import type { Scalar } from './scalar.ts';

// The per-mode loss of Eq. 1 under either reading, and its derivatives in λ. Writing b for the
// stationarity β (β under eq2, β/L under eq1), both readings are ½(λ−η)² + (L·b/2)·λ^{2/L}.

function twoOverL<T>(S: Scalar<T>, depth: number): T {
  return S.div(S.of(2), S.of(depth));
}

/** Loss of one mode at end-to-end singular value λ ≥ 0 (Eq. 1, with the mode's convention). */
export function modeLoss<T>(S: Scalar<T>, lambda: T, mode: ModeAt<T>): T {
  const half = S.of(0.5);
  const fit = S.mul(half, S.powInt(S.sub(lambda, mode.eta), 2));
  if (S.sign(lambda) === 0) return fit;
  const b = stationarityBeta(S, mode);
  const penalty = S.mul(S.mul(S.of(mode.depth / 2), b), S.pow(lambda, twoOverL(S, mode.depth)));
  return S.add(fit, penalty);
}

/**
 * Loss(λ) − Loss(0) = ½λ² − ηλ + (L·b/2)·λ^{2/L}, computed without forming ½η² twice, so barriers keep
 * their relative precision even when they are tiny.
 */
export function modeLossAboveZero<T>(S: Scalar<T>, lambda: T, mode: ModeAt<T>): T {
  if (S.sign(lambda) === 0) return S.of(0);
  const b = stationarityBeta(S, mode);
  const quadratic = S.mul(lambda, S.sub(S.mul(S.of(0.5), lambda), mode.eta));
  const penalty = S.mul(S.mul(S.of(mode.depth / 2), b), S.pow(lambda, twoOverL(S, mode.depth)));
  return S.add(quadratic, penalty);
}

/** ∂Loss/∂λ = λ − η + b·λ^{2/L−1} for λ > 0 (Eq. 2, Eq. 7). */
export function modeGradient<T>(S: Scalar<T>, lambda: T, mode: ModeAt<T>): T {
  const b = stationarityBeta(S, mode);
  const exponent = S.sub(twoOverL(S, mode.depth), S.of(1));
  return S.add(S.sub(lambda, mode.eta), S.mul(b, S.pow(lambda, exponent)));
}

/** ∂²Loss/∂λ² = 1 + b·(2/L − 1)·λ^{2/L−2} for λ > 0 (the left side of Eq. 9). */
export function modeCurvature<T>(S: Scalar<T>, lambda: T, mode: ModeAt<T>): T {
  const b = stationarityBeta(S, mode);
  const k = twoOverL(S, mode.depth);
  return S.add(S.of(1), S.mul(S.mul(b, S.sub(k, S.of(1))), S.pow(lambda, S.sub(k, S.of(2)))));
}

/**
 * Eq. 2 in the per-layer singular value u = λ^{1/L}, multiplied through by u^{L−2} > 0:
 *   g(u) = u^{2L−2} − η·u^{L−2} + b.
 * It has the same positive roots as Eq. 2 but is a polynomial, so the roots are found without
 * fractional powers and to the full precision of the backend.
 */
export function stationarityPolynomial<T>(S: Scalar<T>, mode: ModeAt<T>): { g: (u: T) => T; dg: (u: T) => T } {
  const L = mode.depth;
  const b = stationarityBeta(S, mode);
  const g = (u: T): T => S.add(S.sub(S.powInt(u, 2 * L - 2), S.mul(mode.eta, S.powInt(u, L - 2))), b);
  const dg = (u: T): T => {
    const lead = S.mul(S.of(2 * L - 2), S.powInt(u, 2 * L - 3));
    return L === 2 ? lead : S.sub(lead, S.mul(S.mul(S.of(L - 2), mode.eta), S.powInt(u, L - 3)));
  };
  return { g, dg };
}
