// Distribution functions come from stdlib-js (tested against R and SciPy reference values); this file only names
// the tails the module needs and computes small upper tails without the cancellation of 1 − cdf.
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import chiSquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import gammainc from '@stdlib/math-base-special-gammainc';

/** Φ(x), the standard normal CDF. */
export function standardNormalCdf(x: number): number {
  return normalCdf(x, 0, 1);
}

/** Φ⁻¹(p). */
export function standardNormalQuantile(p: number): number {
  return normalQuantile(p, 0, 1);
}

/** z with P(|Z| > z) = alpha, from the lower tail so that alpha = 1e-12 keeps its digits. */
export function twoSidedNormalCritical(alpha: number): number {
  return -normalQuantile(alpha / 2, 0, 1);
}

/** t with P(|T_dof| > t) = alpha. */
export function twoSidedTCritical(alpha: number, dof: number): number {
  return -tQuantile(alpha / 2, dof);
}

/** P(χ²₁ > x) = 2Φ(−√x): accurate far into the tail, where 1 − cdf would round to 0. */
export function chiSquare1UpperTail(x: number): number {
  return x <= 0 ? 1 : 2 * normalCdf(-Math.sqrt(x), 0, 1);
}

/** P(χ²_dof > x), the regularised upper incomplete gamma Q(dof/2, x/2): no 1 − cdf cancellation in the tail. */
export function chiSquareUpperTail(x: number, dof: number): number {
  return x <= 0 ? 1 : gammainc(x / 2, dof / 2, true, true);
}

/** The χ²_dof quantile at probability p. */
export function chiSquareQuantileAt(p: number, dof: number): number {
  return chiSquareQuantile(p, dof);
}

/** P(K ≤ k) for K ~ Binomial(n, p). */
export function binomialAtMost(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return binomialCdf(k, n, p);
}

/** P(K ≥ k), as the lower tail of the complementary count n − K ~ Binomial(n, 1 − p) (no 1 − cdf cancellation). */
export function binomialAtLeast(k: number, n: number, p: number): number {
  return binomialAtMost(n - k, n, 1 - p);
}
