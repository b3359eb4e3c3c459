// The Arrhenius law fitted to the runs themselves (Eq. 5: ln τ = ln τ0 + ΔE_eff/T_eff, linear in x = B/η_lr;
// Section 3.3, Appendix A: five learning rates, 50 seeds each, 2×10⁴ epochs). Fitting a line to per-setting ln τ̂
// cannot use a setting where no seed escaped (ln τ̂ = ∞), and dropping it biases the slope — the barrier — low
// exactly where the barrier shows most. Here every run enters the censored exponential likelihood with
// τ(x) = exp(a + b·x): ℓ(a, b) = Σ_settings [−d·(a + b·x) − E·e^{−(a + b·x)}] (d escapes, E time at risk).
import { chiSquareUpperTail, twoSidedNormalCritical } from './distributions.ts';
import { lineEstimate, rankByAic, type LineEstimate, type ModelCandidate, type ModelComparison } from './regression.ts';
import { assertAlpha, assertRuns, countEscapes, totalExposure, type EscapeRun } from './runs.ts';

/** The runs at one setting of the regressor. */
export interface EscapeGroup {
  x: number;
  runs: readonly EscapeRun[];
}

/** ln τ = intercept + slope·x; Wald intervals from the information matrix, with z (asymptotic in the escapes). */
export interface EscapeRateFit extends LineEstimate {
  settings: number;
  logLikelihood: number;
  /** 2Σ[d·ln(d/μ) − (d − μ)] against one free rate per setting, μ = E·e^{−(a + b·x)} the fitted escapes. */
  deviance: number;
  /** P(χ²_{settings − 2} > deviance): small when ln τ is not linear in x (or the escapes are not exponential). */
  linearityPValue: number | null;
  /** Per setting: escapes, time at risk and the fitted mean escape time, beside the raw runs the caller keeps. */
  perSetting: { x: number; escapes: number; exposure: number; fittedMeanTime: number }[];
}

