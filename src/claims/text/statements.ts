// Statements the paper's own text and numbers decide: each is reproduced when the places agree and
// inconsistent when they do not, with both places named.
import { Decimal } from 'decimal.js';
import { fitLine, slopeRelativeErrorFromR2, tAlphaForHalfWidth, twoSidedTCritical } from '../../stats/index.ts';
import type { Claim } from '../ledger.ts';
import { compareToPrinted, halfUnitOfLastDigit } from '../tolerance.ts';
import type { Evaluation, Reading, Verdict } from '../verdict.ts';
import { reported } from '../common/backends.ts';
import { COUNT, decimalListParam, decimalParam, integerListParam, integerParam, placeParam } from '../common/params.ts';
import { finding } from '../finding.ts';

function agreeing(agrees: boolean): Verdict {
  return agrees ? 'reproduced' : 'inconsistent';
}

/**
 * App. F.4: "Since B, ηlr, and N are fixed within each sweep, the conversion between epochs and SGD steps is a
 * constant". The learning-rate sweep varies ηlr; the batch sweep (prediction 3) varies B. Epochs → steps is ×N/B,
 * constant in the learning-rate sweep; the Langevin time of Eq. 5 (t = steps·ηlr) is not: ln τ_t = ln τ_epochs +
 * ln(N·ηlr/B) moves by ln(ηlr,max/ηlr,min) across the sweep. Value: that shift.
 */
export function evaluateTimeUnit(claim: Claim): Evaluation {
  const lrs = decimalListParam(claim, 'lrs', 'positive').map(Number);
  const batch = integerParam(claim, 'batch', COUNT);
  const batches = integerListParam(claim, 'batches', COUNT);
  const n = integerParam(claim, 'trainCount', COUNT);
  const lrShift = Math.log(Math.max(...lrs) / Math.min(...lrs));
  const batchShift = Math.log(Math.max(...batches) / Math.min(...batches));
  const x = lrs.map((lr) => batch / lr);
  const unit = new Set(x).size >= 3 ? fitLine(x, lrs.map((lr) => Math.log((n * lr) / batch)), 0.05) : null;
  // A shift of ln τ that differs between the settings of a sweep is not a constant conversion.
  const readings: Reading[] = [
    { label: 'learning-rate sweep, Langevin time', value: reported(new Decimal(lrShift)), verdict: agreeing(lrShift === 0) },
    { label: 'batch-size sweep, SGD steps', value: reported(new Decimal(batchShift)), verdict: agreeing(batchShift === 0) },
    { label: 'learning-rate sweep, SGD steps', value: '0', verdict: 'reproduced' },
  ];
  return {
    verdict: readings[0]!.verdict,
    value: readings[0]!.value,
    readings,
    evidence: [
      finding('text.lr-sweep', { lrs, batch, stepsPerEpoch: n / batch }),
      finding('text.lr-sweep-langevin', {
        largestLr: Math.max(...lrs),
        smallestLr: Math.min(...lrs),
        shift: lrShift,
        rates: lrs.length,
        unit: unit === null ? null : { slope: unit.slope, rSquared: unit.rSquared },
      }),
      finding('text.batch-sweep', { batches, largest: Math.max(...batches), smallest: Math.min(...batches), shift: batchShift }),
    ],
    places: ['Appendix F.4: "Since B, ηlr, and N are fixed within each sweep"', 'Section 3.3 and Appendix A: the sweep varies ηlr ∈ [5×10⁻⁴, 5×10⁻³] at B = 64'],
  };
}

/**
 * Section 3.3: "the linear fit achieves R² = 0.991" over five learning rates, and "ΔE_eff = 0.15 ± 0.05". For a
 * least-squares line R² fixes the slope's relative standard error, √((1 − R²)/((n − 2)R²)). Readings: the ± as one
 * standard error, and as a 95 % t interval; each agrees when the implied ± rounds to the printed one.
 */
export function evaluateSlopeErrorFromR2(claim: Claim): Evaluation {
  const r2 = Number(decimalParam(claim, 'r2'));
  const points = integerParam(claim, 'points', { min: 3 });
  const slope = decimalParam(claim, 'slope', 'positive');
  const plusMinus = claim.paper.value!;
  const relative = slopeRelativeErrorFromR2(r2, points);
  const dof = points - 2;
  const width = halfUnitOfLastDigit(plusMinus);
  const stated = Number(plusMinus) / Number(slope);
  const readings: Reading[] = [
    { label: '± one standard error', factor: 1 },
    { label: '± 95 % t interval', factor: twoSidedTCritical(0.05, dof) },
  ].map(({ label, factor }) => {
    const implied = new Decimal(slope).times(relative * factor);
    const c = compareToPrinted(implied, plusMinus, width);
    return { label, value: reported(implied), verdict: agreeing(c.within), difference: c.difference.toString(), toleranceUnits: c.toleranceUnits };
  });
  const inSe = stated / relative;
  const tCritical = twoSidedTCritical(0.05, dof);
  return {
    verdict: readings[0]!.verdict,
    value: readings[0]!.value,
    readings,
    evidence: [
      finding('text.slope-relative-error', { r2, points, relative, slope: Number(slope), plusMinus, stated }),
      finding('text.slope-implied', { standardError: Number(slope) * relative, dof, tCritical, tHalfWidth: Number(slope) * relative * tCritical }),
      finding('text.slope-level', { standardErrors: inSe, alpha: tAlphaForHalfWidth(inSe, dof) }),
    ],
    places: ['Section 3.3: "the linear fit achieves R² = 0.991" (five learning rates, Appendix A)', 'Eq. 6: "ΔE_eff = 0.15 ± 0.05"'],
  };
}

