import { describeLandscape, float64 } from '../analytic/index.ts';
import { makeTaskData, type Dataset } from '../data/index.ts';
import {
  balancedAlignedNetwork,
  chainCoordinates,
  cloneNetwork,
  coordinateBasis,
  depth,
  fullGradientNorm,
  invariantSupport,
  layerWeights,
  logStiefelVolume,
  lossHessian,
  MetricsProbe,
  norm,
  orbitTangentSpace,
  parameterCount,
  perSampleGradientCovariance,
  populationMoments,
  prepareTrainingSet,
  projectedTrace,
  refineCriticalPoint,
  singularValues,
  subspaceExcess,
  symmetricEigen,
  symmetryTangents,
  trace,
  type Moments,
  type Network,
  type NewtonSettings,
  type SymmetricEigen,
} from '../engine/index.ts';
import { PROTOCOLS, dataSeedFor } from '../protocols/index.ts';
import { fitLine } from '../stats/index.ts';

/** The level of fitLine's intervals, unused here: the lines of Eq. 11/12 go through exact points. */
const EXACT_POINTS_ALPHA = 0.05;

export interface KramersLangerOptions {
  /** Section 3.2: β = 0.32. */
  readonly beta: number;
  /** The seed whose training set gives the sample moments (rank1-trap protocol's data design). */
  readonly seed: number;
  /** Appendix A's Arrhenius sweep: ηlr ∈ {5e-4, 1e-3, 2e-3, 3e-3, 5e-3} at B = 64. */
  readonly learningRates: readonly number[];
  readonly batch: number;
  /** Weak-mode components ε put on every layer of the trapped state for the noise scaling. */
  readonly epsilons: readonly number[];
  /** Depth L (L − 1 hidden layers of the protocol's width); absent: the protocol's own (L = 3). */
  readonly depth?: number;
}

export const PAPER_KRAMERS_OPTIONS: KramersLangerOptions = {
  beta: 0.32,
  seed: 42,
  learningRates: [5e-4, 1e-3, 2e-3, 3e-3, 5e-3],
  batch: 64,
  epsilons: [1e-12, 1e-6, 1e-3, 1e-1],
};

/** |∇| target of the Newton refinement, and the relative size below which an eigenvalue counts as zero. */
const NEWTON: Omit<NewtonSettings, 'beta'> = { gradientTolerance: 1e-12, maxIterations: 60, relativeCutoff: 1e-9 };
const ZERO_CURVATURE = 1e-9;
const BETA_MODE_TOLERANCE = 1e-9;
// The trapped state uses hidden unit 0 for the strong mode; the saddle adds the weak mode on unit 1.
const STRONG = 0;
const WEAK = 1;

export interface CriticalPointReport {
  readonly construction: string;
  readonly newtonIterations: number;
  readonly gradientNorm: number;
  readonly converged: boolean;
  /** MSE + (β/2)|θ|² on the moments. */
  readonly loss: number;
  readonly endToEndSingularValues: number[];
  /** Number of negative Hessian eigenvalues beyond the zero-curvature tolerance. */
  readonly index: number;
  /** The Hessian spectrum, ascending. */
  readonly spectrum: number[];
  /** Eigenvalues with |ω| ≤ 1e-9 max|ω|. */
  readonly zeroModes: number;
  readonly largestZeroEigenvalue: number;
  readonly smallestNonzeroAbsEigenvalue: number;
  /** Rank of the hidden-unit rotation tangents at the point (the symmetry orbit's dimension). */
  readonly orbitDimension: number;
  /** Σ_l (r_l n_l − r_l(r_l+1)/2), r_l the hidden units used in layer l: dim of Π O(n_l)/O(n_l − r_l). */
  readonly orbitDimensionFromUsedUnits: number;
  readonly usedHiddenUnits: number[];
  /** Largest distance of a zero-mode eigenvector from the orbit tangent space and vice versa. */
  readonly zeroSpaceVsOrbitTangent: { readonly zeroModesOutsideOrbit: number; readonly orbitOutsideZeroModes: number };
  /** max |H t| over unit orbit tangents t: zero at a critical point, the loss being invariant. */
  readonly hessianOnOrbitTangents: number;
  /** Eigenvalues equal to β within 1e-9: pure weight-decay directions on weights the loss does not see. */
  readonly exactlyBetaModes: number;
  /** Eigenvalues equal to 2β within 1e-9 (the other exact cluster of the spectrum). */
  readonly exactlyTwoBetaModes: number;
  /** ln Vol of the orbit: ln Vol(Π O(n_l)/O(n_l − r_l)) + ln √pdet(Gram of the generator tangents). */
  readonly logOrbitVolume: number;
}

