import type { ExperimentRequest, ExperimentResults, KramersLangerReport } from '../../experiments/index.ts';
import { hessianSpectraSpec, noiseDirectionSpec } from './kramers-figures.ts';
import type { Claim } from '../ledger.ts';
import { compareToPrinted, toleranceWidth } from '../tolerance.ts';
import type { Evaluation, EvidenceFigure, Reading, Verdict } from '../verdict.ts';
import { formatExponent, formatNumber } from '../../text/index.ts';
import { COUNT, decimalParam, integerParam } from '../common/params.ts';
import { Decimal } from 'decimal.js';

/** Appendix F at the claim's β: Hessians, zero modes, Eq. 11/12 and the gradient noise. */
export function kramersNeeds(claim: Claim): ExperimentRequest[] {
  return [{ experiment: 'kramers-langer', beta: Number(decimalParam(claim, 'beta')) }];
}

export function kramersReportOf(claim: Claim, results: ExperimentResults): KramersLangerReport {
  return results.kramersLanger(Number(decimalParam(claim, 'beta')));
}

function spectraFigure(report: KramersLangerReport): EvidenceFigure {
  const pop = report.population;
  return {
    id: 'hessian-spectra',
    title: 'Hessian spectra at the trapped minimum and at the saddle (Appendix F)',
    caption:
      `All ${report.settings.parameterCount} eigenvalues of the Hessian of MSE + (β/2)Σ‖W‖² at the rank-1 trap and at the index-1 saddle, ` +
      `population moments, β = ${report.settings.beta}. The trap has ${pop.trapped.zeroModes} zero modes and the saddle ${pop.saddle.zeroModes}, ` +
      'each exactly the dimension of the hidden-unit rotation orbit; the flat runs at β and 2β are weights the loss does not see.',
    spec: hessianSpectraSpec(report),
  };
}

function noiseFigure(report: KramersLangerReport): EvidenceFigure {
  return {
    id: 'noise-direction',
    title: 'Gradient noise that can leave the trap, against the weak-mode residue',
    caption:
      `Per-sample gradient covariance C (tr C = ${formatNumber(report.noise.atTrappedSample[0]!.trace)}) at the trapped state of seed ${report.settings.seed}'s data, ` +
      'with a weak-mode component ε added to every layer. At ε = 0 every share is exactly 0 (not drawn on the log axes): the rank-1 set is invariant ' +
      'under every gradient step, so noise cannot cross the barrier from an exactly trapped state. The shares grow as ε² (off the set) and ε⁴ (weak chain).',
    spec: noiseDirectionSpec(report),
  };
}

function single(verdict: Verdict, value: string | null, label: string, evidence: string[], extra: Partial<Evaluation> = {}): Evaluation {
  return { verdict, value, readings: [{ label, value, verdict }], evidence, ...extra };
}

/** Appendix F.2: "ω_j^min ≫ ω_j^sad for most j". Value: the share of matched pairs where the saddle is softer. */
export function evaluateTransverseCurvatures(claim: Claim, results: ExperimentResults): Evaluation {
  const report = kramersReportOf(claim, results);
  const readings: Reading[] = [report.population, report.sample].map((pair) => {
    const l = pair.langer;
    const softer = l.pairsSaddleSofter / l.matchedPairs;
    return {
      label: `${pair.moments} moments`,
      value: formatNumber(softer, 6),
      verdict: softer > 0.5 ? 'reproduced' : 'deviates',
      note: `${l.pairsSaddleSofter} of ${l.matchedPairs} pairs softer at the saddle, ${l.pairsEqual} equal, ${l.pairsSaddleStiffer} stiffer; S = ${formatNumber(l.entropicSum)}`,
    };
  });
  const pop = report.population.langer;
  return {
    verdict: readings[0]!.verdict,
    value: readings[0]!.value,
    readings,
    evidence: [
      `Pairing: the positive eigenvalues at each point, sorted from the top, symmetry zero modes and the saddle's negative mode left out ` +
        `(${pop.positiveModesMinimum} at the minimum, ${pop.positiveModesSaddle} at the saddle; ${pop.matchedPairs} pairs).`,
      ...readings.map((r) => `${r.label}: ${r.note}.`),
      `Pairing-free: Σ ln ω_sad − Σ ln ω_min = ${formatNumber(pop.logDeterminantRatio)} > 0 — the saddle is the stiffer point overall, the opposite of Appendix F.2.`,
    ],
    figures: [spectraFigure(report)],
  };
}

