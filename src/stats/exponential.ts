// Kramers escape over a barrier is a Poisson process: the escape time is exponential with mean τ (Section 2.2,
// Eq. 5; Appendix F, Eq. 11). Each run is watched until it escapes or until the budget (Appendix A: 2×10⁴
// epochs), so the sample is right-censored: the estimates and the LR test use the censored likelihood
// ℓ(λ) = d·ln λ − λ·E, with d escapes and E the total time at risk of all runs; the count test uses d alone.
import {
  binomialAtLeast,
  binomialAtMost,
  chiSquare1UpperTail,
  chiSquareQuantileAt,
  twoSidedNormalCritical,
} from './distributions.ts';
import { assertAlpha, assertRuns, countEscapes, totalExposure, type EscapeRun } from './runs.ts';
import { decideAgainstClaim, REPRODUCE_ALPHA, type ClaimBand, type Discrepancy, type StatisticalDecision, type WouldDecide } from './decision.ts';

/** An interval for the mean escape time τ = 1/λ; `upper` is Infinity when no run escaped. */
export interface MeanInterval {
  method: 'likelihood-ratio' | 'poisson-exact';
  lower: number;
  upper: number;
}

export interface ExponentialFit {
  runs: number;
  escapes: number;
  /** Σ time over all runs, escaped or censored. */
  exposure: number;
  /** λ̂ = escapes / exposure (0 when nothing escaped). */
  rate: number;
  /** τ̂ = exposure / escapes; null when nothing escaped (the likelihood then only bounds τ from below). */
  meanTime: number | null;
  alpha: number;
  /** Inverts the censored likelihood-ratio test (χ²₁ calibration); the headline interval. */
  interval: MeanInterval;
  /** Treats the escape count as Poisson with mean λ·E (Garwood): conservative, beside the LR interval. */
  poissonInterval: MeanInterval;
}

export function fitExponential(runs: readonly EscapeRun[], alpha: number): ExponentialFit {
  assertRuns(runs);
  assertAlpha(alpha);
  const escapes = countEscapes(runs);
  const exposure = totalExposure(runs);
  if (!(exposure > 0)) throw new RangeError('total time at risk is 0: no rate can be estimated');
  const rate = escapes / exposure;
  return {
    runs: runs.length,
    escapes,
    exposure,
    rate,
    meanTime: escapes > 0 ? exposure / escapes : null,
    alpha,
    interval: likelihoodRatioMeanInterval(escapes, exposure, alpha),
    poissonInterval: poissonMeanInterval(escapes, exposure, alpha),
  };
}

/** The χ²₁ critical value at alpha, as the square of the normal one (exact, and keeps digits at small alpha). */
function chiSquare1Critical(alpha: number): number {
  return twoSidedNormalCritical(alpha) ** 2;
}

/**
 * {λ : 2[ℓ(λ̂) − ℓ(λ)] ≤ c}. With no escapes the interval is one-sided and the exact bound is used: P(no escape in
 * exposure E | τ) = e^{−E/τ} ≥ α exactly when τ ≥ E/ln(1/α), a 1 − α bound (the LR's 2E/c covers only ≈ 85 % at
 * α = 0.05).
 */
function likelihoodRatioMeanInterval(escapes: number, exposure: number, alpha: number): MeanInterval {
  if (escapes === 0) return { method: 'likelihood-ratio', lower: exposure / Math.log(1 / alpha), upper: Infinity };
  const relative = relativeLikelihoodRatioInterval(escapes, alpha);
  const meanTime = exposure / escapes;
  return { method: 'likelihood-ratio', lower: meanTime * relative.lower, upper: meanTime * relative.upper };
}

