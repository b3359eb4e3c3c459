// The verdict rules of the stochastic claims, written down once (DESIGN.md, "Claims and verdicts" and "Lessons
// from the tools reviewers already use"): a comparison that cannot be made never reads as a pass, and the
// false-failure rate stands beside every threshold.
import { formatNumber } from '../text/index.ts';

/** The false-failure rate of one check: the chance that a true claim is called `deviates` by bad luck of the seeds. */
export const DEFAULT_ALPHA = 1e-6;

/**
 * The level of the `reproduced` side where it has its own (an equivalence check): the (1 − REPRODUCE_ALPHA)
 * interval must lie inside the stated discrepancy around the paper's value, so a claim off by exactly the
 * discrepancy is called `reproduced` with probability ≤ REPRODUCE_ALPHA/2. Labelled wherever it is used.
 */
export const REPRODUCE_ALPHA = 0.05;

export type StatisticalVerdict = 'reproduced' | 'deviates' | 'inconclusive';

/** What the paper claims: value ± tolerance (half a unit of the last printed digit, or a stated uncertainty). */
export interface ClaimBand {
  value: number;
  tolerance: number;
  /** The number as the paper printed it, e.g. "5500", kept for the evidence. */
  printed?: string;
}

/** An estimate with its 1 − alpha interval; `estimate` is null where the data give only a bound (all runs censored). */
export interface IntervalEstimate {
  estimate: number | null;
  lower: number;
  upper: number;
  alpha: number;
  /** Seeds behind the estimate: with it, an inconclusive verdict says how many seeds would decide. */
  seeds?: number;
}

/**
 * The discrepancy a check must resolve (issue: escape times a factor 2, transitions ± 0.02): `reproduced` needs the
 * 1 − α interval's half-width at most this, on its scale — for a factor f, ½·ln(upper/lower) ≤ ln f.
 */
export type Discrepancy = { readonly scale: 'factor'; readonly size: number } | { readonly scale: 'difference'; readonly size: number };

export function describeDiscrepancy(d: Discrepancy): string {
  return d.scale === 'factor' ? `×${d.size}` : `± ${d.size}`;
}

/** An interval's half-width on the discrepancy's scale (log scale for a factor), and the resolution it is held to. */
function onScale(d: Discrepancy, lower: number, upper: number): { halfWidth: number; resolution: number } {
  if (d.scale === 'difference') return { halfWidth: (upper - lower) / 2, resolution: d.size };
  return { halfWidth: lower > 0 ? Math.log(upper / lower) / 2 : Infinity, resolution: Math.log(d.size) };
}

export interface DecisionOptions {
  /** The stated discrepancy: replaces `resolution` and measures the half-width on its scale. */
  discrepancy?: Discrepancy;
  /**
   * The interval half-width at or below which agreement counts (default: the claim's tolerance). An interval that
   * overlaps the band but is wider than this cannot tell the claim from a value a tolerance away.
   */
  resolution?: number;
  /** What would decide, worked out by the caller for its estimator (e.g. from escapeDesign); replaces the generic hint. */
  wouldDecide?: string;
  /**
   * The reproduced side's own interval (at REPRODUCE_ALPHA, with `discrepancy`): `reproduced` when it lies inside
   * the discrepancy around the paper's value, instead of the 1 − α interval being narrow enough. `deviates` stays
   * the 1 − α interval outside the band.
   */
  equivalence?: { lower: number; upper: number; alpha: number };
}

export interface StatisticalDecision {
  verdict: StatisticalVerdict;
  alpha: number;
  band: { lower: number; upper: number };
  estimate: number | null;
  interval: { lower: number; upper: number };
  /** (upper − lower)/2; Infinity for a one-sided interval. */
  halfWidth: number;
  resolution: number;
  reason: string;
  wouldDecide?: string;
}

/**
 * `deviates` when the 1 − alpha interval lies wholly outside the claim's band (this holds for a one-sided bound too:
 * fifty runs censored at 2×10⁴ epochs do exclude τ = 5500); `reproduced` when it overlaps the band and is no wider than
 * the resolution; otherwise `inconclusive`, with what would decide.
 */