/** Section 2.2's mechanism needs noise across the barrier at the trapped state. Value: its share of tr C at ε = 0. */
export function evaluateNoiseAcrossBarrier(claim: Claim, results: ExperimentResults): Evaluation {
  const report = kramersReportOf(claim, results);
  const atTrap = report.noise.atTrappedSample.find((n) => n.epsilon === 0)!;
  const share = atTrap.ratioOffInvariantSet;
  // A stated floor, not "> 0": C is quadratic in the per-sample gradients, so float64 rounding leaves shares of order
  // ε_mach² ≈ 1e-32 of tr C; a share below the floor is no noise across the barrier.
  const floor = Number(decimalParam(claim, 'noiseShareFloor'));
  const verdict: Verdict = share >= floor ? 'reproduced' : 'deviates';
  return single(verdict, String(share), 'exactly trapped state', [
    `Rule: the share of C off the rank-1 invariant set must reach ${floor} of tr C (a floor far above float64 rounding, ≈ 1e-32 of tr C for a quadratic form, ` +
      `and far below any noise that could drive an escape); it is ${share}: ${verdict === 'reproduced' ? 'above' : 'below'} the floor.`,
    `At the trapped state of seed ${report.settings.seed}'s data (weak-mode weights exactly 0, as the converged checkpoints are), tr C = ${formatNumber(atTrap.trace)}; ` +
      `the share of C off the rank-1 invariant set is ${atTrap.ratioOffInvariantSet}, along the saddle's unstable direction (its part off the set) ` +
      `${atTrap.ratioUnstableOffInvariantSet}, on the weak mode's own weights ${atTrap.ratioWeakChain}.`,
    'Why: with one hidden unit used per layer, every per-sample gradient of a bias-free linear network lies in the same rank-1 set ' +
      '(each layer\'s gradient is a product with the other layers\' rank-1 factors), so neither the full gradient nor any mini-batch gradient leaves it.',
    `With a residue ε on the weak mode the escaping share grows as ε^${formatNumber(report.noise.ratioExponents.offInvariantSet[0] ?? NaN, 3)} ` +
      `(weak chain: ε^${formatNumber(report.noise.ratioExponents.weakChain[0] ?? NaN, 3)}): multiplicative noise, zero at the trap, not a temperature.`,
  ], { figures: [noiseFigure(report)] });
}

/** Eq. 11 against Eq. 12: the logarithm of Eq. 11 gives ln τ0 + S/2 + ΔE/T; Eq. 12 implies ln τ0 − S/2 + ΔE/T. */
export function evaluateEq11Eq12Sign(claim: Claim, results: ExperimentResults): Evaluation {
  const report = kramersReportOf(claim, results);
  const a = report.arrhenius;
  const gap = a.eq11.fittedIntercept - a.eq12.fittedIntercept;
  const S = a.eq12.entropicSum;
  const agree = Math.abs(gap) <= 1e-9 * Math.max(1, Math.abs(S));
  return single(agree ? 'reproduced' : 'inconsistent', formatNumber(gap, 8), 'intercept of ln τ: Eq. 11 minus Eq. 12', [
    `With the audit's S = Σ ln(ω_sad/ω_min) = ${formatNumber(S)} (population moments), ln τ from the logarithm of Eq. 11 has intercept ` +
      `${formatNumber(a.eq11.fittedIntercept)} and from Eq. 12 ${formatNumber(a.eq12.fittedIntercept)}: they differ by S = ${formatNumber(gap)}, the sign of the curvature term.`,
    'Eq. 11 also takes D eigenvalues at the saddle and D − 1 at the minimum, the reverse of Langer\'s counting (the saddle\'s unstable mode is the one left out).',
    `Both give the same slope of ln τ against 1/T (${formatNumber(a.eq11.fittedSlope, 8)} and ${formatNumber(a.eq12.fittedSlope, 8)}) = ΔE = ${formatNumber(a.barrier, 8)}.`,
  ], agree ? {} : { places: ['Appendix F.1, Eq. 11: τ = (2π/|ω1|)(Π_D|ω_sad| / Π_{D−1} ω_min)^{1/2} e^{ΔE/T}', 'Appendix F.2, Eq. 12: ΔE_eff ≡ ΔE − (T/2)Σ ln(ω_sad/ω_min), "recovered exactly" from the logarithm of Eq. 11'] });
}

/** T_eff under each reading of Appendix A, at the swept learning rates (B = 64, tr C at the trap). */
function temperatureReadings(report: KramersLangerReport): Array<{ label: string; temperatures: number[] }> {
  const a = report.arrhenius;
  const trace = a.gradientCovarianceTrace;
  const batch = report.settings.batch;
  return [
    { label: 'T = ηlr/(B·tr C) (Appendix A as printed)', temperatures: a.temperatures },
    { label: 'T = ηlr·tr C/B (C read as 1/tr C)', temperatures: a.learningRates.map((lr) => (lr * trace) / batch) },
    { label: 'T = ηlr·tr C/(2BD) (isotropic Langevin)', temperatures: a.langevinTemperaturesIsotropic },
  ];
}

