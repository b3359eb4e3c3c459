import { Decimal } from 'decimal.js';
import { CONVENTIONS, type Convention, type Scalar } from '../../analytic/index.ts';
import type { Claim } from '../ledger.ts';
import { compareToPrinted, toleranceWidth } from '../tolerance.ts';
import type { Evaluation, Reading } from '../verdict.ts';
import { inBothBackends, reported } from './backends.ts';
import { REGULARISER_WORDS } from './reading-words.ts';
import { formatNumber } from '../../text/index.ts';

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
  const evidence: string[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    const result = inBothBackends(compute(convention));
    const label = REGULARISER_WORDS[convention];
    if (result.value === null) {
      evidence.push(`${label}: ${quantity} does not exist at these parameters.`);
      return { label, value: null, verdict: 'deviates', note: `${quantity} does not exist under ${label}` };
    }
    const comparison = compareToPrinted(result.value, printed, width);
    const byRounding = comparison.within && comparison.toleranceUnits >= 0.5;
    evidence.push(
      `${label}: ${quantity} = ${formatNumber(result.value, 10)} (float64 ${result.float}, relative gap to decimal ` +
        `${formatNumber(result.relativeGap, 2)}); paper ${printed} ± ${width.toString()}; difference ${formatNumber(comparison.difference, 3)} ` +
        `= ${formatNumber(comparison.toleranceUnits, 3)} tolerance units${byRounding ? ' — holds only within the rounding of the printed digits' : ''}.`,
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

/** Names the computed quantities that the printed number would match at its precision: a referee's hint, not a verdict. */
export function candidatesMatchingPrinted(printed: string, width: Decimal, candidates: Candidate[]): string {
  const matches = candidates.filter((c) => c.value !== null && c.value.minus(printed).abs().lte(width));
  if (matches.length === 0) {
    return `None of the ${candidates.length} nearby quantities tried matches ${printed} ± ${width.toString()}: ` +
      candidates.map((c) => `${c.label} = ${formatNumber(c.value)}`).join('; ') + '.';
  }
  return `The printed ${printed} does match, at its precision: ` + matches.map((c) => `${c.label} = ${formatNumber(c.value)}`).join('; ') + '.';
}