/** The LR interval of τ/τ̂, which depends on the escape count alone: in u = λ/λ̂ its ends solve d·(ln u − u + 1) = −c/2. */
function relativeLikelihoodRatioInterval(escapes: number, alpha: number): { lower: number; upper: number } {
  const drop = chiSquare1Critical(alpha) / (2 * escapes);
  const g = (u: number): number => Math.log(u) - u + 1 + drop;
  return { lower: 1 / bisectDecreasingFrom1(g, 'up'), upper: 1 / bisectDecreasingFrom1(g, 'down') };
}

/**
 * The root of g on one side of u = 1, where g(1) > 0 and g falls towards −∞ both ways (ln u − u + 1 is concave
 * with its maximum 0 at 1): the bracket is grown geometrically from 1 until g changes sign, then bisected.
 */
function bisectDecreasingFrom1(g: (u: number) => number, side: 'down' | 'up'): number {
  let inside = 1;
  let outside = side === 'down' ? 0.5 : 2;
  while (g(outside) > 0) {
    inside = outside;
    outside = side === 'down' ? outside / 2 : outside * 2;
    if (outside < 1e-300 || outside > 1e300) throw new RangeError('likelihood-ratio bound out of range');
  }
  for (let i = 0; i < 200 && Math.abs(outside - inside) > 1e-15 * Math.max(inside, outside); i++) {
    const mid = (inside + outside) / 2;
    if (g(mid) > 0) inside = mid;
    else outside = mid;
  }
  return (inside + outside) / 2;
}

/** Garwood: λ ∈ [χ²(α/2; 2d), χ²(1 − α/2; 2d + 2)] / 2E. */
function poissonMeanInterval(escapes: number, exposure: number, alpha: number): MeanInterval {
  const rateLower = escapes === 0 ? 0 : chiSquareQuantileAt(alpha / 2, 2 * escapes) / (2 * exposure);
  const rateUpper = chiSquareQuantileAt(1 - alpha / 2, 2 * escapes + 2) / (2 * exposure);
  return { method: 'poisson-exact', lower: 1 / rateUpper, upper: rateLower === 0 ? Infinity : 1 / rateLower };
}

export interface TestDecision {
  pValue: number;
  alpha: number;
  /** pValue < alpha: the data contradict the claim at false-failure rate alpha. */
  rejects: boolean;
}

export interface EscapeCountTest extends TestDecision {
  runs: number;
  escapes: number;
  budget: number;
  claimedMean: number;
  /** 1 − exp(−budget/τ0): the chance that one run escapes within the budget if τ = τ0. */
  escapeProbability: number;
  expectedEscapes: number;
  /** P(K ≤ escapes) and P(K ≥ escapes) under the claim. */
  atMost: number;
  atLeast: number;
  /**
   * The counts the test rejects (null where no count is extreme enough) and the mean escape times whose expected
   * count sits on that boundary — a true τ beyond them is detected with probability about one half or more.
   */
  rejectsAtMost: number | null;
  rejectsAtLeast: number | null;
  detectableMeanAbove: number | null;
  detectableMeanBelow: number | null;
}

/**
 * Exact test of "mean escape time τ0" from the number of runs that escaped within a common budget T: under the
 * claim the count is Binomial(n, 1 − e^{−T/τ0}). Two-sided p-value by doubling the smaller tail. The exponential law
 * enters only to turn τ0 into the chance of escaping by T; the escape times themselves do not, and the p-value is
 * exact, not asymptotic.
 */