export interface LangerReport {
  readonly negativeEigenvalue: number;
  /** Non-zero positive modes entering the products: D − n0 at the minimum, D − n0 − 1 at the saddle. */
  readonly positiveModesMinimum: number;
  readonly positiveModesSaddle: number;
  /** n0(saddle) − n0(minimum): how many more symmetry zero modes the saddle has. */
  readonly zeroModeExcess: number;
  /** Pairs of Eq. 12: both positive lists sorted descending, paired from the top. */
  readonly matchedPairs: number;
  /** Eq. 12's entropic sum S = Σ_j ln(ω_j^sad / ω_j^min) over the matched pairs. */
  readonly entropicSum: number;
  /**
   * How the matched pairs compare (Appendix F.2 claims ω^min ≫ ω^sad "for most j"): pairs with
   * ω^sad < ω^min, equal within 1e-9 relative, and ω^sad > ω^min.
   */
  readonly pairsSaddleSofter: number;
  readonly pairsEqual: number;
  readonly pairsSaddleStiffer: number;
  /** The minimum's positive eigenvalues left without a partner, and the sum of their logarithms. */
  readonly unmatchedMinimumEigenvalues: number[];
  readonly unmatchedLogSum: number;
  /** Σ ln ω^sad − Σ ln ω^min over all positive non-zero modes: pairing-free, = S − unmatchedLogSum. */
  readonly logDeterminantRatio: number;
  /**
   * ln of Eq. 11's prefactor (2π/|ω1|)(Π|ω^sad| / Π ω^min)^{1/2} with the symmetry zero modes left out
   * of both products (they would make it 0 or ∞): ln 2π − ½ ln|ω1| + ½ logDeterminantRatio.
   */
  readonly logPrefactorEq11: number;
  /**
   * Langer's treatment of the zero modes: each zero mode's Gaussian width √(2πT/ω) becomes the orbit's
   * extent, so τ = prefactor · (2πT)^{zeroModeExcess/2} · Vol_min/Vol_sad · e^{ΔE/T}. This is
   * ln(Vol_min/Vol_sad); the T-power is in arrhenius.langer.
   */
  readonly logOrbitVolumeRatio: number;
}

export interface PointPairReport {
  readonly moments: 'population' | 'sample';
  readonly trapped: CriticalPointReport;
  readonly saddle: CriticalPointReport;
  /**
   * Loss(saddle) − Loss(trapped) and the analytic ΔE of Eq. 10 for the teacher's η2 = 0.8 (eq2 reading).
   * Exact on the population moments (the per-mode loss is exact for balanced aligned networks); on sample
   * moments the sample's own singular values and Sxx ≠ I move the barrier, so the two need not agree.
   */
  readonly lossDifference: number;
  readonly analyticBarrier: number;
  readonly lossDifferenceMinusBarrier: number;
  /** Weight of the saddle's unstable eigenvector on the weak mode's chain W1[1][1], W2[1][1], W3[1][1]. */
  readonly unstableVectorWeightOnWeakChain: number;
  readonly langer: LangerReport;
}

export interface NoiseAtPoint {
  readonly epsilon: number;
  /** tr C of the per-sample gradient covariance (Appendix A's C). */
  readonly trace: number;
  /** uᵀ C u with u the saddle's unstable eigenvector (its small part on the strong-mode weights included). */
  readonly alongUnstableDirection: number;
  /** u'ᵀ C u' with u' the unstable eigenvector's part off the invariant set, normalised: noise that can leave the trap. */
  readonly alongUnstableOffInvariantSet: number;
  /** tr(P C P) over the weak chain (one weight per layer through the weak hidden unit). */
  readonly onWeakChain: number;
  /** tr(P C P) over every weight outside the rank-1 invariant set (W1[0][:], W2[0][0], W3[:][0]). */
  readonly offInvariantSet: number;
  readonly ratioUnstable: number;
  readonly ratioUnstableOffInvariantSet: number;
  readonly ratioWeakChain: number;
  readonly ratioOffInvariantSet: number;
}

