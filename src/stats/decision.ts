// The verdict rules of the stochastic claims, written down once (DESIGN.md, "Claims and verdicts" and "Lessons
// from the tools reviewers already use"): a comparison that cannot be made never reads as a pass, and the
// false-failure rate stands beside every threshold.

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
  wouldDecide?: WouldDecide;
  /**
   * The reproduced side's own interval (at REPRODUCE_ALPHA, with `discrepancy`): `reproduced` when it lies inside
   * the discrepancy around the paper's value, instead of the 1 − α interval being narrow enough. `deviates` stays
   * the 1 − α interval outside the band.
   */
  equivalence?: { lower: number; upper: number; alpha: number };
}

/**
 * Why a decision came out as it did, as data (the report words it): which case of the rule held, the claim as shown
 * (the printed number, or the value), the 1 − α interval, its half-width against the resolution on the
 * discrepancy's scale, and for an equivalence check the reproduced side's interval and the range it had to lie in.
 */
export interface DecisionGrounds {
  readonly case: 'outside' | 'bound-only' | 'too-wide' | 'narrow' | 'equivalent' | 'not-equivalent';
  readonly claim: string;
  readonly tolerance: number;
  readonly interval: { readonly lower: number; readonly upper: number; readonly alpha: number };
  readonly halfWidth: number;
  readonly resolution: number;
  /** 'factor': the half-width and resolution are logarithms of factors. */
  readonly scale: Discrepancy['scale'];
  readonly equivalence?: {
    readonly lower: number;
    readonly upper: number;
    readonly alpha: number;
    readonly range: { readonly lower: number; readonly upper: number };
    readonly discrepancy: string;
  };
}

/**
 * What would decide an undecided verdict, as data (the report words it): runs long enough for escapes; about so
 * many seeds for the resolution (half-width ∝ 1/√seeds), or just an interval that narrow when the seeds are not
 * known; the reproduced side's interval inside the equivalence range; or escapeDesign's budget and seeds.
 */
export type WouldDecide =
  | { readonly case: 'longer-runs' }
  | { readonly case: 'seeds'; readonly seeds: number; readonly from: number; readonly resolution: number }
  | { readonly case: 'narrower'; readonly resolution: number }
  | { readonly case: 'equivalence'; readonly alpha: number; readonly range: { readonly lower: number; readonly upper: number }; readonly claim: string; readonly discrepancy: string }
  | { readonly case: 'escape-design'; readonly budgetNeeded: number | null; readonly seeds: number; readonly seedsNeeded: number; readonly budget: number; readonly escapesNeeded: number }
  | { readonly case: 'median-seeds'; readonly seeds: number; readonly factor: number };

export interface StatisticalDecision {
  verdict: StatisticalVerdict;
  alpha: number;
  band: { lower: number; upper: number };
  estimate: number | null;
  interval: { lower: number; upper: number };
  /** (upper − lower)/2; Infinity for a one-sided interval. */
  halfWidth: number;
  resolution: number;
  grounds: DecisionGrounds;
  wouldDecide?: WouldDecide;
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
  const decision = { alpha: estimate.alpha, band, estimate: estimate.estimate, interval: { lower: estimate.lower, upper: estimate.upper }, halfWidth, resolution };
  const grounds = (c: DecisionGrounds['case']): DecisionGrounds => ({
    case: c,
    claim: claim.printed ?? String(claim.value),
    tolerance: claim.tolerance,
    interval: { lower: estimate.lower, upper: estimate.upper, alpha: estimate.alpha },
    halfWidth,
    resolution,
    scale: options.discrepancy?.scale ?? 'difference',
  });

  if (estimate.upper < band.lower || estimate.lower > band.upper) return { ...decision, verdict: 'deviates', grounds: grounds('outside') };
  if (options.equivalence && options.discrepancy) return equivalenceDecision(claim, decision, grounds, options.equivalence, options.discrepancy, options.wouldDecide);
  if (estimate.estimate === null) {
    return { ...decision, verdict: 'inconclusive', grounds: grounds('bound-only'), wouldDecide: options.wouldDecide ?? { case: 'longer-runs' } };
  }
  if (halfWidth > resolution) {
    return { ...decision, verdict: 'inconclusive', grounds: grounds('too-wide'), wouldDecide: options.wouldDecide ?? genericWouldDecide(estimate.seeds, halfWidth, resolution) };
  }
  return { ...decision, verdict: 'reproduced', grounds: grounds('narrow') };
}

/** The stated discrepancy around the paper's value: [v/f, v·f] or [v − δ, v + δ]. */
function equivalenceRange(value: number, d: Discrepancy): { lower: number; upper: number } {
  return d.scale === 'factor' ? { lower: value / d.size, upper: value * d.size } : { lower: value - d.size, upper: value + d.size };
}

function equivalenceDecision(
  claim: ClaimBand,
  decision: Omit<StatisticalDecision, 'verdict' | 'grounds' | 'wouldDecide'>,
  grounds: (c: DecisionGrounds['case']) => DecisionGrounds,
  eq: { lower: number; upper: number; alpha: number },
  d: Discrepancy,
  wouldDecide: WouldDecide | undefined,
): StatisticalDecision {
  const range = equivalenceRange(claim.value, d);
  const inside = eq.lower >= range.lower && eq.upper <= range.upper;
  const equivalence = { lower: eq.lower, upper: eq.upper, alpha: eq.alpha, range, discrepancy: describeDiscrepancy(d) };
  if (inside) return { ...decision, verdict: 'reproduced', grounds: { ...grounds('equivalent'), equivalence } };
  return {
    ...decision,
    verdict: 'inconclusive',
    grounds: { ...grounds('not-equivalent'), equivalence },
    wouldDecide: wouldDecide ?? { case: 'equivalence', alpha: eq.alpha, range, claim: claim.printed ?? String(claim.value), discrepancy: describeDiscrepancy(d) },
  };
}

/** Seeds for a half-width ≤ target, if the half-width shrinks as 1/√seeds (true of every estimator here, asymptotically). */
export function seedsToResolve(seeds: number, halfWidth: number, target: number): number {
  if (!(seeds >= 1) || !(target > 0) || !Number.isFinite(halfWidth)) throw new RangeError('seeds ≥ 1, a finite half-width and a positive target are needed');
  return Math.max(seeds, Math.ceil(seeds * (halfWidth / target) ** 2));
}

function genericWouldDecide(seeds: number | undefined, halfWidth: number, resolution: number): WouldDecide {
  if (seeds === undefined || !Number.isFinite(halfWidth) || resolution === 0) return { case: 'narrower', resolution };
  return { case: 'seeds', seeds: seedsToResolve(seeds, halfWidth, resolution), from: seeds, resolution };
}

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
