import { fileURLToPath } from 'node:url';
import { GoldenFileError, loadValidatedJson, parseValidatedJson } from '../io/index.ts';
import type { ToleranceRule } from './tolerance.ts';
import type { Outcome, Verdict } from './verdict.ts';

export const CLAIMS_PATH = fileURLToPath(new URL('../../golden/claims.json', import.meta.url));
export const CLAIMS_SCHEMA = fileURLToPath(new URL('../../golden/claims.schema.json', import.meta.url));

/** `arithmetic`: arithmetic on numbers the paper prints — it holds or not, and is counted apart from reproduced results. */
export type ClaimKind = 'analytic' | 'stochastic' | 'consistency' | 'arithmetic';

/**
 * Tallied apart (DESIGN.md, "Claims and verdicts"): a claim of the paper; an audit experiment or control, never
 * counted as the paper's; an error of the paper's text (a typo, two places that disagree); arithmetic on printed numbers.
 */
export type ClaimGroup = 'paper' | 'audit' | 'text' | 'arithmetic';
export const CLAIM_GROUPS: readonly ClaimGroup[] = ['paper', 'audit', 'text', 'arithmetic'];

/** The audit's reference outcome for a claim, pinned so that no change moves it silently. */
export interface PinnedOutcome {
  verdict: Verdict;
  value: string | null;
  readings: Record<string, { verdict: Verdict; value: string | null }>;
}

/** One checkable statement of the paper (DESIGN.md, "Claims and verdicts"). */
export interface Claim {
  id: string;
  /** The paper's statement, in our words. */
  statement: string;
  /** Where it stands: section, equation, figure, appendix. */
  source: string;
  kind: ClaimKind;
  /** The paper's own words and its number exactly as printed ("0.360", not 0.36): its digits are its precision. */
  paper: { quote: string; value: string | null };
  /** Name of the evaluator that checks it, and its inputs. */
  evaluator: string;
  params: Record<string, unknown>;
  tolerance: ToleranceRule;
  /** Ids of the report's figures that show the evidence. */
  figures: string[];
  /** null until the claim's evaluator exists (a later stage): then it is listed as not evaluated. */
  pinned: PinnedOutcome | null;
  group: ClaimGroup;
}

export interface Ledger {
  claims: Claim[];
}

export type { Outcome };

function assertUniqueIds(ledger: Ledger, label: string): Ledger {
  const seen = new Map<string, number>();
  ledger.claims.forEach((claim, i) => {
    const first = seen.get(claim.id);
    if (first !== undefined) {
      throw new GoldenFileError(`${label}: /claims/${i} repeats the id '${claim.id}' of /claims/${first}; ids must be unique.`);
    }
    seen.set(claim.id, i);
  });
  return ledger;
}

export function parseLedger(text: string, label = 'claims.json'): Ledger {
  return assertUniqueIds(parseValidatedJson<Ledger>(text, CLAIMS_SCHEMA, label), label);
}

export function loadLedger(path = CLAIMS_PATH): Ledger {
  return assertUniqueIds(loadValidatedJson<Ledger>(path, CLAIMS_SCHEMA), path);
}
