import type { IntervalEstimate } from './decision.ts';
import { binomialAtMost } from './distributions.ts';

/** The sample median with its distribution-free order-statistic interval (no shape assumed: heavy tails welcome). */
export interface MedianWithInterval extends IntervalEstimate {
  estimate: number;
  seeds: number;
  /** The interval's order statistics, 1-based: [x_(k), x_(n+1−k)]. */
  orders: [number, number] | null;
}

/**
 * The two-sided 1 − alpha interval of the median from order statistics: the largest k with P(Bin(n, ½) ≤ k − 1) ≤
 * alpha/2 gives [x_(k), x_(n+1−k)], whose coverage is at least 1 − alpha for any continuous distribution. Values
 * `censored` are lower bounds (a run that had not settled): an upper end that falls on one is unbounded. With too
 * few values for any such k the interval is the whole line.
 */
export function medianInterval(values: readonly number[], alpha: number, censored: readonly boolean[] = []): MedianWithInterval {
  const n = values.length;
  if (n < 1) throw new RangeError('a median needs at least one value');
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  const order = values.map((v, i) => ({ v, censored: censored[i] === true })).sort((a, b) => a.v - b.v);
  const at = (i: number) => order[i]!;
  const median = n % 2 === 1 ? at((n - 1) / 2).v : (at(n / 2 - 1).v + at(n / 2).v) / 2;
  let k = 0;
  while (k + 1 <= n / 2 && binomialAtMost(k, n, 0.5) <= alpha / 2) k += 1;
  if (k === 0) return { estimate: median, lower: -Infinity, upper: Infinity, alpha, seeds: n, orders: null };
  const upper = at(n - k);
  return { estimate: median, lower: at(k - 1).v, upper: upper.censored ? Infinity : upper.v, alpha, seeds: n, orders: [k, n + 1 - k] };
}
