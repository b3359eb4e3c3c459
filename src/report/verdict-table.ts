import type { Outcome } from '../claims/index.ts';
import { readingText, type ClaimRecord } from './results.ts';

// ANSI SGR colour codes; the caller decides whether the stream is a terminal.
const COLOUR: Record<Outcome, number> = {
  reproduced: 32,
  deviates: 31,
  inconsistent: 35,
  inconclusive: 33,
  'not evaluated': 90,
};
const paint = (outcome: Outcome, text: string): string => `\u001b[${COLOUR[outcome]}m${text}\u001b[39m`;

/** The terminal's verdict table: one line per claim, paper's value beside ours. */
export function formatVerdictTable(claims: readonly ClaimRecord[], colour: boolean): string {
  const idWidth = Math.max(5, ...claims.map((c) => c.id.length));
  const head = `${'claim'.padEnd(idWidth)}  ${'kind'.padEnd(11)}  ${'verdict'.padEnd(13)}  ${'paper'.padEnd(8)}  ours`;
  const lines = claims.map((c) => {
    const ours = c.readings.map((r) => `${r.label}: ${readingText(c, r)}`).join(' · ');
    const verdict = c.outcome.padEnd(13);
    const mark = c.drift.length > 0 ? '  ⚠ differs from pinned' : '';
    return `${c.id.padEnd(idWidth)}  ${c.kind.padEnd(11)}  ${colour ? paint(c.outcome, verdict) : verdict}  ${(c.paper.value ?? '—').padEnd(8)}  ${ours}${mark}`;
  });
  return `${[head, ...lines].join('\n')}\n`;
}
