import type { ClaimGroup, Outcome, Thesis, ThesisVerdict, Verdict } from '../claims/index.ts';
import { OUTCOMES, readingText, type ClaimRecord, type GroupTallies, type Results } from './results.ts';
import { formatNumber } from '../text/index.ts';

// The first screen's words, once for REPORT.md and report.html: the thesis, the headline claims, the readings that
// change verdicts, the tallies by group and the caveats, as rows of plain text that each renderer marks up (links, emphasis) in its own way.

/** What a part of the thesis is, in words, by its verdict. */
export const THESIS_PHRASE: Readonly<Record<Verdict, string>> = {
  reproduced: 'holds',
  deviates: 'does not hold',
  inconsistent: 'rests on statements the paper contradicts',
  inconclusive: 'is undecided',
};

export const GROUP_LABEL: Readonly<Record<ClaimGroup, string>> = {
  paper: "the paper's claims",
  audit: "audit experiments and controls (not the paper's claims)",
  text: "errors of the paper's text (typos, places that disagree)",
  arithmetic: 'arithmetic on printed numbers',
};

const outcomeText = (o: Outcome | null): string => o ?? 'not evaluated';

/** A need that decides a part: a claim (linked by the renderer) with its outcome, or an earlier part by its phrase. */
export interface Decider {
  /** A claim id to link, or null for a part of the thesis. */
  claim: string | null;
  text: string;
}

export interface ThesisRow {
  label: string;
  claim: string;
  source: string;
  phrase: string;
  verdict: Verdict;
  decidedBy: Decider[];
  /** How many needs reached each outcome, e.g. "3 reproduced, 2 deviate". */
  needs: string;
}

export interface ThesisScreen {
  /** The lead sentence on the title's claim, as plain text with the verdict phrase apart for emphasis. */
  lead: { before: string; phrase: string; after: string };
  rows: ThesisRow[];
  rule: string;
}

function deciders(part: ThesisVerdict, thesis: Thesis): Decider[] {
  return part.reasons.map((id) => {
    const index = thesis.parts.findIndex((p) => p.id === id);
    const outcome = part.needs.find((n) => n.id === id)?.outcome ?? null;
    return index >= 0 ? { claim: null, text: `(${index + 1}) ${THESIS_PHRASE[thesis.parts[index]!.verdict]}` } : { claim: id, text: outcomeText(outcome) };
  });
}

function needCounts(part: ThesisVerdict): string {
  const counts = new Map<string, number>();
  for (const n of part.needs) counts.set(outcomeText(n.outcome), (counts.get(outcomeText(n.outcome)) ?? 0) + 1);
  return [...counts].map(([o, k]) => `${k} ${o === 'deviates' && k > 1 ? 'deviate' : o}`).join(', ');
}

/** The thesis as the first screen words it; the last part is the title's claim, the others what it needs. */
export function thesisScreen(thesis: Thesis): ThesisScreen | null {
  const whole = thesis.parts.at(-1);
  if (whole === undefined) return null;
  const parts = thesis.parts.slice(0, -1);
  return {
    lead: {
      before: `The paper's central claim — “${whole.quote}” —`,
      phrase: THESIS_PHRASE[whole.verdict],
      after:
        'in the audit of its own model' +
        (parts.length === 0 ? '.' : `: it needs the ${parts.length} claims its introduction lists, and ${parts.map((p, i) => `(${i + 1}) ${THESIS_PHRASE[p.verdict]}`).join(', ')}.`),
    },
    rows: parts.map((p, i) => ({ label: `(${i + 1})`, claim: p.claim, source: p.source, phrase: THESIS_PHRASE[p.verdict], verdict: p.verdict, decidedBy: deciders(p, thesis), needs: needCounts(p) })),
    rule: thesis.rule,
  };
}

