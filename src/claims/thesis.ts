import { fileURLToPath } from 'node:url';
import { GoldenFileError, loadValidatedJson } from '../io/index.ts';
import type { ClaimGroup, Ledger } from './ledger.ts';
import { worstVerdict, type Outcome, type Verdict } from './verdict.ts';

// The paper's central claims (its title and the three claims of Section 1), each judged from the verdicts of the
// claims it needs by one stated rule: no conclusion is written by hand, so a moved supporting verdict moves it.

export const THESIS_PATH = fileURLToPath(new URL('../../golden/thesis.json', import.meta.url));
export const THESIS_SCHEMA = fileURLToPath(new URL('../../golden/thesis.schema.json', import.meta.url));

/** One central claim of the paper and what it needs: claim ids, or parts listed before it. */
export interface ThesisPart {
  id: string;
  /** In our words. */
  claim: string;
  /** The paper's own words. */
  quote: string;
  source: string;
  needs: string[];
  /** What the audit does not show about it. */
  caveats: string[];
}

export interface ThesisDefinition {
  /** The rule in words: how a part's verdict follows from what it needs. */
  rule: string;
  parts: ThesisPart[];
  /** The paper's headline claims, shown first. */
  headline: string[];
}

/** A needed claim or part with its outcome in this run; null where it was not evaluated. */
export interface ThesisSupport {
  id: string;
  outcome: Outcome | null;
}

export interface ThesisVerdict {
  id: string;
  claim: string;
  quote: string;
  source: string;
  verdict: Verdict;
  /** Every claim or part it needs, with its outcome. */
  needs: ThesisSupport[];
  /** The needs that decide the verdict (those whose outcome the verdict comes from). */
  reasons: string[];
  caveats: string[];
}

export interface Thesis {
  rule: string;
  parts: ThesisVerdict[];
  headline: string[];
}

/** A missing or unevaluated claim cannot support a part: it reads as undecided, never as a pass. */
function asVerdict(outcome: Outcome | null): Verdict {
  return outcome === null || outcome === 'not evaluated' ? 'inconclusive' : outcome;
}

/** The rule of `definition.rule`: the worst verdict among the needs, and the needs that carry it. */
export function judgePart(part: ThesisPart, outcomeOf: (id: string) => Outcome | null): ThesisVerdict {
  const needs = part.needs.map((id) => ({ id, outcome: outcomeOf(id) }));
  const verdict = worstVerdict(needs.map((n) => asVerdict(n.outcome)));
  const reasons = needs.filter((n) => asVerdict(n.outcome) === verdict).map((n) => n.id);
  return { id: part.id, claim: part.claim, quote: part.quote, source: part.source, verdict, needs, reasons, caveats: part.caveats };
}

/** Each part in order, from the claims' outcomes of this run and the parts judged before it. */
export function judgeThesis(definition: ThesisDefinition, outcomes: ReadonlyMap<string, Outcome>): Thesis {
  const judged = new Map<string, Verdict>();
  const parts = definition.parts.map((part) => {
    const verdict = judgePart(part, (id) => judged.get(id) ?? outcomes.get(id) ?? null);
    judged.set(part.id, verdict.verdict);
    return verdict;
  });
  return { rule: definition.rule, parts, headline: definition.headline };
}

/** Checks every id the definition names against the ledger; parts may need only parts listed before them. */
export function checkThesis(definition: ThesisDefinition, ledger: Ledger, label = 'thesis.json'): ThesisDefinition {
  const claims = new Map(ledger.claims.map((c) => [c.id, c.group]));
  const parts = new Set<string>();
  definition.parts.forEach((part, i) => {
    if (claims.has(part.id)) throw new GoldenFileError(`${label}: /parts/${i} has the id '${part.id}' of a claim; a part's id must be its own.`);
    part.needs.forEach((id, j) => {
      if (parts.has(id)) return;
      const group: ClaimGroup | undefined = claims.get(id);
      if (group === undefined) throw new GoldenFileError(`${label}: /parts/${i}/needs/${j} names '${id}', which is neither a claim of golden/claims.json nor a part listed before it.`);
    });
    parts.add(part.id);
  });
  definition.headline.forEach((id, i) => {
    const group = claims.get(id);
    if (group === undefined) throw new GoldenFileError(`${label}: /headline/${i} names '${id}', which is not a claim of golden/claims.json.`);
    if (group !== 'paper') throw new GoldenFileError(`${label}: /headline/${i} names '${id}', a claim of the group '${group}'; the headline lists the paper's claims only.`);
  });
  return definition;
}

export function loadThesis(ledger: Ledger, path = THESIS_PATH): ThesisDefinition {
  return checkThesis(loadValidatedJson<ThesisDefinition>(path, THESIS_SCHEMA), ledger, path);
}
