import { join } from 'node:path';
import type { Outcome } from '../claims/index.ts';
import type { ClaimRecord, Results } from './results.ts';
import { formatNumber } from '../text/index.ts';

/** DESIGN.md's table of verdicts, as the rule a reader applies. */
export const OUTCOME_RULE: Record<Outcome, string> = {
  reproduced: "the audit's value agrees with the paper's within the claim's tolerance",
  deviates: 'it does not agree within the tolerance; both numbers and the gap are shown',
  inconsistent: 'two places of the paper contradict each other',
  inconclusive: 'the statistics cannot decide (censored runs, too few escapes)',
  'not evaluated': "the claim's evaluator is not part of this run",
};

/** Levenshtein distance: the fewest single-character edits from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** How far a typed word is from an id's word: 0 when the id's word begins with it ("tau" for "tau-rank1-trap"). */
function wordDistance(typed: string, word: string): number {
  return typed.length >= 2 && word.startsWith(typed) ? 0 : editDistance(typed, word);
}

/** The sum over the typed id's words of the distance to the nearest word of `id` (ids are words joined by '-'). */
function wordsDistance(wanted: string, id: string): number {
  const words = id.split('-');
  return wanted
    .split('-')
    .filter((w) => w !== '')
    .reduce((sum, typed) => sum + Math.min(...words.map((w) => wordDistance(typed, w))), 0);
}

/**
 * The ids nearest to a mistyped one, closest first: compared word by word (a typed word matches an id's word it
 * begins or nearly spells), then by edits over the whole id, ties in ledger order. The ids that match its words
 * best are kept when they are within a third of its length in edits, or else the single nearest, so a suggestion
 * is always made and far-off ids are not.
 */
export function closestIds(wanted: string, ids: readonly string[], count = 3): string[] {
  const ranked = ids
    .map((id, order) => ({ id, order, words: wordsDistance(wanted, id), whole: editDistance(wanted, id) }))
    .sort((x, y) => x.words - y.words || x.whole - y.whole || x.order - y.order);
  const best = ranked[0]?.words ?? 0;
  if (best > Math.max(1, Math.floor(wanted.length / 3))) return ranked.slice(0, 1).map((x) => x.id);
  return ranked.filter((x) => x.words === best).slice(0, count).map((x) => x.id);
}

const indent = (lines: readonly string[], prefix = '  '): string[] => lines.map((l) => `${prefix}${l}`);

function readingLines(c: ClaimRecord): string[] {
  const width = Math.max(...c.readings.map((r) => r.label.length));
  return c.readings.map((r) => {
    const ours = r.value ?? '—';
    const gap = r.difference === undefined ? '' : `  ours − paper ${r.difference}`;
    const units = r.toleranceUnits === undefined || r.toleranceUnits === null ? '' : ` = ${formatNumber(Number(r.toleranceUnits), 3)} tolerance units`;
    const note = r.note === undefined ? '' : `  (${r.note})`;
    return `${r.label.padEnd(width)}  ${ours}  ${r.verdict}${gap}${units}${note}`;
  });
}

/** One claim as a terminal shows it: the paper's words, our value per reading, the verdict and why, the evidence. */
export function explainClaim(c: ClaimRecord, results: Results, outDir: string): string {
  const lines = [`${c.id}  (${c.kind}, profile ${results.profile})`, '', c.statement, ''];
  lines.push(`The paper, ${c.source}:`, `  “${c.paper.quote}”${c.paper.value === null ? '' : `  printed value ${c.paper.value}`}`, '');
  if (c.readings.length > 0) lines.push('Ours, under each reading (the first gives the verdict):', ...indent(readingLines(c)), '');
  lines.push(`Verdict: ${c.outcome} — ${OUTCOME_RULE[c.outcome]}.`, `Rule: tolerance ${c.toleranceText}.`);
  if (c.places) lines.push(`The two places that disagree: (1) ${c.places[0]}; (2) ${c.places[1]}.`);
  if (c.wouldDecide) lines.push(`What would decide it: ${c.wouldDecide}`);
  if (c.notReproducible) lines.push(`Not reproducible as specified: ${c.notReproducible}`);
  if (c.pinned !== null) {
    lines.push(c.drift.length > 0 ? `Moved from its pinned outcome: ${c.drift.join('; ')}` : `Pinned outcome: ${c.pinned.verdict}${c.kind === 'stochastic' && results.profile !== 'full' ? ' (for the full profile)' : ', matched'}.`);
  }
  if (c.evidence.length > 0) lines.push('', 'Evidence:', ...indent(c.evidence, '  - '));
  if (c.perSeed.length > 0) {
    lines.push('', 'Per seed (— : no value, e.g. censored):');
    for (const p of c.perSeed) {
      const pairs = p.seeds.map((s, i) => `${s}: ${p.values[i] ?? '—'}`).join(', ');
      lines.push(`  ${p.label} — ${p.meaning}`, `    ${pairs || 'no seeds'}${p.excluded ? `; excluded ${p.excluded.seeds.join(', ')} (${p.excluded.reason})` : ''}`);
    }
  }
  if (c.figures.length > 0) {
    const files = new Map(results.figures.map((f) => [f.id, f]));
    lines.push('', 'Figures:');
    for (const id of c.figures) {
      const f = files.get(id);
      lines.push(f ? `  ${join(outDir, f.file)}  ${f.title}` : `  ${id}  (not drawn in this run)`);
    }
  }
  return `${lines.join('\n')}\n`;
}