/**
 * Abstract and Section 3.1 (iii): "across two orders of magnitude in escape time", with τ ≈ 10 epochs (random init)
 * and a total delay τ > 10 000 (trivial trap). "n orders" read as a ratio in [10^(n−½), 10^(n+½)). Readings: the
 * printed extremes, and the rank-1 trap's τ ≈ 5500 as the slow end.
 */
export function evaluateOrdersOfMagnitude(claim: Claim): Evaluation {
  const fastest = decimalParam(claim, 'fastest', 'positive');
  const slowest = decimalParam(claim, 'slowest', 'positive');
  const rank1 = decimalParam(claim, 'rank1', 'positive');
  const stated = Number(claim.paper.value);
  const orders = (slow: string) => Math.log10(Number(slow) / Number(fastest));
  const readings: Reading[] = [
    { label: `τ > ${slowest} against τ ≈ ${fastest}`, slow: slowest },
    { label: `τ ≈ ${rank1} against τ ≈ ${fastest}`, slow: rank1 },
  ].map(({ label, slow }) => {
    const o = orders(slow);
    return { label, value: reported(new Decimal(o)), verdict: agreeing(o >= stated - 0.5 && o < stated + 0.5) };
  });
  return {
    verdict: readings[0]!.verdict,
    value: readings[0]!.value,
    readings,
    evidence: [
      finding('text.orders-span', { slowest: Number(slowest), fastest: Number(fastest), orders: orders(slowest) }),
      finding('text.orders-rank1', { rank1: Number(rank1), fastest: Number(fastest), orders: orders(rank1) }),
    ],
    places: ['Abstract and Section 3.1 (iii): "two orders of magnitude"', `Section 3.1: τ ≈ ${fastest} epochs (i) and total delay τ > ${slowest} epochs (iii)`],
  };
}

/**
 * A statement that points to where its support stands, against what stands there: Section 2.1 says the qualitative
 * results "survive in nonlinear networks (Appendix G)"; Appendix G reports no experiment. Inconsistent when the
 * place cited holds none of the promised results.
 */
export function evaluateCitedSupport(claim: Claim): Evaluation {
  const promise = placeParam(claim, 'promise');
  const cited = placeParam(claim, 'cited');
  const promised = claim.params['promised'];
  const shown = claim.params['shown'];
  if (!Array.isArray(promised) || !Array.isArray(shown)) throw new RangeError(`claim '${claim.id}' needs params.promised and params.shown (lists)`);
  const missing = promised.filter((p) => !shown.includes(p));
  const verdict = agreeing(missing.length === 0);
  return {
    verdict,
    value: String(shown.length),
    readings: [{ label: 'as printed', value: String(shown.length), verdict }],
    evidence: [
      finding('text.promise', { place: promise.place, promised: promised.map(String) }),
      finding('text.cited-place', { place: cited.place, says: cited.says }),
      finding('text.cited-missing', { missing: missing.map(String) }),
    ],
    places: [`${promise.place}: "${promise.says}"`, `${cited.place}: ${cited.says}`],
  };
}

/**
 * Appendix A writes the random initialisation twice: "N(0, 1/√w)" and "a standard normal distribution scaled by 1/√w".
 * In the usual N(mean, variance) notation the first has standard deviation w^(−1/4), the second w^(−1/2). Value: the
 * ratio of the two standard deviations (1 when they agree).
 */
export function evaluateInitNotation(claim: Claim): Evaluation {
  const width = integerParam(claim, 'width', COUNT);
  const asVariance = width ** -0.25;
  const asScale = width ** -0.5;
  const ratio = asVariance / asScale;
  const verdict = agreeing(ratio === 1);
  return {
    verdict,
    value: reported(new Decimal(ratio)),
    readings: [
      { label: 'N(mean, variance)', value: reported(new Decimal(ratio)), verdict },
      { label: 'N(mean, standard deviation)', value: '1', verdict: 'reproduced' },
    ],
    evidence: [
      finding('text.init-std', { width, asVariance, asScale, variance: asScale ** 2, ratio }),
      finding('text.init-both-run', {}),
    ],
    places: ['Appendix A: "fresh weights drawn from N(0, 1/√w)"', 'Appendix A: "weights drawn from a standard normal distribution scaled by 1/√w"'],
  };
}
