import { fileURLToPath } from 'node:url';
import type { ClaimGroup, ClaimKind, Finding, Outcome, PerSeedSeries, PinnedOutcome, Reading, Robustness, RuleCalibration, Thesis, ToleranceRule } from '../claims/index.ts';
import { parseValidatedJson } from '../io/index.ts';
import { formatChange, type ClaimResult } from '../pins/index.ts';
import type { Profile } from '../protocols/index.ts';
import { displayNumber } from './display-number.ts';
import { wordEvidence } from './words/index.ts';

export const RESULTS_SCHEMA = fileURLToPath(new URL('../../golden/results.schema.json', import.meta.url));
export const PAPER = 'Ersoy & Wiesner, "Noise-Driven Escape from Metastable Phases explains Grokking in Deep Neural Networks", arXiv:2606.17120v1';


/** A reading as the report shows it: its note in words. */
export type RecordReading = Omit<Reading, 'note'> & { note?: string };

export interface ClaimRecord {
  id: string;
  statement: string;
  source: string;
  kind: ClaimKind;
  group: ClaimGroup;
  paper: { quote: string; value: string | null };
  tolerance: ToleranceRule;
  /** The tolerance in words, as the evaluate stage states it. */
  toleranceText: string;
  outcome: Outcome;
  value: string | null;
  readings: RecordReading[];
  /** The evidence in words, a finding a line. */
  evidence: string[];
  /** The same evidence as data: each finding's kind and values, where a line is a finding. */
  findings: Finding[];
  places: [string, string] | null;
  wouldDecide: string | null;
  /** Why the stated protocol cannot produce what the claim is about (a `deviates` of that kind), else null. */
  notReproducible?: string | null;
  figures: string[];
  pinned: PinnedOutcome | null;
  /** What moved from the pinned outcome, one change a line (pins' formatChange). */
  drift: string[];
  perSeed: PerSeedSeries[];
  /** The headline's decision rule with its size, power and detectable discrepancy (statistical claims only). */
  rule?: RuleCalibration | null;
  /** The headline estimate or bound with its interval and counts (stochastic claims). */
  measured?: string | null;
  /** The verdict under every combination of readings evaluated: robust, fragile (which choices flip it) or single. */
  robustness?: Robustness | null;
}

export interface Results {
  paper: string;
  profile: Profile;
  /** The one false-failure rate α of every verdict (null where the caller did not state it). */
  alpha?: number | null;
  /** The paper's central claims, each judged from the claims it needs (null where the caller gave no thesis). */
  thesis?: Thesis | null;
  /** Verdict counts of the results (arithmetic checks on printed numbers counted apart, in `arithmetic`), and by group. */
  summary: Record<Outcome, number> & { drift: number; arithmetic?: number; groups?: GroupTallies; robustness?: RobustnessTallies };
  claims: ClaimRecord[];
  figures: Array<{ id: string; title: string; file: string }>;
}

/** How many claims keep one verdict under every combination of readings evaluated, how many flip, how many have one. */
export type RobustnessTallies = Record<Robustness['status'], number>;

/** Outcome counts per group of claims: the paper's, the audit's own, the paper's text, arithmetic on printed numbers. */
export type GroupTallies = Record<ClaimGroup, Record<Outcome, number>>;

/** A finding in words; null where there is none. */
function inWords(x: Finding | undefined): string | null {
  return x === undefined ? null : wordEvidence(x);
}

function recordReading(r: Reading): RecordReading {
  const { note, ...rest } = r;
  // Overwriting `note` in a copy keeps its place among the keys (their order in results.json).
  return note === undefined ? rest : { ...r, note: wordEvidence(note) };
}

export function claimRecord(result: ClaimResult, toleranceText: string): ClaimRecord {
  const { claim, evaluation } = result;
  return {
    id: claim.id,
    statement: claim.statement,
    source: claim.source,
    kind: claim.kind,
    group: claim.group,
    paper: claim.paper,
    tolerance: claim.tolerance,
    toleranceText,
    outcome: result.outcome,
    value: evaluation?.value ?? null,
    readings: (evaluation?.readings ?? []).map(recordReading),
    evidence: (evaluation?.evidence ?? []).map(wordEvidence),
    findings: (evaluation?.evidence ?? []).filter((e): e is Finding => typeof e !== 'string'),
    places: evaluation?.places ?? null,
    wouldDecide: inWords(evaluation?.wouldDecide),
    notReproducible: inWords(evaluation?.notReproducible),
    figures: [...new Set([...claim.figures, ...(evaluation?.figures ?? []).map((f) => f.id)])],
    pinned: claim.pinned,
    drift: result.drift.map(formatChange),
    perSeed: evaluation?.perSeed ?? [],
    rule: evaluation?.rule ?? null,
    measured: inWords(evaluation?.measured),
    robustness: result.robustness,
  };
}

/** Every outcome a claim can have, in the summary's order (the verdicts of DESIGN.md, then "not evaluated"). */
export const OUTCOMES: readonly Outcome[] = ['reproduced', 'deviates', 'inconsistent', 'inconclusive', 'not evaluated'];

const GROUPS: readonly ClaimGroup[] = ['paper', 'audit', 'text', 'arithmetic'];
const zeroCounts = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;

export function summarise(records: readonly ClaimRecord[]): Results['summary'] {
  const summary = zeroCounts() as Results['summary'];
  summary.drift = 0;
  let arithmetic = 0;
  const groups = Object.fromEntries(GROUPS.map((g) => [g, zeroCounts()])) as GroupTallies;
  for (const r of records) {
    if (r.kind === 'arithmetic') arithmetic += 1;
    else summary[r.outcome] += 1;
    groups[r.group][r.outcome] += 1;
    if (r.drift.length > 0) summary.drift += 1;
  }
  summary.arithmetic = arithmetic;
  summary.groups = groups;
  const robustness: RobustnessTallies = { robust: 0, fragile: 0, single: 0 };
  for (const r of records) if (r.robustness) robustness[r.robustness.status] += 1;
  summary.robustness = robustness;
  return summary;
}

/** Each claim's tolerance in words, by claim id (the evaluate stage writes them: the report computes nothing). */
export type ToleranceTexts = Readonly<Record<string, string>>;

export function buildResults(
  results: readonly ClaimResult[],
  profile: Profile,
  figures: Results['figures'],
  tolerances: ToleranceTexts,
  alpha: number | null = null,
  thesis: Thesis | null = null,
): Results {
  const claims = results.map((r) => claimRecord(r, tolerances[r.claim.id] ?? ''));
  return { paper: PAPER, profile, alpha, thesis, summary: summarise(claims), claims, figures };
}

/** Serialises and checks results.json against its schema before anything is written. */
export function serialiseResults(results: Results): string {
  const text = `${JSON.stringify(results, null, 2)}\n`;
  parseValidatedJson<Results>(text, RESULTS_SCHEMA, 'results.json');
  return text;
}


/** A reading in a few characters: its number where the paper printed one, otherwise its own verdict. */
export function readingText(c: ClaimRecord, r: RecordReading): string {
  return c.paper.value !== null && r.value !== null ? displayNumber(r.value) : r.verdict;
}
