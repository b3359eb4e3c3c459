import type { ExperimentRequest, ExperimentResults, KramersLangerReport } from '../../experiments/index.ts';
import { hessianSpectraSpec, noiseDirectionSpec } from './kramers-figures.ts';
import type { Claim } from '../ledger.ts';
import { compareToPrinted, toleranceWidth } from '../tolerance.ts';
import type { Evaluation, EvidenceFigure, Reading, Verdict } from '../verdict.ts';
import { finding, type Finding } from '../finding.ts';
import { formatNumber } from '../../text/index.ts';
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

function single(verdict: Verdict, value: string | null, label: string, evidence: Finding[], extra: Partial<Evaluation> = {}): Evaluation {
  return { verdict, value, readings: [{ label, value, verdict }], evidence, ...extra };
}

/** Appendix F.2: "ω_j^min ≫ ω_j^sad for most j". Value: the share of matched pairs where the saddle is softer. */
export function evaluateTransverseCurvatures(claim: Claim, results: ExperimentResults): Evaluation {
  const report = kramersReportOf(claim, results);
  const pairs = [report.population, report.sample].map((pair) => {
    const l = pair.langer;
    const softer = l.pairsSaddleSofter / l.matchedPairs;
    const counts = { softer: l.pairsSaddleSofter, equal: l.pairsEqual, stiffer: l.pairsSaddleStiffer, pairs: l.matchedPairs, entropicSum: l.entropicSum };
    const reading: Reading = {
      label: `${pair.moments} moments`,
      value: formatNumber(softer, 6),
      verdict: softer > 0.5 ? 'reproduced' : 'deviates',
      note: finding('kramers-langer.pairs', counts),
    };
    return { reading, counts };
  });
  const readings = pairs.map((p) => p.reading);
  const pop = report.population.langer;
  return {
    verdict: readings[0]!.verdict,
    value: readings[0]!.value,
    readings,
    evidence: [
      finding('kramers-langer.pairing', { positiveMinimum: pop.positiveModesMinimum, positiveSaddle: pop.positiveModesSaddle, pairs: pop.matchedPairs }),
      ...pairs.map(({ reading, counts }) => finding('kramers-langer.pairs-at', { label: reading.label, counts })),
      finding('kramers-langer.log-determinant', { logDeterminantRatio: pop.logDeterminantRatio }),
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
    finding('kramers-langer.noise-rule', { floor, share, verdict }),
    finding('kramers-langer.noise-at-trap', {
      seed: report.settings.seed,
      trace: atTrap.trace,
      offSet: atTrap.ratioOffInvariantSet,
      unstable: atTrap.ratioUnstableOffInvariantSet,
      weakChain: atTrap.ratioWeakChain,
    }),
    finding('kramers-langer.noise-why', {}),
    finding('kramers-langer.noise-growth', { offSet: report.noise.ratioExponents.offInvariantSet[0] ?? null, weakChain: report.noise.ratioExponents.weakChain[0] ?? null }),
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
    finding('kramers-langer.intercepts', { entropicSum: S, eq11: a.eq11.fittedIntercept, eq12: a.eq12.fittedIntercept, gap }),
    finding('kramers-langer.eq11-counting', {}),
    finding('kramers-langer.slopes', { eq11: a.eq11.fittedSlope, eq12: a.eq12.fittedSlope, barrier: a.barrier }),
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
  const ratios = temperatureReadings(report).map(({ label, temperatures }) => {
    const ratio = { smallest: barrier / Math.max(...temperatures), largest: barrier / Math.min(...temperatures), learningRate: Math.max(...report.arrhenius.learningRates) };
    const reading: Reading = {
      label,
      value: formatNumber(ratio.smallest, 6),
      verdict: ratio.smallest > lnBudget ? 'inconsistent' : 'reproduced',
      note: finding('kramers-langer.barrier-over-temperature', ratio),
    };
    return { reading, ratio };
  });
  const readings = ratios.map((r) => r.reading);
  const verdict = readings.every((r) => r.verdict === 'inconsistent') ? 'inconsistent' : readings[0]!.verdict;
  return {
    verdict,
    value: readings[0]!.value,
    readings,
    evidence: [
      finding('kramers-langer.temperature-trace', { seed: report.settings.seed, trace: report.arrhenius.gradientCovarianceTrace, batch: report.settings.batch, learningRates: report.arrhenius.learningRates }),
      ...ratios.map(({ reading, ratio }) => finding('kramers-langer.temperature-reading', { label: reading.label, ratio, budget, lnBudget })),
      finding('kramers-langer.prefactor', { logPrefactor: report.population.langer.logPrefactorEq11 }),
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
      finding('kramers-langer.saddle', { barrier: a.barrier, gradientNorm: pop.saddle.gradientNorm, index: pop.saddle.index, lossDifferenceMinusBarrier: pop.lossDifferenceMinusBarrier }),
      finding('kramers-langer.zero-modes', { trap: pop.trapped.zeroModes, saddle: pop.saddle.zeroModes, exactlyBetaTrap: pop.trapped.exactlyBetaModes, exactlyBetaSaddle: pop.saddle.exactlyBetaModes }),
      finding('kramers-langer.prefactor-sum', { logPrefactor: pop.langer.logPrefactorEq11, entropicSum: pop.langer.entropicSum, pairs: pop.langer.matchedPairs }),
      finding('kramers-langer.slope-is-barrier', { slopeMinusBarrier: a.eq12.slopeMinusBarrier }),
      finding('kramers-langer.factor-50', { entropicSums: a.entropicSumForFactor50 }),
    ],
    figures: [spectraFigure(report)],
  };
}