export interface ArrheniusCheck {
  readonly learningRates: number[];
  /** Appendix A as printed: T_eff = ηlr / (B C), C = tr of the per-sample gradient covariance at the trap. */
  readonly gradientCovarianceTrace: number;
  readonly temperatures: number[];
  /**
   * For comparison, the temperature of Langevin dynamics dθ = −∇f dt + √(2T) dW matched to SGD's step
   * (dt = ηlr, step noise covariance ηlr² C/B): T = ηlr c/(2B) with c = tr C / D (isotropic reading) and
   * with c = u'ᵀ C u' (the noise along the escape direction at the trap, zero there).
   */
  readonly langevinTemperaturesIsotropic: number[];
  readonly langevinTemperaturesAlongEscape: number[];
  readonly barrier: number;
  /** Eq. 12 as printed: ln τ = (ln τ0 − S/2) + ΔE/T; its least-squares slope against 1/T. */
  readonly eq12: {
    readonly entropicSum: number;
    readonly lnTau: number[];
    readonly fittedSlope: number;
    readonly fittedIntercept: number;
    /** fittedSlope − ΔE: the curvature term moves the intercept by −S/2 and leaves the slope at ΔE. */
    readonly slopeMinusBarrier: number;
  };
  /** The logarithm of Eq. 11 itself gives ln τ = ln τ0 + S/2 + ΔE/T: the sign of S is the opposite of Eq. 12's. */
  readonly eq11: { readonly lnTau: number[]; readonly fittedSlope: number; readonly fittedIntercept: number };
  /** With Langer's zero-mode factor (2πT)^{Δn0/2}: ln τ gains (Δn0/2) ln T, the fitted slope is ΔE − O(Δn0 T). */
  readonly langer: { readonly zeroModeExcess: number; readonly lnTau: number[]; readonly fittedSlope: number };
  /**
   * S that Eq. 12 needs for ΔE_eff = 50 ΔE at each T: S = −98 ΔE/T (and +98 ΔE/T under Eq. 11's own
   * sign). Whatever S is, it is constant in T, so the slope stays ΔE.
   */
  readonly entropicSumForFactor50: number[];
  readonly entropicSumForFactor50Eq11Sign: number[];
}

export interface KramersLangerReport {
  readonly settings: {
    readonly beta: number;
    readonly seed: number;
    readonly widths: number[];
    readonly parameterCount: number;
    readonly teacherSingularValues: number[];
    readonly convention: 'eq2';
    readonly batch: number;
  };
  readonly analytic: {
    readonly lambdaSaddle: number;
    readonly lambdaStrong: number;
    readonly barrier: number;
    /** The same under Eq. 1's printed regulariser (β/2)λ^{2/L}, for reference: not the engine's loss. */
    readonly lambdaSaddleEq1: number | null;
    readonly barrierEq1: number | null;
  };
  readonly population: PointPairReport;
  readonly sample: PointPairReport;
  readonly noise: {
    readonly atTrappedSample: NoiseAtPoint[];
    /** d ln(ratio)/d ln ε between consecutive ε > 0, for the off-invariant-set and weak-chain shares. */
    readonly ratioExponents: { readonly offInvariantSet: number[]; readonly weakChain: number[] };
    /** Largest |θ_p| off the invariant set at the trapped state (0: it lies exactly on the set). */
    readonly trappedLeakOffInvariantSet: number;
    /** |P_support u|²: the share of the (sample) saddle's unstable eigenvector on the rank-1 invariant set's weights. */
    readonly unstableVectorWeightOnInvariantSet: number;
  };
  readonly arrhenius: ArrheniusCheck;
}

/** Eq. 5 with Eq. 12's ΔE_eff = ΔE − (T/2) S: ln τ = ln τ0 + ΔE_eff/T at each T. */
export function lnTauEq12(lnTau0: number, barrier: number, entropicSum: number, temperatures: readonly number[]): number[] {
  return temperatures.map((T) => lnTau0 + (barrier - (T / 2) * entropicSum) / T);
}

/** The S for which Eq. 12 gives ΔE_eff = factor·ΔE at temperature T: S = −2(factor − 1)ΔE/T. */
export function entropicSumForFactor(barrier: number, factor: number, T: number): number {
  return (-2 * (factor - 1) * barrier) / T;
}

