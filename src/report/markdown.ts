import { firstScreenOf, oursOf, reasonOf } from './first-screen.ts';
import type { ClaimRecord, Results } from './results.ts';
import { displayNumber } from './display-number.ts';

/** A figure as the report embeds it. */
export interface ReportFigure {
  id: string;
  title: string;
  caption: string;
  svg: string;
}

export const FIGURE_DIR = 'figures';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Text from the golden files (a statement, a quote, a source of claims.json; the thesis, its parts and rule of
 * thesis.json) as inert Markdown on one line: HTML is escaped (a
 * `<script>`, an `<img onerror>` or an unclosed `<!--` would run or hide the rest of the report in a viewer), the
 * characters Markdown reads as markup are backslash-escaped, and a line break becomes a space, so it cannot start
 * a block of its own (a heading, a list, a table row).
 */
export function inertText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
}

/** The verdict table; `linked` makes each id a link to its section of REPORT.md. */
/** A rule's operating figures in one cell: size, power at the stated discrepancy, the detectable discrepancy. */
/** Where a claim's whole record is read: its row of report.html, the page written beside REPORT.md. */
const link = (id: string): string => `[${id}](report.html#${id})`;

/**
 * Every claim in one row: its verdict, the paper's value and ours, the tolerance and the one-line reason. The quote,
 * the readings, the rule's calibration, the evidence and the per-seed values are each claim's row of report.html
 * and of results.json; REPORT.md is the report read in two minutes.
 */
export function summaryTable(claims: readonly ClaimRecord[], linked = true): string {
  const header = '| claim | statement | verdict | paper | ours | tolerance | why |\n|---|---|---|---|---|---|---|';
  const rows = claims.map((c) => {
    const ours = oursOf(c);
    return `| ${linked ? link(c.id) : c.id} | ${inertText(c.statement)} | **${c.outcome}**${c.drift.length > 0 ? ' ⚠ moved from its pin' : ''} | ${inertText(c.paper.value ?? 'qualitative')} | ${escapeCell(ours)} | ${escapeCell(c.toleranceText)} | ${escapeCell(reasonOf(c))} |`;
  });
  return [header, ...rows].join('\n');
}

/** Findings, from the verdicts and the first line of each claim's evidence: what deviates, what the paper contradicts itself on, what is open. */
export function findings(claims: readonly ClaimRecord[]): string[] {
  const group = (outcome: string, lead: string, audit = false): string[] => {
    const members = claims.filter((c) => c.outcome === outcome && c.kind !== 'arithmetic' && (c.group === 'audit') === audit);
    if (members.length === 0) return [];
    const items = members.map((c) => `${link(c.id)}${c.measured ? ` (${escapeCell(c.measured)})` : c.value !== null && c.paper.value !== null ? ` (ours ${displayNumber(c.value)}, paper ${c.paper.value})` : ''}`);
    return [`- ${lead} (${members.length}): ${items.join('; ')}.`];
  };
  return [
    ...group('deviates', 'The paper\'s value is excluded by the audit\'s computation or runs'),
    ...group('inconsistent', 'Two places of the paper disagree'),
    ...group('inconclusive', 'Undecided, each with the experiment that would decide it'),
    ...group('reproduced', 'Reproduced'),
    ...(['deviates', 'inconsistent', 'inconclusive', 'reproduced'] as const).flatMap((o) => group(o, `Audit experiments and controls, not the paper's claims: ${o}`, true)),
  ];
}


