// Appendix F's Kramers–Langer formula from the Hessians at the rank-1 trap and the saddle (β = 0.32):
// prints the headline numbers of kramersLanger(); `--json` prints the whole report (spectra included).
import { PAPER_KRAMERS_OPTIONS, kramersLanger, type PointPairReport } from '../src/run/kramers-langer.ts';

const report = kramersLanger(PAPER_KRAMERS_OPTIONS);
if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.exit(0);
}

const g = (v: number, digits = 6): string => v.toPrecision(digits);
const lines: string[] = [];
const { settings, analytic, arrhenius, noise } = report;
lines.push(`Kramers–Langer at β = ${settings.beta}, widths [${settings.widths.join(', ')}], D = ${settings.parameterCount} (the paper says 170)`);
lines.push(`analytic (eq2, engine's loss): λsad = ${g(analytic.lambdaSaddle)}, λ** (strong) = ${g(analytic.lambdaStrong)}, ΔE = ${g(analytic.barrier)}`);
lines.push(`  (Eq. 1's printed regulariser would give λsad = ${g(analytic.lambdaSaddleEq1 ?? NaN)}, ΔE = ${g(analytic.barrierEq1 ?? NaN)})`);
for (const pair of [report.population, report.sample] as PointPairReport[]) {
  const { trapped, saddle, langer } = pair;
  lines.push(`— ${pair.moments} moments${pair.moments === 'sample' ? ` (seed ${settings.seed})` : ''}`);
  for (const [name, p] of [['trapped', trapped], ['saddle', saddle]] as const) {
    lines.push(
      `  ${name}: |∇| = ${g(p.gradientNorm, 3)} after ${p.newtonIterations} Newton steps, index ${p.index}, σ = [${p.endToEndSingularValues.map((v) => g(v, 4)).join(', ')}]`,
    );
    lines.push(
      `    zero modes ${p.zeroModes} (largest |ω| ${g(p.largestZeroEigenvalue, 2)}; next ${g(p.smallestNonzeroAbsEigenvalue, 3)}), orbit dimension ${p.orbitDimension} (${p.orbitDimensionFromUsedUnits} from used units [${p.usedHiddenUnits.join(', ')}]), span mismatch ${g(Math.max(p.zeroSpaceVsOrbitTangent.zeroModesOutsideOrbit, p.zeroSpaceVsOrbitTangent.orbitOutsideZeroModes), 2)}, |H t| ≤ ${g(p.hessianOnOrbitTangents, 2)}, exactly-β modes ${p.exactlyBetaModes}, exactly-2β ${p.exactlyTwoBetaModes}`,
    );
  }
  lines.push(`  loss(saddle) − loss(trapped) = ${g(pair.lossDifference, 12)} vs ΔE = ${g(pair.analyticBarrier, 12)} (difference ${g(pair.lossDifferenceMinusBarrier, 3)})`);
  lines.push(
    `  ω1 = ${g(langer.negativeEigenvalue)}, positive modes ${langer.positiveModesMinimum} (min) vs ${langer.positiveModesSaddle} (saddle), saddle has ${langer.zeroModeExcess} more zero modes`,
  );
  lines.push(
    `  S (Eq. 12, ${langer.matchedPairs} pairs sorted from the top) = ${g(langer.entropicSum)}; pairs with ω_sad <, =, > ω_min: ${langer.pairsSaddleSofter}, ${langer.pairsEqual}, ${langer.pairsSaddleStiffer}; unmatched ln-sum ${g(langer.unmatchedLogSum)}; pairing-free Σln ω_sad − Σln ω_min = ${g(langer.logDeterminantRatio)}`,
  );
  lines.push(`  ln prefactor of Eq. 11 (zero modes excluded) = ${g(langer.logPrefactorEq11)}; ln(Vol_min/Vol_sad) = ${g(langer.logOrbitVolumeRatio)}`);
}
lines.push(`— gradient noise at the sample trap: tr C = ${g(arrhenius.gradientCovarianceTrace)}`);
for (const row of noise.atTrappedSample) {
  lines.push(
    `  ε = ${row.epsilon}: share along unstable u ${g(row.ratioUnstable, 3)}, along u off the invariant set ${g(row.ratioUnstableOffInvariantSet, 3)}, weak chain ${g(row.ratioWeakChain, 3)}, off the invariant set ${g(row.ratioOffInvariantSet, 3)}`,
  );
}
lines.push(`  exponents in ε: off-set [${noise.ratioExponents.offInvariantSet.map((v) => g(v, 4)).join(', ')}], weak chain [${noise.ratioExponents.weakChain.map((v) => g(v, 4)).join(', ')}]`);
lines.push(`— Arrhenius (T_eff = ηlr/(B tr C), Appendix A as printed): T = [${arrhenius.temperatures.map((v) => g(v, 3)).join(', ')}]`);
lines.push(`  Eq. 12 slope of ln τ vs 1/T = ${g(arrhenius.eq12.fittedSlope, 12)} (ΔE ${g(arrhenius.barrier, 12)}); Eq. 11 slope ${g(arrhenius.eq11.fittedSlope, 12)}; with Langer's zero-mode factor ${g(arrhenius.langer.fittedSlope)}`);
lines.push(`  S needed for ΔE_eff = 50 ΔE (Eq. 12): [${arrhenius.entropicSumForFactor50.map((v) => g(v, 3)).join(', ')}]`);
lines.push(`  Langevin-matched T: isotropic [${arrhenius.langevinTemperaturesIsotropic.map((v) => g(v, 3)).join(', ')}], along the escape direction [${arrhenius.langevinTemperaturesAlongEscape.map((v) => g(v, 3)).join(', ')}]`);
process.stdout.write(`${lines.join('\n')}\n`);
