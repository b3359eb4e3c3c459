// The verdicts and outcomes as names, apart from the evaluation types (verdict.ts): a findings file can name a verdict
// without importing what is built from it.

/** The four verdicts of DESIGN.md. */
export type Verdict = 'reproduced' | 'deviates' | 'inconsistent' | 'inconclusive';
export const VERDICTS: readonly Verdict[] = ['reproduced', 'deviates', 'inconsistent', 'inconclusive'];

/** Worst first: one deviation refutes; a self-contradiction bars support before an undecided part does. */
const PRECEDENCE: readonly Verdict[] = ['deviates', 'inconsistent', 'inconclusive', 'reproduced'];

/** Parts combined into one verdict: the worst of them in PRECEDENCE's order (reproduced only if every part is). */
export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return PRECEDENCE.find((v) => verdicts.includes(v)) ?? 'reproduced';
}

/** A claim whose evaluator belongs to a later stage is listed, never given a verdict. */
export const NOT_EVALUATED = 'not evaluated';
export type Outcome = Verdict | typeof NOT_EVALUATED;
