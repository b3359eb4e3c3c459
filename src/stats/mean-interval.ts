import type { IntervalEstimate } from './decision.ts';
import { twoSidedTCritical } from './distributions.ts';

/** Mean, sample standard deviation and the two-sided 1 − alpha Student-t interval of the mean (independent, roughly normal values). */
export interface MeanWithInterval extends IntervalEstimate {
  estimate: number;
  sd: number;
  seeds: number;
}

export function tIntervalOfMean(values: readonly number[], alpha: number): MeanWithInterval {
  const n = values.length;
  if (n < 2) throw new RangeError(`a t interval needs at least 2 values, got ${n}`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie in (0, 1), got ${alpha}`);
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1));
  const half = twoSidedTCritical(alpha, n - 1) * (sd / Math.sqrt(n));
  return { estimate: mean, lower: mean - half, upper: mean + half, alpha, sd, seeds: n };
}