function usedHiddenUnits(net: Network): number[] {
  const w = net.shape.widths;
  const L = depth(net.shape);
  const used: number[] = [];
  for (let l = 1; l < L; l++) {
    // Units hidden layer l uses: the span of W_l's columns and W_{l+1}'s rows, i.e. the rank of [W_l | W_{l+1}ᵀ].
    const n = w[l]!;
    const cols = w[l - 1]! + w[l + 1]!;
    const joined = new Float64Array(n * cols);
    const below = layerWeights(net, l);
    const above = layerWeights(net, l + 1);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < w[l - 1]!; j++) joined[i * cols + j] = below[i * w[l - 1]! + j]!;
      for (let o = 0; o < w[l + 1]!; o++) joined[i * cols + w[l - 1]! + o] = above[o * n + i]!;
    }
    const sigma = singularValues(joined, n, cols);
    const top = sigma[0] ?? 0;
    used.push(sigma.filter((s) => s > 1e-9 * top).length);
  }
  return used;
}

interface AnalysedPoint {
  readonly net: Network;
  readonly eigen: SymmetricEigen;
  readonly report: CriticalPointReport;
}

/**
 * Refines `start` to a critical point and analyses its Hessian. With `support`, the weights off that
 * invariant set are then set to exactly zero: Newton's eigenvector steps leave rounding (~1e-16) there,
 * which the gradient never would, and which would otherwise read as noise off the set.
 */
function analysePoint(start: Network, moments: Moments, beta: number, construction: string, support?: readonly number[]): AnalysedPoint {
  const net = cloneNetwork(start);
  const D = net.params.length;
  const newton = refineCriticalPoint(net, moments, { beta, ...NEWTON });
  if (support !== undefined) {
    const keep = new Set(support);
    for (let p = 0; p < D; p++) if (!keep.has(p)) net.params[p] = 0;
  }
  const hessian = lossHessian(net, moments, beta);
  const eigen = symmetricEigen(hessian, D);
  const values = Array.from(eigen.values);
  const scale = Math.max(...values.map(Math.abs));
  const zero = values.map((v, k) => (Math.abs(v) <= ZERO_CURVATURE * scale ? k : -1)).filter((k) => k >= 0);
  const zeroBasis = new Float64Array(zero.length * D);
  zero.forEach((k, row) => zeroBasis.set(eigen.vectors.subarray(k * D, (k + 1) * D), row * D));
  const orbit = orbitTangentSpace(symmetryTangents(net), D, ZERO_CURVATURE);
  let hessianOnOrbit = 0;
  for (let k = 0; k < orbit.dimension; k++) {
    for (let p = 0; p < D; p++) {
      let sum = 0;
      for (let q = 0; q < D; q++) sum += hessian[p * D + q]! * orbit.basis[k * D + q]!;
      hessianOnOrbit = Math.max(hessianOnOrbit, Math.abs(sum));
    }
  }
  const used = usedHiddenUnits(net);
  const widths = net.shape.widths;
  const logGroupQuotient = used.reduce((s, r, i) => s + logStiefelVolume(widths[i + 1]!, r), 0);
  const metrics = new MetricsProbe(net, moments, moments).measure(beta);
  const nonzero = values.filter((v) => Math.abs(v) > ZERO_CURVATURE * scale);
  return {
    net,
    eigen,
    report: {
      construction,
      newtonIterations: newton.iterations,
      gradientNorm: fullGradientNorm(net, moments, beta),
      converged: newton.converged && fullGradientNorm(net, moments, beta) < NEWTON.gradientTolerance,
      loss: metrics.regularisedLoss,
      endToEndSingularValues: metrics.singularValues,
      index: values.filter((v) => v < -ZERO_CURVATURE * scale).length,
      spectrum: values,
      zeroModes: zero.length,
      largestZeroEigenvalue: zero.reduce((s, k) => Math.max(s, Math.abs(values[k]!)), 0),
      smallestNonzeroAbsEigenvalue: nonzero.reduce((s, v) => Math.min(s, Math.abs(v)), Number.MAX_VALUE),
      orbitDimension: orbit.dimension,
      orbitDimensionFromUsedUnits: used.reduce((s, r, i) => s + r * widths[i + 1]! - (r * (r + 1)) / 2, 0),
      usedHiddenUnits: used,
      zeroSpaceVsOrbitTangent: {
        zeroModesOutsideOrbit: subspaceExcess(zeroBasis, orbit.basis, D),
        orbitOutsideZeroModes: subspaceExcess(orbit.basis, zeroBasis, D),
      },
      hessianOnOrbitTangents: hessianOnOrbit,
      exactlyBetaModes: values.filter((v) => Math.abs(v - beta) <= BETA_MODE_TOLERANCE).length,
      exactlyTwoBetaModes: values.filter((v) => Math.abs(v - 2 * beta) <= BETA_MODE_TOLERANCE).length,
      logOrbitVolume: logGroupQuotient + orbit.logVolumeJacobian,
    },
  };
}