export function decideAgainstClaim(claim: ClaimBand, estimate: IntervalEstimate, options: DecisionOptions = {}): StatisticalDecision {
  if (!(claim.tolerance >= 0) || !Number.isFinite(claim.value)) throw new RangeError('a claim needs a finite value and a tolerance ≥ 0');
  if (!(estimate.lower <= estimate.upper) || Number.isNaN(estimate.lower)) throw new RangeError(`not an interval: [${estimate.lower}, ${estimate.upper}]`);
  const band = { lower: claim.value - claim.tolerance, upper: claim.value + claim.tolerance };
  const scaled = options.discrepancy
    ? onScale(options.discrepancy, estimate.lower, estimate.upper)
    : { halfWidth: (estimate.upper - estimate.lower) / 2, resolution: options.resolution ?? claim.tolerance };
  const { halfWidth, resolution } = scaled;
  const widthText = (x: number): string => (options.discrepancy?.scale === 'factor' ? `×${fmt(Math.exp(x))}` : fmt(x));
  const shown = `${claim.printed ?? claim.value} ± ${fmt(claim.tolerance)}`;
  const interval = `[${fmt(estimate.lower)}, ${fmt(estimate.upper)}] at 1 − α, α = ${estimate.alpha}`;
  const decision = { alpha: estimate.alpha, band, estimate: estimate.estimate, interval: { lower: estimate.lower, upper: estimate.upper }, halfWidth, resolution };

  if (estimate.upper < band.lower || estimate.lower > band.upper) {
    return { ...decision, verdict: 'deviates', reason: `${interval} lies outside the claim ${shown}` };
  }
  if (options.equivalence && options.discrepancy) return equivalenceDecision(claim, shown, interval, decision, options.equivalence, options.discrepancy, options.wouldDecide);
  if (estimate.estimate === null) {
    return {
      ...decision,
      verdict: 'inconclusive',
      reason: `no point estimate (e.g. every run censored): the data only bound the value to ${interval}, which reaches the claim ${shown}`,
      wouldDecide: options.wouldDecide ?? 'runs long enough for some to escape',
    };
  }
  if (halfWidth > resolution) {
    return {
      ...decision,
      verdict: 'inconclusive',
      reason: `${interval} overlaps the claim ${shown} but its half-width ${widthText(halfWidth)} exceeds the resolution ${widthText(resolution)}`,
      wouldDecide: options.wouldDecide ?? genericWouldDecide(estimate.seeds, halfWidth, resolution),
    };
  }
  return { ...decision, verdict: 'reproduced', reason: `${interval} overlaps the claim ${shown}, half-width ${widthText(halfWidth)} ≤ ${widthText(resolution)}` };
}

/** The stated discrepancy around the paper's value: [v/f, v·f] or [v − δ, v + δ]. */
function equivalenceRange(value: number, d: Discrepancy): { lower: number; upper: number } {
  return d.scale === 'factor' ? { lower: value / d.size, upper: value * d.size } : { lower: value - d.size, upper: value + d.size };
}

function equivalenceDecision(
  claim: ClaimBand,
  shown: string,
  interval: string,
  decision: Omit<StatisticalDecision, 'verdict' | 'reason' | 'wouldDecide'>,
  eq: { lower: number; upper: number; alpha: number },
  d: Discrepancy,
  wouldDecide: string | undefined,
): StatisticalDecision {
  const range = equivalenceRange(claim.value, d);
  const inner = `its ${fmt(100 * (1 - eq.alpha))} % interval [${fmt(eq.lower)}, ${fmt(eq.upper)}] (reproduce level ${eq.alpha})`;
  const within = `[${fmt(range.lower)}, ${fmt(range.upper)}] (${claim.printed ?? claim.value} ${describeDiscrepancy(d)})`;
  if (eq.lower >= range.lower && eq.upper <= range.upper) {
    return { ...decision, verdict: 'reproduced', reason: `${interval} reaches the claim ${shown}, and ${inner} lies inside ${within}` };
  }
  return {
    ...decision,
    verdict: 'inconclusive',
    reason: `${interval} reaches the claim ${shown}, but ${inner} is not inside ${within}`,
    wouldDecide: wouldDecide ?? `an interval at level ${eq.alpha} inside ${within}`,
  };
}

/** Seeds for a half-width ≤ target, if the half-width shrinks as 1/√seeds (true of every estimator here, asymptotically). */
export function seedsToResolve(seeds: number, halfWidth: number, target: number): number {
  if (!(seeds >= 1) || !(target > 0) || !Number.isFinite(halfWidth)) throw new RangeError('seeds ≥ 1, a finite half-width and a positive target are needed');
  return Math.max(seeds, Math.ceil(seeds * (halfWidth / target) ** 2));
}

function genericWouldDecide(seeds: number | undefined, halfWidth: number, resolution: number): string {
  if (seeds === undefined || !Number.isFinite(halfWidth) || resolution === 0) return `an interval of half-width ≤ ${fmt(resolution)}`;
  return `about ${seedsToResolve(seeds, halfWidth, resolution)} seeds instead of ${seeds} (half-width ∝ 1/√seeds) for a half-width ≤ ${fmt(resolution)}`;
}

const fmt = (x: number): string => formatNumber(x);

/** Union bound: m checks at alpha each call some true claim `deviates` with probability ≤ m·alpha, whatever their dependence. */
export function familyFalseFailureRate(checks: number, alpha: number): number {
  if (!Number.isInteger(checks) || checks < 0) throw new RangeError(`checks must be a non-negative integer, got ${checks}`);
  return Math.min(1, checks * alpha);
}

/** The per-check alpha that keeps m checks' suite-wide false-failure rate ≤ familyRate (Bonferroni). */
export function perCheckAlpha(checks: number, familyRate: number): number {
  if (!Number.isInteger(checks) || checks < 1) throw new RangeError(`checks must be a positive integer, got ${checks}`);
  return familyRate / checks;
}
