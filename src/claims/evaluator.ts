// What an evaluator is, apart from any one subject's: the subjects' folders export tables of these, and
// evaluators.ts joins the tables into the one the ledger names evaluators from.
import type { ExperimentRequest, ExperimentResults } from '../experiments/index.ts';
import type { Claim } from './ledger.ts';
import type { Evaluation } from './verdict.ts';

/**
 * An evaluator: what the claim needs (experiments as data, for the plan; none for analytic and consistency claims)
 * and a pure function from the claim and the experiments' results to its evaluation. It never starts a run and never
 * renders.
 */
export interface Evaluator {
  needs(claim: Claim): ExperimentRequest[];
  evaluate(claim: Claim, results: ExperimentResults): Evaluation;
}

/** Evaluators by the name a claim gives in `evaluator`. */
export type EvaluatorTable = Readonly<Record<string, Evaluator>>;

const none = (): ExperimentRequest[] => [];

/** An evaluator that reads no experiment (the analytic core, or the paper's own text). */
export function computed(evaluate: (claim: Claim) => Evaluation): Evaluator {
  return { needs: none, evaluate };
}

/** One table from the subjects' tables; a name two subjects give is a programming error, thrown at load. */
export function joinTables(...tables: readonly EvaluatorTable[]): EvaluatorTable {
  const joined: Record<string, Evaluator> = {};
  for (const table of tables) {
    for (const [name, evaluator] of Object.entries(table)) {
      if (name in joined) throw new Error(`evaluator '${name}' is defined by two subjects`);
      joined[name] = evaluator;
    }
  }
  return joined;
}