function positiveNonzero(report: CriticalPointReport): number[] {
  const scale = Math.max(...report.spectrum.map(Math.abs));
  return report.spectrum.filter((v) => v > ZERO_CURVATURE * scale).sort((a, b) => b - a);
}

// Appendix F: Eq. 11's products and Eq. 12's sum over the matched non-zero modes.
function langer(trapped: CriticalPointReport, saddle: CriticalPointReport): LangerReport {
  const atMin = positiveNonzero(trapped);
  const atSad = positiveNonzero(saddle);
  const negativeEigenvalue = saddle.spectrum[0]!;
  const pairs = Math.min(atMin.length, atSad.length);
  const logRatios = atSad.slice(0, pairs).map((v, j) => Math.log(v / atMin[j]!));
  const entropicSum = logRatios.reduce((s, v) => s + v, 0);
  const unmatchedMin = atMin.slice(pairs);
  const unmatchedSad = atSad.slice(pairs);
  const unmatchedLogSum = unmatchedMin.reduce((s, v) => s + Math.log(v), 0) - unmatchedSad.reduce((s, v) => s + Math.log(v), 0);
  const logDeterminantRatio = entropicSum - unmatchedLogSum;
  return {
    negativeEigenvalue,
    positiveModesMinimum: atMin.length,
    positiveModesSaddle: atSad.length,
    zeroModeExcess: saddle.zeroModes - trapped.zeroModes,
    matchedPairs: pairs,
    entropicSum,
    pairsSaddleSofter: logRatios.filter((v) => v < -1e-9).length,
    pairsEqual: logRatios.filter((v) => Math.abs(v) <= 1e-9).length,
    pairsSaddleStiffer: logRatios.filter((v) => v > 1e-9).length,
    unmatchedMinimumEigenvalues: unmatchedMin,
    unmatchedLogSum,
    logDeterminantRatio,
    logPrefactorEq11: Math.log(2 * Math.PI) - 0.5 * Math.log(Math.abs(negativeEigenvalue)) + 0.5 * logDeterminantRatio,
    logOrbitVolumeRatio: trapped.logOrbitVolume - saddle.logOrbitVolume,
  };
}

function analysePair(
  moments: Moments,
  kind: 'population' | 'sample',
  beta: number,
  shape: Network['shape'],
  lambdas: { strong: number; saddle: number },
  barrier: number,
): { report: PointPairReport; trapped: AnalysedPoint; saddle: AnalysedPoint } {
  const start = balancedAlignedNetwork(shape, [lambdas.strong, 0]);
  const trapped = analysePoint(
    start,
    moments,
    beta,
    `balanced aligned, strong mode at λ** = ${lambdas.strong} (u = λ**^{1/L}) on hidden unit ${STRONG}, weak mode off; Newton on ∇ = 0, then the weights off the rank-1 invariant set set to exactly 0`,
    invariantSupport(start, STRONG),
  );
  const saddle = analysePoint(
    balancedAlignedNetwork(shape, [lambdas.strong, lambdas.saddle]),
    moments,
    beta,
    `balanced aligned, strong mode at λ**, weak mode at the analytic λsad = ${lambdas.saddle} (u = λsad^{1/L}) on hidden unit ${WEAK}; Newton on ∇ = 0 with the zero-curvature directions left out`,
  );
  const D = saddle.net.params.length;
  const unstable = saddle.eigen.vectors.subarray(0, D);
  const chain = chainCoordinates(saddle.net, WEAK, 1, 1);
  const lossDifference = saddle.report.loss - trapped.report.loss;
  return {
    trapped,
    saddle,
    report: {
      moments: kind,
      trapped: trapped.report,
      saddle: saddle.report,
      lossDifference,
      analyticBarrier: barrier,
      lossDifferenceMinusBarrier: lossDifference - barrier,
      unstableVectorWeightOnWeakChain: chain.reduce((s, p) => s + unstable[p]! ** 2, 0),
      langer: langer(trapped.report, saddle.report),
    },
  };
}

