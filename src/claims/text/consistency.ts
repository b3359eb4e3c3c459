import { Decimal } from 'decimal.js';
import { criticalBeta, decimalScalar, describeLandscape, float64 } from '../../analytic/index.ts';
import type { Claim } from '../ledger.ts';
import { compareToPrinted, toleranceWidth } from '../tolerance.ts';
import type { Evaluation, Verdict } from '../verdict.ts';
import { reported } from '../common/backends.ts';
import { COUNT, DEPTH, decimalListParam, decimalParam, integerListParam, integerParam, placeParam } from '../common/params.ts';
import { formatNumber } from '../../text/index.ts';

function single(verdict: Verdict, value: string | null, evidence: string[], extra: Partial<Evaluation> = {}): Evaluation {
  return { verdict, value, readings: [{ label: 'as printed', value, verdict }], evidence, ...extra };
}

/**
 * Eq. 1 against Eqs. 2 and 10: the derivative of Eq. 1's regulariser, taken numerically at 50 digits, against the
 * regulariser term of Eq. 2 (βλ^{2/L−1}). Value: their ratio (L if the two disagree by the factor L).
 */
export function evaluateRegulariserFactor(claim: Claim): Evaluation {
  const beta = decimalParam(claim, 'beta');
  const lambda = decimalParam(claim, 'lambda');
  const depth = integerParam(claim, 'depth', DEPTH);
  const S = decimalScalar(50);
  const k = S.div(S.of(2), S.of(depth));
  const eq1Regulariser = (l: Decimal) => S.mul(S.div(S.of(beta), S.of(2)), S.pow(l, k)); // Eq. 1: (β/2)λ^{2/L}
  const h = S.of('1e-20');
  const at = S.of(lambda);
  const derivative = S.div(S.sub(eq1Regulariser(S.add(at, h)), eq1Regulariser(S.sub(at, h))), S.mul(S.of(2), h));
  const eq2Term = S.mul(S.of(beta), S.pow(at, S.sub(k, S.of(1)))); // Eq. 2: βλ^{2/L−1}
  const ratio = S.div(eq2Term, derivative);
  const ratioText = S.toString(ratio, 12);
  const agrees = S.abs(S.sub(ratio, S.of(1))).lt(S.of('1e-20'));
  return single(agrees ? 'reproduced' : 'inconsistent', reported(new Decimal(S.toString(ratio))), [
    `At β = ${beta}, λ = ${lambda}, L = ${depth}: d/dλ of Eq. 1's (β/2)λ^{2/L} = ${S.toString(derivative, 10)}; ` +
      `Eq. 2's regulariser term βλ^{2/L−1} = ${S.toString(eq2Term, 10)}; ratio ${ratioText} (L = ${depth}).`,
    'Eq. 10 writes the regulariser as (Lβ/2)λ^{2/L}, whose derivative is exactly Eq. 2\'s term. Eqs. 2, 3 and 10 ' +
      'therefore belong to the regulariser (Lβ/2)Σλ^{2/L} — what weight decay β on each of L balanced layers gives — ' +
      'and Eq. 1 as printed is off by the factor L. The audit calls the two readings Eq. 2 (default) and Eq. 1.',
  ], {
    places: ['Eq. 1: (β/2)Σλ_i^{2/L}', 'Eq. 2 (stationarity λ − η + βλ^{2/L−1} = 0) and Eq. 10 ((Lβ/2)(λsad)^{2/L})'],
  });
}

function parameterCount(widths: number[], biases: boolean): number {
  let count = 0;
  for (let i = 1; i < widths.length; i++) count += widths[i - 1]! * widths[i]! + (biases ? widths[i]! : 0);
  return count;
}

/** Appendix A: D = 170 against the stated architecture 2 → 10 → 10 → 2 (depth 3, width 10). */
export function evaluateParameterCount(claim: Claim): Evaluation {
  const widths = integerListParam(claim, 'widths', COUNT);
  const printed = Number(claim.paper.value);
  const without = parameterCount(widths, false);
  const withBiases = parameterCount(widths, true);
  const input = widths[0]!;
  const output = widths[widths.length - 1]!;
  const hidden = widths.length - 2;
  const matchingWidths: string[] = [];
  for (let w = 1; w <= 100; w++) {
    const shape = [input, ...Array<number>(hidden).fill(w), output];
    for (const biases of [false, true]) {
      if (parameterCount(shape, biases) === printed) matchingWidths.push(`w = ${w}${biases ? ' with biases' : ''}`);
    }
  }
  const verdict: Verdict = without === printed || withBiases === printed ? 'reproduced' : 'inconsistent';
  return {
    verdict,
    value: String(without),
    readings: [
      { label: 'no biases', value: String(without), verdict: without === printed ? 'reproduced' : 'inconsistent' },
      { label: 'with biases', value: String(withBiases), verdict: withBiases === printed ? 'reproduced' : 'inconsistent' },
    ],
    evidence: [
      `${widths.join(' → ')}: ${without} weights without biases, ${withBiases} with biases; the paper says D = ${printed}.`,
      matchingWidths.length === 0
        ? `No hidden width w from 1 to 100 gives ${printed} for ${input} → w${' → w'.repeat(hidden - 1)} → ${output}, with or without biases.`
        : `${printed} parameters would need ${matchingWidths.join(' or ')}.`,
    ],
    places: ['Appendix A: "depth L = 3 (two hidden layers) with hidden width w = 10 and output dimension p = 2"', 'Appendix A and Section 3.3: "D = 170 total parameters"'],
  };
}

