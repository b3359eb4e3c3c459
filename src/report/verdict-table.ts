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

/** The order a reader scans the table in: what did not reproduce first, what did last. */
const READING_ORDER: readonly Outcome[] = ['deviates', 'inconsistent', 'inconclusive', 'not evaluated', 'reproduced'];

export interface VerdictTableOptions {
  readonly colour: boolean;
  /** The terminal's width: every line is cut to it (with …), so none wraps. */
  readonly width?: number | undefined;
}

/**
 * The terminal's verdict table: one line per claim, paper's value beside ours, the claims that are not reproduced
 * first (a moved pin before the rest), ledger order within each verdict.
 */
export function formatVerdictTable(claims: readonly ClaimRecord[], options: VerdictTableOptions): string {
  const idWidth = Math.max(5, ...claims.map((c) => c.id.length));
  const width = options.width ?? Number.POSITIVE_INFINITY;
  const cut = (text: string, room: number) => (text.length > room ? `${text.slice(0, Math.max(0, room - 1))}…` : text);
  const head = cut(`${'claim'.padEnd(idWidth)}  ${'kind'.padEnd(11)}  ${'verdict'.padEnd(13)}  ${'paper'.padEnd(8)}  ours`, width);
  const rank = (c: ClaimRecord) => (c.drift.length > 0 ? -1 : READING_ORDER.indexOf(c.outcome));
  const ordered = claims.map((c, i) => ({ c, i })).sort((x, y) => rank(x.c) - rank(y.c) || x.i - y.i);
  const lines = ordered.map(({ c }) => {
    const ours = c.readings.map((r) => `${r.label}: ${readingText(c, r)}`).join(' · ');
    const mark = c.drift.length > 0 ? '  ⚠ differs from pinned' : '';
    const before = `${c.id.padEnd(idWidth)}  ${c.kind.padEnd(11)}  `;
    const verdict = c.outcome.padEnd(13);
    const after = `  ${(c.paper.value ?? '—').padEnd(8)}  ${ours}${mark}`;
    // Cut on the visible text; the verdict is coloured after, so no escape code is split.
    const plain = cut(`${before}${verdict}${after}`, width);
    if (!options.colour || plain.length < before.length + verdict.length) return plain;
    return `${before}${paint(c.outcome, verdict)}${plain.slice(before.length + verdict.length)}`;
  });
  return `${[head, ...lines].join('\n')}\n`;
}