export function escapeCountTest(runs: readonly EscapeRun[], budget: number, claimedMean: number, alpha: number): EscapeCountTest {
  assertRuns(runs, budget);
  assertAlpha(alpha);
  if (!(claimedMean > 0)) throw new RangeError(`claimed mean must be positive, got ${claimedMean}`);
  const n = runs.length;
  const escapes = countEscapes(runs);
  const p = -Math.expm1(-budget / claimedMean);
  const twoSided = (k: number): number => Math.min(1, 2 * Math.min(binomialAtMost(k, n, p), binomialAtLeast(k, n, p)));
  const atMost = binomialAtMost(escapes, n, p);
  const atLeast = binomialAtLeast(escapes, n, p);
  const pValue = twoSided(escapes);
  let rejectsAtMost: number | null = null;
  for (let k = 0; k <= n && binomialAtMost(k, n, p) <= binomialAtLeast(k, n, p) && twoSided(k) < alpha; k++) rejectsAtMost = k;
  let rejectsAtLeast: number | null = null;
  for (let k = n; k >= 0 && binomialAtLeast(k, n, p) < binomialAtMost(k, n, p) && twoSided(k) < alpha; k--) rejectsAtLeast = k;
  // The τ at which the expected count n(1 − e^{−T/τ}) equals k.
  const meanForCount = (k: number): number => budget / -Math.log1p(-k / n);
  return {
    runs: n,
    escapes,
    budget,
    claimedMean,
    escapeProbability: p,
    expectedEscapes: n * p,
    atMost,
    atLeast,
    pValue,
    alpha,
    rejects: pValue < alpha,
    rejectsAtMost,
    rejectsAtLeast,
    detectableMeanAbove: rejectsAtMost === null ? null : rejectsAtMost === 0 ? Infinity : meanForCount(rejectsAtMost),
    detectableMeanBelow: rejectsAtLeast === null || rejectsAtLeast === n ? null : meanForCount(rejectsAtLeast),
  };
}

export interface LikelihoodRatioTest extends TestDecision {
  claimedMean: number;
  escapes: number;
  exposure: number;
  /** Λ = 2[ℓ(λ̂) − ℓ(1/τ0)], referred to χ²₁. */
  statistic: number;
}

/** Censored likelihood-ratio test of τ = τ0: uses the escape times as well as the count; χ²₁ asymptotics. */
export function likelihoodRatioMeanTest(runs: readonly EscapeRun[], claimedMean: number, alpha: number): LikelihoodRatioTest {
  assertRuns(runs);
  assertAlpha(alpha);
  if (!(claimedMean > 0)) throw new RangeError(`claimed mean must be positive, got ${claimedMean}`);
  const escapes = countEscapes(runs);
  const exposure = totalExposure(runs);
  const claimedRate = 1 / claimedMean;
  // d·ln(λ̂/λ0) − (λ̂ − λ0)·E with λ̂ = d/E; the first term is 0 when d = 0.
  const logRatio = escapes === 0 ? 0 : escapes * Math.log(escapes / (claimedRate * exposure));
  const statistic = Math.max(0, 2 * (logRatio - escapes + claimedRate * exposure));
  const pValue = chiSquare1UpperTail(statistic);
  return { claimedMean, escapes, exposure, statistic, pValue, alpha, rejects: pValue < alpha };
}

export interface EscapeDesign {
  claimedMean: number;
  tolerance: number;
  alpha: number;
  /** Escapes needed for the LR interval of τ at τ̂ = τ0 to have half-width ≤ tolerance, or to lie within the factor. */
  escapesNeeded: number;
  /** Seeds needed at this budget to expect that many escapes. */
  seedsNeeded: number;
  /** Budget needed with this many seeds, or null when even an unlimited budget (every run escaping) is too few. */
  budgetNeeded: number | null;
}

/**
 * What would decide a mean escape time to ± tolerance: the fewest escapes d whose LR interval (at τ̂ = τ0) has
 * half-width ≤ tolerance — the interval is skewed, wider than ±z·τ/√d — and d = n(1 − e^{−T/τ0}) solved for n or T.
 */
