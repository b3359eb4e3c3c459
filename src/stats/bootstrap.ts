// Nonparametric bootstrap intervals of any statistic of the per-seed sample (e.g. a Kaplan–Meier median of the 50
// seeds of Appendix A). Randomness enters only through the caller's seeded uniform source, so an interval is
// bit-identical for the same generator state.
import { standardNormalCdf, standardNormalQuantile } from './distributions.ts';
import { assertAlpha } from './runs.ts';

export interface BootstrapOptions {
  resamples: number;
  /** A seeded uniform source on [0, 1); it is advanced n·resamples times. */
  uniform: () => number;
  alpha: number;
  /** `percentile` (default) or `bca` (bias-corrected and accelerated, Efron 1987; a jackknife sets the acceleration). */
  method?: 'percentile' | 'bca';
  /** Further α at which to read percentile intervals off the same replicates (percentile method only). */
  alsoAt?: readonly number[];
}

export interface BootstrapInterval {
  method: 'percentile' | 'bca';
  /** The statistic on the sample itself. */
  estimate: number;
  lower: number;
  upper: number;
  alpha: number;
  resamples: number;
  /** The replicate quantile levels read off (α/2 and 1 − α/2 for the percentile method). */
  levels: [number, number];
  /** The percentile intervals at `alsoAt`, in its order, from the same replicates. */
  also: { alpha: number; lower: number; upper: number }[];
}

export function bootstrapInterval<T>(sample: readonly T[], statistic: (resample: readonly T[]) => number, options: BootstrapOptions): BootstrapInterval {
  const { resamples, uniform, alpha } = options;
  const method = options.method ?? 'percentile';
  assertAlpha(alpha);
  const n = sample.length;
  if (n === 0) throw new RangeError('cannot bootstrap an empty sample');
  if (!Number.isInteger(resamples) || resamples < 1) throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  // Below (B + 1)·α/2 < 1 the tails are not resolved: the interval would just be the extreme replicates.
  const needed = Math.ceil(2 / alpha) - 1;
  if (resamples < needed) throw new RangeError(`${resamples} resamples cannot resolve alpha = ${alpha}: at least ${needed} are needed`);
  const alsoAt = options.alsoAt ?? [];
  if (alsoAt.length > 0 && method !== 'percentile') throw new RangeError('alsoAt reads percentile intervals only');
  for (const a of alsoAt) {
    assertAlpha(a);
    if (resamples < Math.ceil(2 / a) - 1) throw new RangeError(`${resamples} resamples cannot resolve alpha = ${a}`);
  }

  const estimate = checkedStatistic(statistic, sample);
  const replicates = new Float64Array(resamples);
  const resample = new Array<T>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const u = uniform();
      if (!(u >= 0 && u < 1)) throw new RangeError(`the uniform source returned ${u}, outside [0, 1)`);
      resample[i] = sample[Math.floor(u * n)]!;
    }
    replicates[b] = checkedStatistic(statistic, resample);
  }
  replicates.sort();

  const levels: [number, number] = method === 'bca' ? bcaLevels(sample, statistic, estimate, replicates, alpha) : [alpha / 2, 1 - alpha / 2];
  return {
    method,
    estimate,
    lower: quantileOfSorted(replicates, levels[0]),
    upper: quantileOfSorted(replicates, levels[1]),
    alpha,
    resamples,
    levels,
    also: alsoAt.map((a) => ({ alpha: a, lower: quantileOfSorted(replicates, a / 2), upper: quantileOfSorted(replicates, 1 - a / 2) })),
  };
}

/** ±Infinity is allowed (e.g. "median not reached" as Infinity); NaN is not. */
function checkedStatistic<T>(statistic: (resample: readonly T[]) => number, values: readonly T[]): number {
  const value = statistic(values);
  if (Number.isNaN(value)) throw new RangeError('the statistic returned NaN');
  return value;
}

/** Linear interpolation between order statistics (Hyndman–Fan type 7). */
function quantileOfSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below]!;
  const high = sorted[Math.min(below + 1, sorted.length - 1)]!;
  return h === below || low === high ? low : low + (h - below) * (high - low);
}

function bcaLevels<T>(sample: readonly T[], statistic: (resample: readonly T[]) => number, estimate: number, sorted: Float64Array, alpha: number): [number, number] {
  let below = 0;
  let equal = 0;
  for (const value of sorted) {
    if (value < estimate) below++;
    else if (value === estimate) equal++;
  }
  const proportion = (below + equal / 2) / sorted.length;
  if (proportion === 0 || proportion === 1) throw new RangeError('BCa: every replicate lies on one side of the estimate, the bias correction is infinite');
  const z0 = standardNormalQuantile(proportion);

  // Acceleration from the jackknife: a = Σ(θ̄ − θ₍ᵢ₎)³ / (6·(Σ(θ̄ − θ₍ᵢ₎)²)^{3/2}).
  const leaveOneOut = sample.map((_, i) => checkedStatistic(statistic, [...sample.slice(0, i), ...sample.slice(i + 1)]));
  const mean = leaveOneOut.reduce((s, v) => s + v, 0) / leaveOneOut.length;
  const squares = leaveOneOut.reduce((s, v) => s + (mean - v) ** 2, 0);
  const cubes = leaveOneOut.reduce((s, v) => s + (mean - v) ** 3, 0);
  const acceleration = squares === 0 ? 0 : cubes / (6 * squares ** 1.5);

  const adjusted = (p: number): number => {
    const z = z0 + standardNormalQuantile(p);
    return standardNormalCdf(z0 + z / (1 - acceleration * z));
  };
  return [adjusted(alpha / 2), adjusted(1 - alpha / 2)];
}