/** The first sentence of a text, cut at a word boundary to `max` characters. */
export function firstSentence(text: string, max = 160): string {
  const sentence = text.split(/(?<=\.)\s(?=[A-Z(])/)[0] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))} …`;
}

export interface HeadlineRow {
  id: string;
  paper: string;
  ours: string;
  outcome: Outcome;
  why: string;
}

/** Ours in a few words: the measured estimate, our number where the paper prints one, else the reading's note. */
export function oursOf(c: ClaimRecord): string {
  const first = c.readings[0];
  if (c.measured) return c.measured;
  if (first === undefined) return '—';
  if (c.paper.value !== null && first.value !== null) return readingText(c, first);
  return first.note ?? '—';
}

/**
 * A claim's one-line reason: what would decide it, why it cannot be reproduced as specified, the two places that
 * disagree, its distance from the paper's value in tolerances, or else its first evidence, cut to a sentence.
 */
export function reasonOf(c: ClaimRecord): string {
  const first = c.readings[0];
  const distance =
    first?.toleranceUnits !== undefined && first.toleranceUnits !== null && first.difference
      ? `ours − paper = ${formatNumber(Number(first.difference), 3)}, ${formatNumber(first.toleranceUnits, 3)} × the tolerance (${c.toleranceText}).`
      : null;
  const why =
    c.outcome === 'not evaluated'
      ? 'not evaluated in this run'
      : c.outcome === 'inconclusive' && c.wouldDecide
      ? `would decide: ${c.wouldDecide}`
      : c.notReproducible
        ? `not reproducible as specified: ${c.notReproducible}`
        : c.places
          ? `(1) ${c.places[0]}; (2) ${c.places[1]}`
          : (distance ?? c.evidence[0] ?? '');
  // Seed lists stay in results.json: the reason names how many, not which.
  return firstSentence(why.replace(/\s*\((?:[^()]*: )?seeds? \d+(?:[,–-]\s*\d+)*(?:, …)?\)/g, ''));
}

/** The paper's headline claims: the paper's value, ours (the measured estimate or bound, else the first reading), the verdict and why. */
export function headlineRows(claims: readonly ClaimRecord[], ids: readonly string[]): HeadlineRow[] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  return ids.flatMap((id) => {
    const c = byId.get(id);
    if (c === undefined) return [];
    return [{ id, paper: c.paper.value ?? 'qualitative', ours: oursOf(c), outcome: c.outcome, why: reasonOf(c) }];
  });
}

export interface TallyTable {
  outcomes: Outcome[];
  rows: Array<{ group: ClaimGroup; label: string; counts: number[]; total: number }>;
}

/** One row per group: a verdict of the audit's own experiments is never counted as the paper's. */
export function tallyTable(groups: GroupTallies): TallyTable {
  const outcomes = OUTCOMES.filter((o) => Object.values(groups).some((g) => g[o] > 0));
  const rows = (Object.keys(GROUP_LABEL) as ClaimGroup[]).map((g) => ({
    group: g,
    label: GROUP_LABEL[g],
    counts: outcomes.map((o) => groups[g][o]),
    total: OUTCOMES.reduce((s, o) => s + groups[g][o], 0),
  }));
  return { outcomes: [...outcomes], rows };
}

/** What the audit does not show, from the thesis's parts, each once. */
export function caveats(thesis: Thesis): string[] {
  return [...new Set(thesis.parts.flatMap((p) => p.caveats))];
}

/** A claim whose verdict a reading flips: which choice, and the verdict under each of its options. */
export interface FragileRow {
  id: string;
  group: ClaimGroup;
  outcome: Outcome;
  /** e.g. "data (a new data set per seed, or one): a data set per seed → deviates; one data set → inconclusive". */
  flips: string[];
  /** e.g. "4 of 4 combinations". */
  evaluated: string;
}

export interface FragileScreen {
  /** How many claims were read under more than one combination, and how many of them keep one verdict. */
  lead: string;
  rows: FragileRow[];
}

/** The verdicts a choice's options give, each option once, in the order the dimension lists them. */
function flipText(r: NonNullable<ClaimRecord['robustness']>, dimension: string): string {
  const d = r.dimensions.find((x) => x.id === dimension);
  const options = d?.options ?? [];
  const labelled = options.map((o) => {
    const verdicts = new Set(r.combinations.filter((c) => c.choices[dimension] === o.id).map((c) => c.verdict));
    return `${o.label} → ${[...verdicts].join(' or ')}`;
  });
  return `${d?.label ?? dimension}: ${labelled.join('; ')}`;
}

/** The claims whose verdict a reading of the paper's open choices flips, the paper's claims first. */
export function fragileScreen(claims: readonly ClaimRecord[]): FragileScreen {
  const compared = claims.filter((c) => c.robustness && c.robustness.status !== 'single');
  const fragile = compared.filter((c) => c.robustness!.status === 'fragile');
  const order: readonly ClaimGroup[] = ['paper', 'audit', 'text', 'arithmetic'];
  const rows = [...fragile]
    .sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group))
    .map((c) => {
      const r = c.robustness!;
      return { id: c.id, group: c.group, outcome: c.outcome, flips: r.flips.map((f) => flipText(r, f)), evaluated: `${r.combinations.length} of ${r.possible} combinations` };
    });
  const robust = compared.length - fragile.length;
  return {
    lead:
      `${compared.length} claims are read under more than one combination of the paper's open choices (regulariser, data, escape criterion, temperature, …): ` +
      `${robust} keep one verdict under every combination evaluated; ${fragile.length} change verdict with a reading, listed here with the choice that flips each.`,
    rows,
  };
}

/** Everything the first screen shows, or null pieces where the results carry no thesis. */
export function firstScreenOf(results: Results): { thesis: ThesisScreen | null; headline: HeadlineRow[]; fragile: FragileScreen; tallies: TallyTable | null; caveats: string[] } {
  const thesis = results.thesis ?? null;
  return {
    thesis: thesis === null ? null : thesisScreen(thesis),
    headline: thesis === null ? [] : headlineRows(results.claims, thesis.headline),
    fragile: fragileScreen(results.claims),
    tallies: results.summary.groups ? tallyTable(results.summary.groups) : null,
    caveats: thesis === null ? [] : caveats(thesis),
  };
}