export function escapeDesign(claimedMean: number, tolerance: number, alpha: number, seeds: number, budget: number, factor?: number): EscapeDesign {
  assertAlpha(alpha);
  if (!(claimedMean > 0) || !(tolerance > 0)) throw new RangeError('claimed mean and tolerance must be positive');
  if (factor !== undefined && !(factor > 1)) throw new RangeError(`a resolving factor must exceed 1, got ${factor}`);
  const escapesNeeded =
    factor === undefined ? fewestEscapesFor((d) => halfWidthOf(d, alpha), tolerance / claimedMean) : fewestEscapesFor((d) => logReachOf(d, alpha), Math.log(factor));
  const seedsNeeded = Math.ceil(escapesNeeded / -Math.expm1(-budget / claimedMean));
  const budgetNeeded = escapesNeeded < seeds ? claimedMean * -Math.log1p(-escapesNeeded / seeds) : null;
  return { claimedMean, tolerance, alpha, escapesNeeded, seedsNeeded, budgetNeeded };
}

function halfWidthOf(d: number, alpha: number): number {
  const { lower, upper } = relativeLikelihoodRatioInterval(d, alpha);
  return (upper - lower) / 2;
}

/** The larger log-distance of the LR interval's ends from τ̂: within a factor f of τ̂ = τ0 when ≤ ln f. */
function logReachOf(d: number, alpha: number): number {
  const { lower, upper } = relativeLikelihoodRatioInterval(d, alpha);
  return Math.max(Math.log(upper), -Math.log(lower));
}

/** The smallest d whose half-width ≤ target; the half-width falls with d, so grow a bracket and bisect. */
function fewestEscapesFor(halfWidth: (d: number) => number, target: number): number {
  let enough = 1;
  while (halfWidth(enough) > target) {
    enough *= 2;
    if (enough > 2 ** 52) throw new RangeError(`no escape count resolves a relative half-width of ${target}`);
  }
  let tooFew = enough === 1 ? 0 : enough / 2;
  while (enough - tooFew > 1) {
    const mid = Math.floor((tooFew + enough) / 2);
    if (halfWidth(mid) > target) tooFew = mid;
    else enough = mid;
  }
  return enough;
}

export interface MeanTimeDecision {
  fit: ExponentialFit;
  design: EscapeDesign;
  decision: StatisticalDecision;
}

/**
 * A claimed mean escape time against the censored runs: `deviates` when the 1 − α LR interval of τ lies outside the
 * printed band (decideAgainstClaim). With a factor discrepancy (the ledger's rule: ×2) the reproduced side has its own
 * level (REPRODUCE_ALPHA): `reproduced` when the (1 − REPRODUCE_ALPHA) LR interval lies inside [τ0/f, f·τ0], so a τ
 * off by exactly f is called reproduced with probability ≤ REPRODUCE_ALPHA/2; an undecided verdict names the seeds or
 * the budget that would decide. Without a discrepancy: the printed precision, which no feasible seed count reaches.
 */
export function decideMeanTime(runs: readonly EscapeRun[], budget: number, claim: ClaimBand, alpha: number, discrepancy?: Discrepancy): MeanTimeDecision {
  assertRuns(runs, budget);
  if (discrepancy !== undefined && discrepancy.scale !== 'factor') throw new RangeError('a mean escape time is resolved to a factor');
  const fit = fitExponential(runs, alpha);
  const design = escapeDesign(claim.value, claim.tolerance, discrepancy ? REPRODUCE_ALPHA : alpha, runs.length, budget, discrepancy?.size);
  const wouldDecide: WouldDecide = { case: 'escape-design', budgetNeeded: design.budgetNeeded, seeds: runs.length, seedsNeeded: design.seedsNeeded, budget, escapesNeeded: design.escapesNeeded };
  const equivalence = discrepancy && fit.escapes > 0 ? { ...fitExponential(runs, REPRODUCE_ALPHA).interval, alpha: REPRODUCE_ALPHA } : undefined;
  const decision = decideAgainstClaim(
    claim,
    { estimate: fit.meanTime, lower: fit.interval.lower, upper: fit.interval.upper, alpha, seeds: runs.length },
    { wouldDecide, ...(discrepancy ? { discrepancy } : {}), ...(equivalence ? { equivalence } : {}) },
  );
  return { fit, design, decision };
}
