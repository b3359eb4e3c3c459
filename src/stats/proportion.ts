import { binomialAtLeast, binomialAtMost, twoSidedTCritical } from './distributions.ts';
import type { IntervalEstimate } from './decision.ts';
import { assertAlpha } from './runs.ts';

/** A count k of n with its exact (Clopper–Pearson) two-sided 1 − α interval for the probability. */
export interface ProportionInterval {
  readonly count: number;
  readonly n: number;
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  readonly alpha: number;
}

/** The p at which a monotone tail probability equals α/2, by bisection on (0, 1). */
function solve(f: (p: number) => number, target: number, increasing: boolean): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target === increasing) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Clopper–Pearson: the p whose Binomial(n, p) tails put exactly α/2 beyond the observed count. */
export function proportionInterval(count: number, n: number, alpha: number): ProportionInterval {
  assertAlpha(alpha);
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(count) && count >= 0 && count <= n)) {
    throw new RangeError(`a proportion needs integers 0 <= count <= n, n >= 1; got ${count} of ${n}`);
  }
  const lower = count === 0 ? 0 : solve((p) => binomialAtLeast(count, n, p), alpha / 2, true);
  const upper = count === n ? 1 : solve((p) => binomialAtMost(count, n, p), alpha / 2, false);
  return { count, n, estimate: count / n, lower, upper, alpha };
}

/**
 * Exact McNemar test of paired binary outcomes: of the pairs that differ, `oneWay` went one way and `otherWay` the
 * other; under "the pairing does not matter" each discordant pair goes either way with probability ½. Two-sided p.
 */
export function mcnemarExact(oneWay: number, otherWay: number): number {
  const n = oneWay + otherWay;
  if (n === 0) return 1;
  const k = Math.min(oneWay, otherWay);
  return Math.min(1, 2 * binomialAtMost(k, n, 0.5));
}

/** The 1 − α t interval of a mean from its summary (mean, sample sd, n ≥ 2). */
export function tIntervalFromSummary(mean: number, sd: number, n: number, alpha: number): IntervalEstimate {
  if (!(Number.isInteger(n) && n >= 2)) throw new RangeError(`a t interval needs at least 2 values, got ${n}`);
  assertAlpha(alpha);
  const half = twoSidedTCritical(alpha, n - 1) * (sd / Math.sqrt(n));
  return { estimate: mean, lower: mean - half, upper: mean + half, alpha, seeds: n };
}

/**
 * The slope's relative standard error that a least-squares R² over n points implies: t = b/SE(b) satisfies
 * R² = t²/(t² + n − 2), so SE(b)/|b| = √((1 − R²)/((n − 2)R²)).
 */
export function slopeRelativeErrorFromR2(r2: number, n: number): number {
  if (!(r2 > 0 && r2 <= 1)) throw new RangeError(`R² must lie in (0, 1], got ${r2}`);
  if (!(Number.isInteger(n) && n >= 3)) throw new RangeError(`a slope's error needs n >= 3 points, got ${n}`);
  return Math.sqrt((1 - r2) / ((n - 2) * r2));
}

/** The two-sided α at which a t interval with `dof` degrees of freedom is `halfWidthInSe` standard errors wide. */
export function tAlphaForHalfWidth(halfWidthInSe: number, dof: number): number {
  let lo = 1e-15;
  let hi = 1 - 1e-15;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (twoSidedTCritical(mid, dof) > halfWidthInSe) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}
