import { criticalBeta, criticalLambda } from './criticality.ts';
import { stationarityPolynomial } from './loss.ts';
import { assertModeDomain, stationarityBeta, type ModeAt } from './mode.ts';
import { bracketedRoot } from './root.ts';
import type { Scalar } from './scalar.ts';

/** The non-zero stationary points of one mode; `null` where a point does not exist at this β. */
export interface StationaryPoints<T> {
  /** λsad: the unstable root of Eq. 2, below λc (Appendix C). Depth 2 never has one. */
  readonly saddle: T | null;
  /** λ**: the stable non-zero root of Eq. 2, above λc. */
  readonly minimum: T | null;
}

/**
 * Roots of Eq. 2 for one mode, found by bracketed root finding on g(u) = u^{2L−2} − η·u^{L−2} + b with
 * u = λ^{1/L} (see `stationarityPolynomial`). For L ≥ 3, g(0) = b > 0, g falls to its only minimum at
 * uc = λc^{1/L} and rises again, with g(u) = u^{L−2}(u^L − η) + b ≥ η·u^{L−2} > 0 at u = (2η)^{1/L};
 * g(uc) < 0 exactly when β < βc. So the saddle lies in (0, uc) and the minimum in (uc, (2η)^{1/L}): both
 * brackets come from the shape, no starting guess can miss, and the upper end keeps a margin of η·u^{L−2}
 * against rounding even at β = 0 (where the minimum is λ = η itself).
 */
export function stationaryPoints<T>(S: Scalar<T>, mode: ModeAt<T>): StationaryPoints<T> {
  assertModeDomain(S, mode);
  const L = mode.depth;
  if (L === 2) {
    // Appendix C: at L = 2 Eq. 2 is linear, λ = η − β; the single non-zero minimum exists for β < η.
    const b = stationarityBeta(S, mode);
    return { saddle: null, minimum: S.lt(b, mode.eta) ? S.sub(mode.eta, b) : null };
  }
  if (!S.lt(mode.beta, criticalBeta(S, mode))) return { saddle: null, minimum: null };
  const { g, dg } = stationarityPolynomial(S, mode);
  const inverseL = S.div(S.of(1), S.of(L));
  const uc = S.pow(criticalLambda(S, mode), inverseL);
  const uTop = S.pow(S.mul(S.of(2), mode.eta), inverseL);
  const toLambda = (u: T): T => S.powInt(u, L);
  // Just below βc the two roots coincide to working precision and g(uc) rounds to ≥ 0: report the merge point.
  if (S.sign(g(uc)) >= 0) return { saddle: toLambda(uc), minimum: toLambda(uc) };
  const saddle = bracketedRoot(S, { what: 'saddle λsad of Eq. 2', f: g, df: dg, lo: S.of(0), hi: uc });
  const minimum = bracketedRoot(S, { what: 'minimum λ** of Eq. 2', f: g, df: dg, lo: uc, hi: uTop });
  return { saddle: toLambda(saddle), minimum: toLambda(minimum) };
}
