import { Decimal } from 'decimal.js';
import { CONVENTIONS, type Convention, type Scalar } from '../../analytic/index.ts';
import type { Claim } from '../ledger.ts';
import { compareToPrinted, toleranceWidth } from '../tolerance.ts';
import type { Evaluation, Reading } from '../verdict.ts';
import { inBothBackends, reported } from './backends.ts';
import { REGULARISER_WORDS } from './reading-words.ts';
import { finding, type EvidenceItem, type Finding } from '../finding.ts';

export type QuantityUnderConvention = (convention: Convention) => <T>(S: Scalar<T>) => T | null;

/**
 * A claim that the paper prints one number for: the quantity is computed under each regulariser reading
 * (Eq. 2 first, the headline), in float64 and in decimal, and compared with the printed value at the claim's
 * tolerance.
 */
export function printedNumberEvaluation(claim: Claim, quantity: string, compute: QuantityUnderConvention): Evaluation {
  const printed = claim.paper.value;
  const width = toleranceWidth(claim.tolerance, printed);
  if (printed === null || width === null) {
    throw new Error(`claim '${claim.id}': evaluator needs a printed value and a numeric tolerance`);
  }
  const evidence: EvidenceItem[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    const result = inBothBackends(compute(convention));
    const label = REGULARISER_WORDS[convention];
    if (result.value === null) {
      evidence.push(finding('common.printed-missing', { label, quantity }));
      return { label, value: null, verdict: 'deviates', note: finding('common.printed-missing-note', { label, quantity }) };
    }
    const comparison = compareToPrinted(result.value, printed, width);
    const byRounding = comparison.within && comparison.toleranceUnits >= 0.5;
    evidence.push(
      finding('common.printed-number', {
        label,
        quantity,
        value: result.value.toString(),
        float: result.float,
        relativeGap: result.relativeGap,
        printed,
        width: width.toString(),
        difference: comparison.difference.toString(),
        toleranceUnits: comparison.toleranceUnits,
        byRounding,
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
  label: string;
  value: Decimal | null;
}

/** The computed quantities that the printed number would match at its precision: a referee's hint, not a verdict. */
export function candidatesMatchingPrinted(printed: string, width: Decimal, candidates: Candidate[]): Finding {
  const matching = (c: Candidate) => c.value !== null && c.value.minus(printed).abs().lte(width);
  return finding('common.printed-candidates', { printed, width: width.toString(), candidates: candidates.map((c) => ({ label: c.label, value: c.value?.toString() ?? null, matches: matching(c) })) });
}