/** Appendix A's T_eff against Section 3.3's ΔE_eff = 0.15: is e^{ΔE_eff/T} a measurable number of epochs? */
export function evaluateTemperatureScale(claim: Claim, results: ExperimentResults): Evaluation {
  const report = kramersReportOf(claim, results);
  const barrier = Number(decimalParam(claim, 'barrier'));
  const budget = integerParam(claim, 'budgetEpochs', COUNT);
  const lnBudget = Math.log(budget);
  const readings: Reading[] = temperatureReadings(report).map(({ label, temperatures }) => {
    const smallest = barrier / Math.max(...temperatures);
    return {
      label,
      value: formatNumber(smallest, 6),
      verdict: smallest > lnBudget ? 'inconsistent' : 'reproduced',
      note: `ΔE_eff/T from ${formatNumber(barrier / Math.max(...temperatures))} (ηlr = ${Math.max(...report.arrhenius.learningRates)}) to ${formatNumber(barrier / Math.min(...temperatures))}`,
    };
  });
  const verdict = readings.every((r) => r.verdict === 'inconsistent') ? 'inconsistent' : readings[0]!.verdict;
  return {
    verdict,
    value: readings[0]!.value,
    readings,
    evidence: [
      `tr C of the per-sample gradient covariance at the trapped state (seed ${report.settings.seed}'s data) = ${formatNumber(report.arrhenius.gradientCovarianceTrace)}; B = ${report.settings.batch}; ηlr ∈ {${report.arrhenius.learningRates.join(', ')}}.`,
      ...readings.map((r) => `${r.label}: ${r.note}. Eq. 5 then makes τ ≥ τ0·e^{${r.value}}; a measured τ within ${budget} epochs needs ΔE_eff/T ≲ ln ${budget} = ${formatNumber(lnBudget)} plus ln(1/τ0).`),
      `The Eq. 11 prefactor the audit computes is e^{${formatNumber(report.population.langer.logPrefactorEq11)}} time units, which makes τ0 larger, not smaller.`,
    ],
    ...(verdict === 'inconsistent'
      ? { places: ['Appendix A: T_eff = ηlr/(BC) with C from the trace of the gradient covariance', 'Section 3.3 / Eq. 6: escape times measured for ηlr ∈ [5e-4, 5e-3] give ΔE_eff = 0.15 ± 0.05'] as [string, string] }
      : {}),
  };
}

/** Appendix F / Section 3.3: ΔE_eff ≈ 50·ΔE_min, explained by Kramers–Langer corrections. Value: slope of ln τ vs 1/T over ΔE. */
export function evaluateKramersFactor(claim: Claim, results: ExperimentResults): Evaluation {
  const report = kramersReportOf(claim, results);
  const a = report.arrhenius;
  const printed = claim.paper.value!;
  const width = toleranceWidth(claim.tolerance, printed)!;
  const readings: Reading[] = [
    ['Eq. 12 as printed', a.eq12.fittedSlope],
    ['logarithm of Eq. 11', a.eq11.fittedSlope],
    ["Eq. 11 with Langer's zero-mode factor", a.langer.fittedSlope],
  ].map(([label, slope]) => {
    const factor = new Decimal(slope as number).div(a.barrier);
    const c = compareToPrinted(factor, printed, width);
    return {
      label: label as string,
      value: factor.toSignificantDigits(12).toString(),
      verdict: c.within ? 'reproduced' : 'deviates',
      difference: c.difference.toSignificantDigits(6).toString(),
      toleranceUnits: c.toleranceUnits,
    };
  });
  const pop = report.population;
  return {
    verdict: readings[0]!.verdict,
    value: readings[0]!.value,
    readings,
    evidence: [
      `ΔE_min = ${formatNumber(a.barrier, 8)} (Eq. 10 under the Eq. 2 reading, the engine's regulariser); the saddle was found by Newton's method from the balanced point at λsad ` +
        `(|∇| = ${formatExponent(pop.saddle.gradientNorm, 2)}, index ${pop.saddle.index}); loss(saddle) − loss(trap) − ΔE = ${formatExponent(pop.lossDifferenceMinusBarrier, 2)}.`,
      `Zero modes from the hidden-unit rotations: ${pop.trapped.zeroModes} at the trap, ${pop.saddle.zeroModes} at the saddle (each equal to the orbit dimension); ` +
        `left out of Eq. 11's products. Exactly-β modes: ${pop.trapped.exactlyBetaModes} and ${pop.saddle.exactlyBetaModes}.`,
      `ln prefactor of Eq. 11 = ${formatNumber(pop.langer.logPrefactorEq11)}; S = ${formatNumber(pop.langer.entropicSum)} over ${pop.langer.matchedPairs} matched pairs.`,
      `Eq. 12 makes ln τ = (ln τ0 − S/2) + ΔE/T: the curvature term is constant in T and moves only the intercept. Fitted to the five ` +
        `learning rates (T = ηlr/(B·tr C)), the slope of ln τ against 1/T is ΔE to ${formatExponent(a.eq12.slopeMinusBarrier, 2)}; so the slope-derived ` +
        'ΔE_eff of Section 3.3 cannot exceed ΔE by any factor through these corrections.',
      `A factor of 50 would need S = ${a.entropicSumForFactor50.map((s) => formatExponent(s, 3)).join(', ')} at the five temperatures — different at each, which no fixed spectrum gives.`,
    ],
    figures: [spectraFigure(report)],
  };
}
