import { Decimal } from 'decimal.js';
import { criticalBeta, decimalScalar, describeLandscape, float64 } from '../../analytic/index.ts';
import type { Claim } from '../ledger.ts';
import { compareToPrinted, toleranceWidth } from '../tolerance.ts';
import type { Evaluation, Verdict } from '../verdict.ts';
import { reported } from '../common/backends.ts';
import { COUNT, DEPTH, decimalListParam, decimalParam, integerListParam, integerParam, placeParam } from '../common/params.ts';
import { finding, type Finding } from '../finding.ts';

function single(verdict: Verdict, value: string | null, evidence: Finding[], extra: Partial<Evaluation> = {}): Evaluation {
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
  const agrees = S.abs(S.sub(ratio, S.of(1))).lt(S.of('1e-20'));
  return single(agrees ? 'reproduced' : 'inconsistent', reported(new Decimal(S.toString(ratio))), [
    finding('text.regulariser-derivative', { beta: Number(beta), lambda: Number(lambda), depth, derivative: derivative.toNumber(), eq2Term: eq2Term.toNumber(), ratio: ratio.toNumber() }),
    finding('text.regulariser-reading', {}),
  ], {
    places: ['Eq. 1: (β/2)Σλ_i^{2/L}', 'Eq. 2 (stationarity λ − η + βλ^{2/L−1} = 0) and Eq. 10 ((Lβ/2)(λsad)^{2/L})'],
  });
}

function parameterCount(widths: number[], biases: boolean): number {
  let count = 0;
  for (let i = 1; i < widths.length; i++) count += widths[i - 1]! * widths[i]! + (biases ? widths[i]! : 0);
  return count;
}

/** The hidden widths searched for one that gives the printed count: 1 to this. */
const LARGEST_WIDTH = 100;

/** Appendix A: D = 170 against the stated architecture 2 → 10 → 10 → 2 (depth 3, width 10). */
export function evaluateParameterCount(claim: Claim): Evaluation {
  const widths = integerListParam(claim, 'widths', COUNT);
  const printed = Number(claim.paper.value);
  const without = parameterCount(widths, false);
  const withBiases = parameterCount(widths, true);
  const input = widths[0]!;
  const output = widths[widths.length - 1]!;
  const hidden = widths.length - 2;
  const matching: { width: number; biases: boolean }[] = [];
  for (let w = 1; w <= LARGEST_WIDTH; w++) {
    const shape = [input, ...Array<number>(hidden).fill(w), output];
    for (const biases of [false, true]) {
      if (parameterCount(shape, biases) === printed) matching.push({ width: w, biases });
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
      finding('text.parameter-count', { widths, without, withBiases, printed }),
      finding('text.parameter-widths', { printed, input, hidden, output, largestWidth: LARGEST_WIDTH, matching }),
    ],
    places: ['Appendix A: "depth L = 3 (two hidden layers) with hidden width w = 10 and output dimension p = 2"', 'Appendix A and Section 3.3: "D = 170 total parameters"'],
  };
}

/** Two places of the paper that state the same setting: inconsistent when they differ. */
export function evaluatePlacesAgree(claim: Claim): Evaluation {
  const a = placeParam(claim, 'a');
  const b = placeParam(claim, 'b');
  const agree = a.says === b.says;
  const evidence = [finding('text.places', { a: { place: a.place, says: a.says }, b: { place: b.place, says: b.says } })];
  if (claim.params.betaConsequence === true) {
    // What each β implies for the mode η = 0.8, L = 3 (eq2), so the reader sees why the discrepancy matters.
    for (const place of [a, b]) {
      const mode = { eta: 0.8, beta: Number(place.says), depth: 3, convention: 'eq2' } as const;
      const s = describeLandscape(float64, mode);
      evidence.push(finding('text.beta-consequence', { beta: mode.beta, eta: mode.eta, depth: mode.depth, globalPhase: s.globalPhase, barrier: s.barrier }));
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
    return { printed: p, eta: Number(etas[i]), betaC: computed[i]!.toNumber() };
  });
  return single(printedOrder ? 'reproduced' : 'inconsistent', null, [
    finding('text.critical-beta-computed', { etas: etas.map(Number), betaC: computed.map((c) => c.toNumber()) }),
    finding('text.critical-beta-printed', { printed, descending: printedOrder, nearest }),
    finding('text.critical-beta-swap', {}),
  ], printedOrder ? {} : { places: ['Appendices A and B: "βc(1) = 0.360", "βc(2) = 0.42"', 'Appendix D.2: "η1 > ··· > ηd > 0 implies βc(1) > ··· > βc(d)"'] });
}

/** Appendix A: ⌊N/B⌋ SGD steps per epoch. With 25 samples and B = 64 that is no step at all, and no mini-batch noise. */
export function evaluateStepsPerEpoch(claim: Claim): Evaluation {
  const samples = integerParam(claim, 'samples', COUNT);
  const batch = integerParam(claim, 'batch', COUNT);
  const steps = Math.floor(samples / batch);
  const evidence = [finding('text.steps-per-epoch', { samples, batch, steps })];
  if (steps === 0) {
    evidence.push(finding('text.no-step', { samples, batch }));
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
  const evidence = [
    finding('text.printed-ratio', { numerator: Number(numerator), denominator: Number(denominator), scale: Number(scale), ratio: ratio.toNumber(), printed, width: width.toNumber() }),
  ];
  if (claim.params.withHarnessBarrier === true) {
    for (const convention of ['eq2', 'eq1'] as const) {
      const s = describeLandscape(float64, { eta: 0.8, beta: 0.32, depth: 3, convention });
      evidence.push(finding('text.ratio-with-audit-barrier', { convention, barrier: s.barrier, ratio: new Decimal(numerator).div(s.barrier!).toNumber() }));
    }
  }
  return single(comparison.within ? 'reproduced' : 'inconsistent', reported(ratio), evidence);
}