/** Two places of the paper that state the same setting: inconsistent when they differ. */
export function evaluatePlacesAgree(claim: Claim): Evaluation {
  const a = placeParam(claim, 'a');
  const b = placeParam(claim, 'b');
  const agree = a.says === b.says;
  const evidence = [`${a.place} says ${a.says}; ${b.place} says ${b.says}.`];
  if (claim.params.betaConsequence === true) {
    // What each β implies for the mode η = 0.8, L = 3 (eq2), so the reader sees why the discrepancy matters.
    for (const place of [a, b]) {
      const s = describeLandscape(float64, { eta: 0.8, beta: Number(place.says), depth: 3, convention: 'eq2' });
      evidence.push(
        `At β = ${place.says} (η = 0.8, L = 3, the Eq. 2 reading): global phase ${s.globalPhase}, barrier out of λ = 0 ΔE = ${formatNumber(s.barrier)}.`,
      );
    }
  }
  return single(agree ? 'reproduced' : 'inconsistent', null, evidence, agree ? {} : { places: [`${a.place}: ${a.says}`, `${b.place}: ${b.says}`] });
}

/** Appendices A/B label βc(1) = 0.360 < βc(2) = 0.42, while Appendix D.2 orders βc(1) > βc(2) from η1 > η2. */
export function evaluateCriticalBetaIndexing(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const printed = decimalListParam(claim, 'printedBetaC');
  const depth = integerParam(claim, 'depth', DEPTH);
  const computed = etas.map((eta) => new Decimal(criticalBeta(float64, { eta: Number(eta), depth, convention: 'eq2' })));
  const printedOrder = new Decimal(printed[0]!).gt(printed[1]!);
  const nearest = printed.map((p) => {
    const distances = computed.map((c) => c.minus(p).abs());
    const i = distances[0]!.lte(distances[1]!) ? 0 : 1;
    return `printed ${p} is nearest βc(η = ${etas[i]}) = ${formatNumber(computed[i]!)}`;
  });
  return single(printedOrder ? 'reproduced' : 'inconsistent', null, [
    `Appendix A: η1 = ${etas[0]}, η2 = ${etas[1]}; Eq. 3 (the Eq. 2 reading) gives βc(η1) = ${formatNumber(computed[0]!)} > βc(η2) = ${formatNumber(computed[1]!)}.`,
    `The paper prints βc(1) = ${printed[0]} and βc(2) = ${printed[1]}, i.e. βc(1) ${printedOrder ? '>' : '<'} βc(2); ${nearest.join('; ')}.`,
    'The rank-1 trap (checkpoint at 0.361, "rank-1 phase") only makes sense if the mode that switches off at 0.36 is η2 = 0.8: the labels are swapped relative to Appendix D.2.',
  ], printedOrder ? {} : { places: ['Appendices A and B: "βc(1) = 0.360", "βc(2) = 0.42"', 'Appendix D.2: "η1 > ··· > ηd > 0 implies βc(1) > ··· > βc(d)"'] });
}

/** Appendix A: ⌊N/B⌋ SGD steps per epoch. With 25 samples and B = 64 that is no step at all, and no mini-batch noise. */
export function evaluateStepsPerEpoch(claim: Claim): Evaluation {
  const samples = integerParam(claim, 'samples', COUNT);
  const batch = integerParam(claim, 'batch', COUNT);
  const steps = Math.floor(samples / batch);
  const evidence = [`⌊N/B⌋ = ⌊${samples}/${batch}⌋ = ${steps} steps per epoch.`];
  if (steps === 0) {
    evidence.push(
      `A batch of ${batch} cannot be drawn from ${samples} samples: read literally, no SGD step is ever taken; read as "one batch of all ${samples}", ` +
        'every step is full-batch gradient descent, the gradient has no sampling noise, and "SGD noise" cannot be what drives the escape.',
    );
    return single('inconsistent', String(steps), evidence, {
      places: [`Appendix A, sparse sub-sampling: "a random ${samples}-sample subset ... B = ${batch}"`, 'Appendix A: "each epoch consists of ⌊N/B⌋ = 8 SGD steps"; Section 2.2: escape is driven by "SGD mini-batch noise"'],
    });
  }
  const printed = claim.paper.value;
  const verdict: Verdict = printed === null || Number(printed) === steps ? 'reproduced' : 'inconsistent';
  return single(verdict, String(steps), evidence);
}

/** Arithmetic between numbers the paper prints, e.g. ΔE_eff / ΔE_min ≈ 50, or 25 of 5000 = 0.5 %. */
export function evaluateRatioOfPrinted(claim: Claim): Evaluation {
  const numerator = decimalParam(claim, 'numerator');
  const denominator = decimalParam(claim, 'denominator');
  const scale = decimalParam(claim, 'scale');
  const ratio = new Decimal(numerator).div(denominator).times(scale);
  const printed = claim.paper.value!;
  const width = toleranceWidth(claim.tolerance, printed)!;
  const comparison = compareToPrinted(ratio, printed, width);
  const evidence = [`${numerator} / ${denominator}${scale === '1' ? '' : ` × ${scale}`} = ${formatNumber(ratio, 6)}; the paper says ${printed} (± ${width.toString()}).`];
  if (claim.params.withHarnessBarrier === true) {
    for (const convention of ['eq2', 'eq1'] as const) {
      const s = describeLandscape(float64, { eta: 0.8, beta: 0.32, depth: 3, convention });
      evidence.push(`With the audit's ΔE_min under ${convention} (${formatNumber(s.barrier)}) the same ratio would be ${formatNumber(new Decimal(numerator).div(s.barrier!), 3)}.`);
    }
  }
  return single(comparison.within ? 'reproduced' : 'inconsistent', reported(ratio), evidence);
}
