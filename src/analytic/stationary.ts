import { criticalBeta, criticalLambda } from './criticality.ts';
import { stationarityPolynomial } from './loss.ts';
import { assertModeDomain, stationarityBeta, type ModeAt } from './mode.ts';
import { bracketedRoot } from './root.ts';
import { representableOrThrow, type Scalar } from './scalar.ts';

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
 * g(uc) < 0 exactly when β < βc. So the minimum lies in (uc, (2η)^{1/L}), with a margin of η·u^{L−2}
 * against rounding even at β = 0 (where the minimum is λ = η itself), and the saddle in (0, uc): see
 * `saddleBracket` for the bracket that keeps its width in proportion to the root however small b is.
 * Throws OutOfRangeError where a result cannot be held by the backend (float64 at extreme η or β).
 */
export function stationaryPoints<T>(S: Scalar<T>, mode: ModeAt<T>): StationaryPoints<T> {
  assertModeDomain(S, mode);
  const L = mode.depth;
  if (L === 2) {
    // Appendix C: at L = 2 Eq. 2 is linear, λ = η − β; the single non-zero minimum exists for β < η.
    const b = stationarityBeta(S, mode);
    return { saddle: null, minimum: S.lt(b, mode.eta) ? S.sub(mode.eta, b) : null };
  }
  // g's values are of the size of βc: where βc overflows, so would they (and NaN would pass as a root).
  if (!S.lt(mode.beta, representableOrThrow(S, criticalBeta(S, mode), 'βc', true))) return { saddle: null, minimum: null };
  const { g, dg } = stationarityPolynomial(S, mode);
  const inverseL = S.div(S.of(1), S.of(L));
  const uc = S.pow(criticalLambda(S, mode), inverseL);
  const uTop = S.pow(S.mul(S.of(2), mode.eta), inverseL);
  const toLambda = (u: T): T => S.powInt(u, L);
  // Just below βc the two roots coincide to working precision and g(uc) rounds to ≥ 0: report the merge point.
  if (S.sign(g(uc)) >= 0) return { saddle: toLambda(uc), minimum: toLambda(uc) };
  const bound = saddleBound(S, mode);
  // At β = 0 the saddle is λ = 0 (g(0) = 0); a positive one must survive the trip to λ = u^L, or rtsafe would chase
  // a subnormal root whose relative tolerance underflows.
  if (bound !== null) representableOrThrow(S, toLambda(S.lt(bound, uc) ? bound : uc), 'the saddle λsad', true);
  const [lo, hi] = saddleBracket(S, mode, g, uc, bound);
  const saddle = bracketedRoot(S, { what: 'saddle λsad of Eq. 2', f: g, df: dg, lo, hi });
  const minimum = bracketedRoot(S, { what: 'minimum λ** of Eq. 2', f: g, df: dg, lo: uc, hi: uTop });
  return {
    saddle: representableOrThrow(S, toLambda(saddle), 'the saddle λsad'),
    minimum: representableOrThrow(S, toLambda(minimum), 'the minimum λ**', true),
  };
}

/**
 * An upper bound of the saddle's u for b > 0 (null at b = 0, where the saddle is 0): with g decreasing on (0, uc),
 * the saddle has η − λ > η − λc ≥ η/2, so u^{L−2} = b/(η − λ) < 2b/η.
 */
function saddleBound<T>(S: Scalar<T>, mode: ModeAt<T>): T | null {
  const b = stationarityBeta(S, mode);
  if (S.sign(b) === 0) return null;
  return S.pow(S.div(S.mul(S.of(2), b), mode.eta), S.div(S.of(1), S.of(mode.depth - 2)));
}

/**
 * The saddle's bracket. (0, uc) serves while the saddle is within 2^-64 of uc: bisection gets there in 64 halvings,
 * well inside rtsafe's budget (kept so that every value it gave stays bit-identical). Below that (β → 0, η large)
 * it spans hundreds of orders of magnitude and rtsafe runs out of steps, so the bracket comes from g's shape and is
 * no wider than a factor 4^{1/(L−2)}: `bound` above, and below, g = u^{2L−2} + b/2 > 0 where η·u^{L−2} = b/2.
 */
function saddleBracket<T>(S: Scalar<T>, mode: ModeAt<T>, g: (u: T) => T, uc: T, bound: T | null): [T, T] {
  const zero = S.of(0);
  if (bound === null || !S.lt(S.mul(bound, S.of(2 ** 64)), uc) || !(S.sign(g(bound)) < 0)) return [zero, uc];
  const inverse = S.div(S.of(1), S.of(mode.depth - 2));
  const lo = S.pow(S.div(stationarityBeta(S, mode), S.mul(S.of(2), mode.eta)), inverse);
  return [S.sign(g(lo)) > 0 ? lo : zero, bound];
}