function offInvariantSet(net: Network): number[] {
  const support = new Set(invariantSupport(net, STRONG));
  return Array.from({ length: net.params.length }, (_, p) => p).filter((p) => !support.has(p));
}

function noiseAt(net: Network, data: Dataset, unstable: Float64Array, epsilon: number): NoiseAtPoint {
  const probe = cloneNetwork(net);
  const D = probe.params.length;
  const chain = chainCoordinates(probe, WEAK, 1, 1);
  for (const p of chain) probe.params[p] = epsilon;
  const cov = perSampleGradientCovariance(probe, data);
  const total = trace(cov, D);
  const off = offInvariantSet(probe);
  const escaping = new Float64Array(D);
  for (const p of off) escaping[p] = unstable[p]!;
  const size = norm(escaping);
  for (let p = 0; p < D; p++) escaping[p]! /= size;
  const alongUnstableDirection = projectedTrace(cov, unstable, D);
  const alongUnstableOffInvariantSet = projectedTrace(cov, escaping, D);
  const onWeakChain = projectedTrace(cov, coordinateBasis(chain, D), D);
  const offInvariant = projectedTrace(cov, coordinateBasis(off, D), D);
  return {
    epsilon,
    trace: total,
    alongUnstableDirection,
    alongUnstableOffInvariantSet,
    onWeakChain,
    offInvariantSet: offInvariant,
    ratioUnstable: alongUnstableDirection / total,
    ratioUnstableOffInvariantSet: alongUnstableOffInvariantSet / total,
    ratioWeakChain: onWeakChain / total,
    ratioOffInvariantSet: offInvariant / total,
  };
}

/** d ln y / d ln ε between consecutive rows with ε > 0. */
function scalingExponents(rows: readonly NoiseAtPoint[], pick: (row: NoiseAtPoint) => number): number[] {
  const positive = rows.filter((row) => row.epsilon > 0);
  return positive.slice(1).map((row, k) => Math.log(pick(row) / pick(positive[k]!)) / Math.log(row.epsilon / positive[k]!.epsilon));
}

/**
 * Times from Eq. 11 are in the units of overdamped Langevin dynamics dθ = −∇f dt + √(2T) dW (unit
 * mobility); SGD's step is dt = ηlr, a constant factor that moves ln τ0 only (Appendix F.4).
 *
 * Appendix F's Kramers–Langer formula from the Hessians at the trapped rank-1 minimum and at the saddle
 * toward rank 2 (Sections 3.2, 3.3), on the population moments (the headline) and on one seed's sample
 * moments, with the symmetry zero modes identified, the gradient-noise covariance at the trap and its
 * share along the escape directions, and the Arrhenius slope check of Eq. 12.
 */