export function fitEscapeRateLine(groups: readonly EscapeGroup[], alpha: number): EscapeRateFit {
  assertAlpha(alpha);
  if (groups.length < 2) throw new RangeError(`a line needs at least two settings, got ${groups.length}`);
  for (const group of groups) {
    if (!Number.isFinite(group.x)) throw new RangeError(`setting x = ${group.x} is not finite`);
    assertRuns(group.runs);
  }
  const x = groups.map((g) => g.x);
  const d = groups.map((g) => countEscapes(g.runs));
  const exposure = groups.map((g) => totalExposure(g.runs));
  if (new Set(x.filter((_, i) => d[i]! > 0)).size < 2) {
    throw new RangeError('the slope is not estimable: runs escaped at fewer than two settings');
  }
  // Standardise x (B/η_lr runs to 10⁵): the Newton steps work on z = (x − centre)/spread.
  const centre = x.reduce((s, v) => s + v, 0) / x.length;
  const spread = Math.sqrt(x.reduce((s, v) => s + (v - centre) ** 2, 0) / x.length);
  if (spread === 0) throw new RangeError('all settings have the same x: the slope is not determined');
  const z = x.map((v) => (v - centre) / spread);

  const logLikelihood = (alphaZ: number, betaZ: number): number =>
    z.reduce((s, zi, i) => s - d[i]! * (alphaZ + betaZ * zi) - exposure[i]! * Math.exp(-(alphaZ + betaZ * zi)), 0);
  let a = Math.log(exposure.reduce((s, v) => s + v, 0) / d.reduce((s, v) => s + v, 0));
  let b = 0;
  let ll = logLikelihood(a, b);
  let info = fisherInformation(z, exposure, a, b);
  for (let iteration = 0; ; iteration++) {
    if (iteration === 200) throw new RangeError('the escape-rate fit did not converge (the escapes may not pin down a finite slope)');
    // Score of ℓ in (a, b): Σ(μ − d)·(1, z), μ = E·e^{−η}.
    const mu = z.map((zi, i) => exposure[i]! * Math.exp(-(a + b * zi)));
    const scoreA = mu.reduce((s, m, i) => s + m - d[i]!, 0);
    const scoreB = mu.reduce((s, m, i) => s + (m - d[i]!) * z[i]!, 0);
    const det = info.aa * info.bb - info.ab * info.ab;
    const stepA = (info.bb * scoreA - info.ab * scoreB) / det;
    const stepB = (info.aa * scoreB - info.ab * scoreA) / det;
    // ℓ is concave; halve the Newton step until it does not decrease ℓ.
    let t = 1;
    let next = logLikelihood(a + stepA, b + stepB);
    while (next < ll && t > 1e-12) {
      t /= 2;
      next = logLikelihood(a + t * stepA, b + t * stepB);
    }
    a += t * stepA;
    b += t * stepB;
    if (Math.abs(b) > 1e3) throw new RangeError('the escape-rate slope diverges: the escapes do not pin down a finite slope');
    const converged = Math.abs(next - ll) <= 1e-12 * (1 + Math.abs(next)) && Math.abs(t * stepA) + Math.abs(t * stepB) < 1e-10;
    ll = next;
    info = fisherInformation(z, exposure, a, b);
    if (converged) break;
  }

  // Back to x: slope = b/spread, intercept = a − b·centre/spread; the covariance follows the same linear map.
  const det = info.aa * info.bb - info.ab * info.ab;
  const varA = info.bb / det;
  const varB = info.aa / det;
  const covAB = -info.ab / det;
  const shift = centre / spread;
  const slope = b / spread;
  const intercept = a - b * shift;
  const slopeStandardError = Math.sqrt(varB) / spread;
  const interceptStandardError = Math.sqrt(varA + shift * shift * varB - 2 * shift * covAB);

  const fittedEscapes = z.map((zi, i) => exposure[i]! * Math.exp(-(a + b * zi)));
  const deviance = 2 * fittedEscapes.reduce((s, m, i) => s + (d[i]! > 0 ? d[i]! * Math.log(d[i]! / m) : 0) - (d[i]! - m), 0);
  const dof = groups.length - 2;
  return {
    settings: groups.length,
    ...lineEstimate({ intercept, slope, interceptStandardError, slopeStandardError }, alpha, twoSidedNormalCritical(alpha)),
    logLikelihood: ll,
    deviance: Math.max(0, deviance),
    linearityPValue: dof > 0 ? chiSquareUpperTail(Math.max(0, deviance), dof) : null,
    perSetting: x.map((xi, i) => ({ x: xi, escapes: d[i]!, exposure: exposure[i]!, fittedMeanTime: Math.exp(intercept + slope * xi) })),
  };
}

/** −∂²ℓ in (a, b): Σ μ·(1, z)(1, z)ᵀ. */
function fisherInformation(z: readonly number[], exposure: readonly number[], a: number, b: number): { aa: number; ab: number; bb: number } {
  let aa = 0;
  let ab = 0;
  let bb = 0;
  for (const [i, zi] of z.entries()) {
    const mu = exposure[i]! * Math.exp(-(a + b * zi));
    aa += mu;
    ab += mu * zi;
    bb += mu * zi * zi;
  }
  return { aa, ab, bb };
}

/**
 * Ranks laws ln τ = a + b·x for different regressors of the same settings (e.g. x = B/η_lr for Arrhenius against
 * ln(B/η_lr) for a power law, Section 3.3) by AIC = −2ℓ + 2·2 on the censored likelihood of all runs.
 */
export function compareEscapeRateModels(
  runsPerSetting: readonly (readonly EscapeRun[])[],
  candidates: readonly ModelCandidate[],
  alpha: number,
): ModelComparison<EscapeRateFit> {
  const fitted = candidates.map(({ label, x }) => {
    if (x.length !== runsPerSetting.length) throw new RangeError(`${label}: ${x.length} regressor values for ${runsPerSetting.length} settings`);
    const fit = fitEscapeRateLine(x.map((xi, i) => ({ x: xi, runs: runsPerSetting[i]! })), alpha);
    return { label, fit, aic: -2 * fit.logLikelihood + 2 * 2 };
  });
  return rankByAic(fitted, runsPerSetting.length);
}
