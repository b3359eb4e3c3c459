// Is escape memoryless? Kramers escape is a Poisson process (Section 2.2; Appendix F), so the escape times of the
// seeds must follow an exponential law; a delay that is nearly the same for every seed would not. Runs are censored
// at the budget (Appendix A: 2×10⁴ epochs), so the escapes are compared with the exponential conditioned on
// escaping before it: F(t) = (1 − e^{−λt}) / (1 − e^{−λT}), λ the censored MLE from all runs.
import kstest from '@stdlib/stats-kstest';
import { assertAlpha, assertRuns, countEscapes, escapeTimes, totalExposure, type EscapeRun } from './runs.ts';

/** The shape test needs this many escapes, at this many distinct times (fewer ties than that carry no shape). */
export const SHAPE_TEST_MIN_ESCAPES = 5;
export const SHAPE_TEST_MIN_DISTINCT = 3;

/** How many distinct times the escaped runs fall on. */
export function distinctEscapeTimes(runs: readonly EscapeRun[]): number {
  return new Set(escapeTimes(runs)).size;
}

/** Whether the runs carry enough escapes, at enough distinct times, for the shape test to say anything. */
export function shapeTestable(runs: readonly EscapeRun[], minimumEscapes = SHAPE_TEST_MIN_ESCAPES): boolean {
  return countEscapes(runs) >= minimumEscapes && distinctEscapeTimes(runs) >= SHAPE_TEST_MIN_DISTINCT;
}

export interface ShapeTestOptions {
  /**
   * The spacing of the times at which escape is checked (Appendix A: the epoch at which test MSE crosses the
   * threshold, so 1 epoch if checked every epoch). An escape recorded at k happened in (k − grid, k]; comparing such
   * times with a continuous CDF would see a jump of ≈ grid/τ at every tie, which matters when τ is a few epochs.
   */
  grid?: number;
  /**
   * Lilliefors by simulation: redraw the whole censored experiment `samples` times from the fitted exponential,
   * re-fit the rate and recompute D each time. Exact size, more power than the conservative p-value, but its
   * resolution is 1/(samples + 1): it decides only where (samples + 1)·alpha ≥ 1.
   */
  simulation?: { samples: number; uniform: () => number };
}

export interface ExponentialShapeTest {
  /** Escapes that entered the test (the censored runs carry no escape time to compare). */
  escapes: number;
  budget: number;
  /** The time grid the escapes were recorded on (e.g. 1 epoch), or null for continuous times. */
  grid: number | null;
  /** The censored MLE of the rate, from all runs (on a grid, the geometric MLE per interval). */
  rate: number;
  alpha: number;
  /** sup |F_m − F| over the escape times, F the exponential truncated at the budget; null with no escapes. */
  statistic: number | null;
  /**
   * Continuous times: the Kolmogorov p-value. On a grid: the DKW–Massart bound 2e^{−2mD²}, which holds for a
   * discrete null and is the leading term of the Kolmogorov tail, so it is nearly exact at small p. Either treats
   * the fitted rate as known, which overstates p (Lilliefors 1969): the false-failure rate stays ≤ alpha.
   */
  pValue: number | null;
  /** (1 + #{D* ≥ D}) / (samples + 1) from the simulation, where one was asked for. */
  simulatedPValue: number | null;
  /** Which p-value the decision used. */
  decidedBy: 'kolmogorov' | 'dkw-massart' | 'simulation' | null;
  rejects: boolean;
  /** DKW: with probability ≥ 1 − alpha the empirical CDF of m escapes stays within ε = √(ln(2/alpha)/2m) of the true one. */
  dkwHalfWidth: number | null;
}

/**
 * A CDF that departs from every truncated exponential by more than 2ε is rejected with probability ≥ 1 − alpha (the
 * empirical CDF is within ε of the truth, so D > ε). The censored runs enter through λ only.
 */
export function exponentialShapeTest(runs: readonly EscapeRun[], budget: number, alpha: number, options: ShapeTestOptions = {}): ExponentialShapeTest {
  assertRuns(runs, budget);
  assertAlpha(alpha);
  const grid = options.grid ?? null;
  const observed = shapeDistance(runs, budget, grid);
  const base = { escapes: observed.escapes, budget, grid, rate: observed.rate, alpha };
  if (observed.distance === null) {
    return { ...base, statistic: null, pValue: null, simulatedPValue: null, decidedBy: null, rejects: false, dkwHalfWidth: null };
  }
  const statistic = observed.distance;
  const pValue =
    grid === null
      ? kstest(escapeTimes(runs), truncatedExponentialCdf(observed.rate, budget), { alpha }).pValue
      : Math.min(1, 2 * Math.exp(-2 * observed.escapes * statistic * statistic));
  const simulatedPValue = options.simulation === undefined ? null : simulatePValue(runs.length, budget, grid, observed.rate, statistic, options.simulation);
  const simulationDecides = simulatedPValue !== null && (options.simulation!.samples + 1) * alpha >= 1;
  return {
    ...base,
    statistic,
    pValue,
    simulatedPValue,
    decidedBy: simulationDecides ? 'simulation' : grid === null ? 'kolmogorov' : 'dkw-massart',
    // (1 + #)/(B + 1) ≤ alpha has probability ≤ alpha under the null; the analytic p-values are continuous, so < alpha.
    rejects: simulationDecides ? simulatedPValue <= alpha : pValue < alpha,
    dkwHalfWidth: dkwHalfWidth(observed.escapes, alpha),
  };
}

