// "The training error converges monotonically" (Section 4.2) read off a curve sampled every 100 epochs: monotone
// within the sampling jitter (REPRODUCE.md, "Monotone within the sampling jitter"). At a plateau the sampled train
// MSE scatters with mini-batch noise; samples 100 epochs (800 SGD steps) apart are close to independent, so the
// largest rise of a sample above the lowest earlier one that jitter alone gives is a known multiple of its spread.
import { normalSource } from '../common/calibrations.ts';

/** The share of pure-jitter traces the tolerance lets through: 1 % of monotone curves are called non-monotone. */
export const MONOTONE_QUANTILE = 0.99;
/** Synthetic pure-jitter traces behind each excursion quantile. */
const EXCURSION_REPLICATIONS = 4000;
/** Below this the jitter is float64 rounding of a state that does not move (an invariant trap): rises under it are ties. */
const ROUNDING = 1e-12;
/** 1/(√2 Φ⁻¹(¾)): median |z_t − z_{t−1}| of iid N(0, σ²) is √2 Φ⁻¹(¾) σ. */
const MEDIAN_DIFFERENCE_TO_SD = 1 / (Math.SQRT2 * 0.6744897501960817);

/** The largest rise of a sample above the lowest earlier sample (on the same scale as the values). */
export function largestRiseAboveRunningMinimum(values: readonly number[]): number {
  let low = Infinity;
  let worst = 0;
  for (const v of values) {
    worst = Math.max(worst, v - low);
    low = Math.min(low, v);
  }
  return worst;
}

/** The spread of the sample-to-sample jitter from the median absolute difference: robust to a descent or an escape. */
export function jitterSpread(values: readonly number[]): number {
  const d = values.slice(1).map((v, i) => Math.abs(v - values[i]!)).sort((a, b) => a - b);
  if (d.length === 0) return 0;
  const mid = Math.floor(d.length / 2);
  const median = d.length % 2 === 1 ? d[mid]! : (d[mid - 1]! + d[mid]!) / 2;
  return median * MEDIAN_DIFFERENCE_TO_SD;
}

const QUANTILES = new Map<number, number>();

/**
 * The MONOTONE_QUANTILE quantile of (largest rise above the running minimum) / (jitter spread, estimated as above)
 * over n independent N(0, 1) samples: seeded synthetic traces, so the estimate's own noise is in it.
 */
export function jitterExcursionFactor(n: number): number {
  const known = QUANTILES.get(n);
  if (known !== undefined) return known;
  const normal = normalSource(5);
  const ratios = Array.from({ length: EXCURSION_REPLICATIONS }, () => {
    const z = Array.from({ length: n }, normal);
    const spread = jitterSpread(z);
    return spread > 0 ? largestRiseAboveRunningMinimum(z) / spread : 0;
  }).sort((a, b) => a - b);
  const factor = ratios[Math.min(ratios.length - 1, Math.ceil(MONOTONE_QUANTILE * ratios.length) - 1)]!;
  QUANTILES.set(n, factor);
  return factor;
}

export interface MonotoneCase {
  /** Largest rise above the running minimum, relative to it: e^{rise of ln y} − 1. */
  readonly relativeRise: number;
  /** The jitter's relative spread (of ln y). */
  readonly relativeJitter: number;
  /** The relative rise the jitter alone reaches at MONOTONE_QUANTILE: e^{factor · spread} − 1. */
  readonly tolerance: number;
  readonly monotone: boolean;
}

/** A curve is monotone within its jitter when no sample rises above the lowest earlier one by more than the tolerance. */
export function monotoneWithinJitter(values: readonly number[]): MonotoneCase {
  const logs = values.map(Math.log);
  const rise = largestRiseAboveRunningMinimum(logs);
  const spread = jitterSpread(logs);
  const allowed = Math.max(jitterExcursionFactor(values.length) * spread, ROUNDING);
  return { relativeRise: Math.expm1(rise), relativeJitter: spread, tolerance: Math.expm1(allowed), monotone: rise <= allowed };
}

/** Lag-1 autocorrelation of a series: the check that samples 100 epochs apart are close to independent. */
export function lagOneAutocorrelation(values: readonly number[]): number | null {
  if (values.length < 3) return null;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < values.length; i++) {
    den += (values[i]! - mean) ** 2;
    if (i > 0) num += (values[i]! - mean) * (values[i - 1]! - mean);
  }
  return den > 0 ? num / den : null;
}
