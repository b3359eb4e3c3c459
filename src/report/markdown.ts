import { readingText, type ClaimRecord, type Results } from './results.ts';

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

/** The verdict table; `linked` makes each id a link to its section of REPORT.md. */
export function summaryTable(claims: readonly ClaimRecord[], linked = true): string {
  const header = '| claim | kind | paper | ours: first reading | ours: second reading | tolerance | verdict |\n|---|---|---|---|---|---|---|';
  const rows = claims.map((c) => {
    const [first, second] = c.readings.map((r) => `${r.label}: ${readingText(c, r)}${c.paper.value !== null && r.value !== null ? ` (${r.verdict})` : ''}`);
    const firstText = first ?? '';
    const secondText = second ?? '';
    return `| ${linked ? `[${c.id}](#${c.id})` : c.id} | ${c.kind} | ${escapeCell(c.paper.value ?? 'qualitative')} | ${escapeCell(firstText)} | ${escapeCell(secondText)} | ${c.toleranceText} | **${c.outcome}**${c.drift.length > 0 ? ' ⚠ differs from pinned' : ''} |`;
  });
  return [header, ...rows].join('\n');
}

function claimSection(c: ClaimRecord, figureTitles: ReadonlyMap<string, string>): string {
  const lines = [
    `### ${c.id}`,
    '',
    `**${c.outcome}** — ${c.statement}`,
    '',
    `- Source: ${c.source}`,
    `- The paper: “${c.paper.quote}”${c.paper.value === null ? '' : ` (printed value ${c.paper.value})`}`,
    `- Tolerance: ${c.toleranceText}`,
  ];
  if (c.readings.length > 0) {
    lines.push('', '| reading | ours | verdict | ours − paper | tolerance units |', '|---|---|---|---|---|');
    for (const r of c.readings) {
      const units = r.toleranceUnits === undefined || r.toleranceUnits === null ? '' : Number(r.toleranceUnits).toPrecision(3);
      lines.push(`| ${r.label} | ${r.value ?? escapeCell(r.note ?? '—')} | ${r.verdict} | ${r.difference ?? ''} | ${units} |`);
    }
  }
  if (c.evidence.length > 0) lines.push('', 'Evidence:', '', ...c.evidence.map((e) => `- ${e}`));
  if (c.places) lines.push('', `The two places that disagree: (1) ${c.places[0]}; (2) ${c.places[1]}.`);
  if (c.wouldDecide) lines.push('', `What would decide it: ${c.wouldDecide}`);
  if (c.outcome === 'not evaluated') lines.push('', `Not evaluated in this run: its evaluator (${'`'}${c.id}${'`'}) belongs to the stochastic experiments.`);
  const shown = c.figures.filter((id) => figureTitles.has(id));
  if (shown.length > 0) lines.push('', `Figures: ${shown.map((id) => `[${figureTitles.get(id)}](#figure-${id})`).join(', ')}`);
  if (c.perSeed.length > 0) {
    const seeds = new Set(c.perSeed.flatMap((p) => p.seeds)).size;
    lines.push('', `Per-seed values behind these numbers: ${c.perSeed.length} series over ${seeds} seeds in results.json (\`claims[].perSeed\`).`);
  }
  if (c.drift.length > 0) lines.push('', `⚠ Differs from the pinned outcome: ${c.drift.join('; ')}`);
  return lines.join('\n');
}

export function renderReport(results: Results, figures: readonly ReportFigure[]): string {
  const s = results.summary;
  const figureTitles = new Map(figures.map((f) => [f.id, f.title]));
  const parts = [
    '# Audit of arXiv:2606.17120',
    '',
    `${results.paper}.`,
    '',
    `Profile \`${results.profile}\`. ${results.claims.length} claims: ${s.reproduced} reproduced, ${s.deviates} deviate, ` +
      `${s.inconsistent} inconsistent, ${s.inconclusive} inconclusive, ${s['not evaluated']} not evaluated` +
      `${s.drift > 0 ? `; **${s.drift} differ from their pinned outcome**` : ''}.`,
    '',
    'Readings: `eq2` is the regulariser (Lβ/2)Σλ^{2/L} that Eqs. 2, 3 and 10 follow from (the default); `eq1` is (β/2)Σλ^{2/L} as Eq. 1 prints it. ' +
      'A claim\'s verdict is its first reading\'s; the other is shown wherever it exists. How to read a verdict, the tolerance rule and every protocol choice: REPRODUCE.md.',
    '',
    '## Summary',
    '',
    summaryTable(results.claims),
    '',
    '## Claims',
    '',
    ...results.claims.map((c) => `${claimSection(c, figureTitles)}\n`),
  ];
  if (figures.length > 0) {
    parts.push('## Figures', '');
    for (const f of figures) {
      parts.push(`<a id="figure-${f.id}"></a>`, '', `### ${f.title}`, '', `![${f.title}](${FIGURE_DIR}/${f.id}.svg)`, '', f.caption, '');
    }
  }
  return `${parts.join('\n')}\n`;
}