export function kramersLanger(options: KramersLangerOptions): KramersLangerReport {
  const protocol = PROTOCOLS['rank1-trap'];
  const { teacher } = protocol;
  const base = protocol.network;
  const hidden = base.widths[1]!;
  const shape =
    options.depth === undefined
      ? base
      : { ...base, widths: [base.widths[0]!, ...Array.from({ length: options.depth - 1 }, () => hidden), base.widths.at(-1)!] };
  const [etaStrong, etaWeak] = teacher.singularValues as [number, number];
  const L = depth(shape);
  const strong = describeLandscape(float64, { eta: etaStrong, beta: options.beta, depth: L, convention: 'eq2' });
  const weak = describeLandscape(float64, { eta: etaWeak, beta: options.beta, depth: L, convention: 'eq2' });
  const weakEq1 = describeLandscape(float64, { eta: etaWeak, beta: options.beta, depth: L, convention: 'eq1' });
  if (strong.lambdaMin === null || weak.lambdaSaddle === null || weak.barrier === null) {
    throw new RangeError(`β = ${options.beta} is beyond βc of a mode: no rank-1 minimum or no saddle to rank 2`);
  }
  const lambdas = { strong: strong.lambdaMin, saddle: weak.lambdaSaddle };
  const barrier = weak.barrier;

  const population = analysePair(populationMoments(teacher), 'population', options.beta, shape, lambdas, barrier);
  const data = makeTaskData(teacher, protocol.data, dataSeedFor(protocol, options.seed));
  const train = prepareTrainingSet(data.train, false);
  const sample = analysePair(train.moments, 'sample', options.beta, shape, lambdas, barrier);

  const D = parameterCount(shape);
  const unstable = sample.saddle.eigen.vectors.subarray(0, D);
  const atTrappedSample = [0, ...options.epsilons].map((eps) => noiseAt(sample.trapped.net, data.train, unstable, eps));
  const trapped = sample.trapped.net;
  const off = offInvariantSet(trapped);
  const support = invariantSupport(trapped, STRONG);
  const escapeNoise = atTrappedSample[0]!.alongUnstableOffInvariantSet;

  const C = atTrappedSample[0]!.trace;
  // Appendix A as printed: T_eff = ηlr/(B C) with C the trace.
  const temperatures = options.learningRates.map((lr) => lr / (options.batch * C));
  const inverse = temperatures.map((T) => 1 / T);
  const kl = population.report.langer;
  const lnTau0 = Math.log(2 * Math.PI) - Math.log(Math.abs(kl.negativeEigenvalue));
  const eq12 = lnTauEq12(lnTau0, barrier, kl.entropicSum, temperatures);
  const eq11 = temperatures.map((T) => lnTau0 + kl.entropicSum / 2 + barrier / T);
  const langerLnTau = temperatures.map(
    (T) => kl.logPrefactorEq11 + (kl.zeroModeExcess / 2) * Math.log(2 * Math.PI * T) + kl.logOrbitVolumeRatio + barrier / T,
  );
  const fit12 = fitLine(inverse, eq12, EXACT_POINTS_ALPHA);
  const fit11 = fitLine(inverse, eq11, EXACT_POINTS_ALPHA);

  return {
    settings: {
      beta: options.beta,
      seed: options.seed,
      widths: [...shape.widths],
      parameterCount: D,
      teacherSingularValues: [...teacher.singularValues],
      convention: 'eq2',
      batch: options.batch,
    },
    analytic: {
      lambdaSaddle: lambdas.saddle,
      lambdaStrong: lambdas.strong,
      barrier,
      lambdaSaddleEq1: weakEq1.lambdaSaddle,
      barrierEq1: weakEq1.barrier,
    },
    population: population.report,
    sample: sample.report,
    noise: {
      atTrappedSample,
      ratioExponents: {
        offInvariantSet: scalingExponents(atTrappedSample, (row) => row.ratioOffInvariantSet),
        weakChain: scalingExponents(atTrappedSample, (row) => row.ratioWeakChain),
      },
      trappedLeakOffInvariantSet: off.reduce((s, p) => Math.max(s, Math.abs(trapped.params[p]!)), 0),
      unstableVectorWeightOnInvariantSet: support.reduce((s, p) => s + unstable[p]! ** 2, 0),
    },
    arrhenius: {
      learningRates: [...options.learningRates],
      gradientCovarianceTrace: C,
      temperatures,
      langevinTemperaturesIsotropic: options.learningRates.map((lr) => (lr * C) / (2 * options.batch * D)),
      langevinTemperaturesAlongEscape: options.learningRates.map((lr) => (lr * escapeNoise) / (2 * options.batch)),
      barrier,
      eq12: {
        entropicSum: kl.entropicSum,
        lnTau: eq12,
        fittedSlope: fit12.slope,
        fittedIntercept: fit12.intercept,
        slopeMinusBarrier: fit12.slope - barrier,
      },
      eq11: { lnTau: eq11, fittedSlope: fit11.slope, fittedIntercept: fit11.intercept },
      langer: { zeroModeExcess: kl.zeroModeExcess, lnTau: langerLnTau, fittedSlope: fitLine(inverse, langerLnTau, EXACT_POINTS_ALPHA).slope },
      entropicSumForFactor50: temperatures.map((T) => entropicSumForFactor(barrier, 50, T)),
      entropicSumForFactor50Eq11Sign: temperatures.map((T) => -entropicSumForFactor(barrier, 50, T)),
    },
  };
}
