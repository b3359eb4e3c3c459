// A number the paper prints for one analytic quantity (βc, λsad, ΔE), against the quantity computed under each
// regulariser reading, and the nearby quantities the printed number would match instead.
import type { Decimal } from 'decimal.js';
import { CONVENTIONS, type Convention, type Scalar } from '../../analytic/index.ts';
import type { Claim } from '../ledger.ts';
import { compareToPrinted, toleranceWidth } from '../tolerance.ts';
import type { Evaluation, Reading } from '../verdict.ts';
import { inBothBackends, reported } from '../common/backends.ts';
import { REGULARISER_WORDS } from '../common/reading-words.ts';
import { finding, type Finding } from '../finding.ts';
import type { CandidateQuantity, PrintedQuantity } from './findings.ts';

export type QuantityUnderConvention = (convention: Convention) => <T>(S: Scalar<T>) => T | null;

/**
 * A claim that the paper prints one number for: the quantity is computed under each regulariser reading
 * (Eq. 2 first, the headline), in float64 and in decimal, and compared with the printed value at the claim's
 * tolerance.
 */
export function printedNumberEvaluation(claim: Claim, quantity: PrintedQuantity, compute: QuantityUnderConvention): Evaluation {
  const printed = claim.paper.value;
  const width = toleranceWidth(claim.tolerance, printed);
  if (printed === null || width === null) {
    throw new Error(`claim '${claim.id}': evaluator needs a printed value and a numeric tolerance`);
  }
  const evidence: Finding[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    const result = inBothBackends(compute(convention));
    const label = REGULARISER_WORDS[convention];
    if (result.value === null) {
      evidence.push(finding('landscape.printed-missing', { reading: label, quantity }));
      return { label, value: null, verdict: 'deviates', note: finding('landscape.printed-missing-note', { reading: label, quantity }) };
    }
    const comparison = compareToPrinted(result.value, printed, width);
    evidence.push(
      finding('landscape.printed-value', {
        reading: label,
        quantity,
        value: result.value.toNumber(),
        float: result.float,
        relativeGap: result.relativeGap,
        printed,
        width: width.toNumber(),
        difference: comparison.difference.toNumber(),
        toleranceUnits: comparison.toleranceUnits,
        onlyByRounding: comparison.within && comparison.toleranceUnits >= 0.5,
      }),
    );
    return {
      label,
      value: reported(result.value),
      verdict: comparison.within ? 'reproduced' : 'deviates',
      difference: reported(comparison.difference)!,
      toleranceUnits: comparison.toleranceUnits,
    };
  });
  const headline = readings[0]!;
  return { verdict: headline.verdict, value: headline.value, readings, evidence };
}

export interface Candidate {
  quantity: CandidateQuantity;
  beta: number;
  convention: Convention;
  value: Decimal | null;
}

/** The computed quantities tried against the printed number, each marked where it matches at its precision: a referee's hint, not a verdict. */
export function candidatesMatchingPrinted(printed: string, width: Decimal, candidates: Candidate[]): Finding {
  return finding('landscape.printed-candidates', {
    printed,
    width: width.toNumber(),
    candidates: candidates.map((c) => ({
      quantity: c.quantity,
      beta: c.beta,
      convention: c.convention,
      value: c.value === null ? null : c.value.toNumber(),
      matches: c.value !== null && c.value.minus(printed).abs().lte(width),
    })),
  });
}