/** ε = √(ln(2/alpha) / 2m) (Dvoretzky–Kiefer–Wolfowitz with Massart's constant). */
export function dkwHalfWidth(sampleSize: number, alpha: number): number {
  assertAlpha(alpha);
  if (!(sampleSize >= 1)) throw new RangeError(`sample size must be ≥ 1, got ${sampleSize}`);
  return Math.sqrt(Math.log(2 / alpha) / (2 * sampleSize));
}

function truncatedExponentialCdf(rate: number, budget: number): (t: number) => number {
  const escapedBy = Number.isFinite(budget) ? -Math.expm1(-rate * budget) : 1;
  return (t) => (t <= 0 ? 0 : Math.min(1, -Math.expm1(-rate * Math.min(t, budget)) / escapedBy));
}

/** The fitted rate and D for one censored sample: the same steps for the data and for every simulated sample. */
function shapeDistance(runs: readonly EscapeRun[], budget: number, grid: number | null): { escapes: number; rate: number; distance: number | null } {
  const times = escapeTimes(runs);
  const escapes = times.length;
  const exposure = totalExposure(runs);
  // On a grid the escapes per checked interval are geometric: p̂ = escapes·grid/exposure, λ̂ = −ln(1 − p̂)/grid.
  const rate = grid === null ? escapes / exposure : -Math.log1p(-(escapes * grid) / exposure) / grid;
  if (escapes === 0) return { escapes, rate, distance: null };
  const cdf = truncatedExponentialCdf(rate, budget);
  const distance = grid === null ? continuousDistance(times, cdf) : gridDistance(times, cdf, grid);
  return { escapes, rate, distance };
}

/** sup |F_m − F| for a continuous F: at each order statistic, against F_m just before and just after it. */
function continuousDistance(times: readonly number[], cdf: (t: number) => number): number {
  const sorted = [...times].sort((a, b) => a - b);
  const m = sorted.length;
  return sorted.reduce((d, t, i) => Math.max(d, cdf(t) - i / m, (i + 1) / m - cdf(t)), 0);
}

/**
 * sup |F_m − F| when both are step functions on the grid: F_m is constant between escapes while F climbs, so the
 * supremum is reached at an escape time or at the grid point just before it.
 */
function gridDistance(times: readonly number[], cdf: (t: number) => number, grid: number): number {
  for (const t of times) {
    if (Math.abs(t / grid - Math.round(t / grid)) > 1e-9) throw new RangeError(`escape time ${t} is not on the grid of ${grid}`);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const m = sorted.length;
  let distance = 0;
  let countBefore = 0; // escapes at or before the grid point preceding the current time
  for (let i = 0; i < m; i++) {
    const t = sorted[i]!;
    if (i + 1 < m && sorted[i + 1] === t) continue; // a tie: the step of F_m at t is complete at its last copy
    while (sorted[countBefore]! <= t - grid * (1 - 1e-9)) countBefore++;
    distance = Math.max(distance, Math.abs((i + 1) / m - cdf(t)), Math.abs(countBefore / m - cdf(t - grid)));
  }
  return distance;
}

function simulatePValue(
  seeds: number,
  budget: number,
  grid: number | null,
  rate: number,
  observed: number,
  { samples, uniform }: { samples: number; uniform: () => number },
): number {
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`simulation samples must be a positive integer, got ${samples}`);
  let atLeast = 0;
  const runs = new Array<EscapeRun>(seeds);
  for (let b = 0; b < samples; b++) {
    for (let i = 0; i < seeds; i++) {
      const u = uniform();
      if (!(u >= 0 && u < 1)) throw new RangeError(`the uniform source returned ${u}, outside [0, 1)`);
      const continuous = -Math.log1p(-u) / rate;
      const time = grid === null ? continuous : Math.max(grid, Math.ceil(continuous / grid) * grid);
      runs[i] = time <= budget ? { time, escaped: true } : { time: budget, escaped: false };
    }
    const { distance } = shapeDistance(runs, budget, grid);
    if (distance !== null && distance >= observed) atLeast++;
  }
  return (1 + atLeast) / (samples + 1);
}