/** The first screen in Markdown: the thesis, the headline claims, the readings that flip verdicts, the tallies by group and the caveats. */
export function firstScreen(results: Results): string[] {
  const screen = firstScreenOf(results);
  const blocks: string[][] = [];
  if (screen.thesis) {
    const { lead } = screen.thesis;
    blocks.push(["## The paper's thesis", '', `${inertText(lead.before)} **${lead.phrase}** ${inertText(lead.after)}`]);
  }
  if (screen.headline.length > 0) {
    blocks.push([
      '## The headline claims',
      '',
      '| claim | paper | ours | verdict | why |',
      '|---|---|---|---|---|',
      ...screen.headline.map((h) => `| ${link(h.id)} | ${inertText(h.paper)} | ${escapeCell(h.ours)} | **${h.outcome}** | ${escapeCell(h.why)} |`),
    ]);
  }
  if (screen.thesis) {
    const { rows, rule } = screen.thesis;
    blocks.push([
      '## How the thesis is decided',
      '',
      "| | the paper's claim | verdict | decided by | its needed claims |",
      '|---|---|---|---|---|',
      ...rows.map((r) => `| ${r.label} | ${inertText(r.claim)} (${inertText(r.source)}) | **${r.phrase}** (${r.verdict}) | ${r.decidedBy.map((d) => (d.claim === null ? d.text : `${link(d.claim)} (${d.text})`)).join(', ')} | ${r.needs} |`),
      '',
      `Rule: ${inertText(rule)}`,
    ]);
  }
  if (screen.fragile.rows.length > 0) {
    blocks.push([
      '## Readings that change verdicts',
      '',
      screen.fragile.lead,
      '',
      '| claim | verdict | flipped by | evaluated |',
      '|---|---|---|---|',
      ...screen.fragile.rows.map((f) => `| ${link(f.id)} | ${f.outcome} | ${escapeCell(f.flips.join(' · '))} | ${f.evaluated} |`),
      ...results.figures.filter((f) => f.id === 'robustness').flatMap((f) => ['', `Every claim's verdict under each combination: [${f.title}](${f.file}).`]),
    ]);
  }
  if (screen.tallies) {
    const { outcomes, rows } = screen.tallies;
    blocks.push([
      '## Tallies',
      '',
      `| group | ${outcomes.join(' | ')} | claims |`,
      `|---|${outcomes.map(() => '---|').join('')}---|`,
      ...rows.map((r) => `| ${r.label} | ${r.counts.join(' | ')} | ${r.total} |`),
    ]);
  }
  if (screen.caveats.length > 0) blocks.push(['## What the audit does not show', '', ...screen.caveats.map((c) => `- ${inertText(c)}`)]);
  return blocks.flatMap((b) => [...b, '']);
}

/** What each profile ran, in words for the report's prose. */
const PROFILE_WORDS: Readonly<Record<Results['profile'], string>> = {
  full: "The paper's protocols as written (50 seeds, every sweep and variant)",
  quick: 'A quick run (10 seeds, shorter sweeps: the stochastic verdicts are not the pinned ones)',
  smoke: 'A smoke run (2–3 seeds, a few hundred epochs: the stochastic verdicts are not the pinned ones)',
};

export function renderReport(results: Results, figures: readonly ReportFigure[]): string {
  const s = results.summary;
  const parts = [
    '# Audit of arXiv:2606.17120',
    '',
    `${results.paper}.`,
    '',
    ...firstScreen(results),
    '## Counts and readings',
    '',
    `${PROFILE_WORDS[results.profile]}. ${results.claims.length} claims: ${s.reproduced} reproduced, ${s.deviates} deviate, ` +
      `${s.inconsistent} inconsistent, ${s.inconclusive} inconclusive, ${s['not evaluated']} not evaluated; ` +
      `${s.arithmetic ?? 0} arithmetic checks on printed numbers, counted apart` +
      `${s.drift > 0 ? `; **${s.drift} differ from their pinned outcome**` : ''}.`,
    '',
    'Readings: the regulariser (Lβ/2)Σλ^{2/L} that Eqs. 2, 3 and 10 follow from heads; (β/2)Σλ^{2/L} as Eq. 1 prints it stands beside it, as does every other reading a claim depends on. ' +
      'A claim\'s verdict is its first reading\'s; the others are in its row of report.html, with how to read a verdict, the tolerance rule and every protocol choice.',
    '',
    results.alpha === null || results.alpha === undefined
      ? 'Each statistical verdict states its own α.'
      : `Every statistical verdict uses one false-failure rate, α = ${results.alpha}: the chance that a true claim is called \`deviates\` by bad luck of the seeds. ` +
        'Any other level is labelled where it is used (the bootstrap interval of R², the 95 % bands of the figures).',
    '',
    '## Findings',
    '',
    ...findings(results.claims),
    '',
    '## Claims',
    '',
    "Each claim's quote, readings, rule with its calibration, evidence, per-seed values and figures: its row of report.html (the links), and as data in results.json.",
    '',
    summaryTable(results.claims),
    '',
  ];
  const moved = results.claims.filter((c) => c.drift.length > 0);
  if (moved.length > 0) parts.push('## Moved from the pinned outcome', '', ...moved.map((c) => `- ${link(c.id)}: ${escapeCell(c.drift.join('; '))}`), '');
  if (figures.length > 0) {
    parts.push('## Figures', '');
    for (const f of figures) parts.push(`### ${f.title}`, '', `![${f.title}](${FIGURE_DIR}/${f.id}.svg)`, '', f.caption, '');
  }
  return `${parts.join('\n')}\n`;
}
