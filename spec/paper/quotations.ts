// Every place the project presents the paper's words, collected for the quotation check.
//
// Conventions: a claim's `paper.quote` and a thesis part's `quote` are quotations as a whole; inside the other text
// of the golden files (a claim's statement and source, a protocol's `paper` notes) a span in double quotes is the
// paper's words; in README.md and REPRODUCE.md the paper's words stand in curly double quotes “…”, which nothing
// else uses there (straight quotes mark the project's own terms and names). Code, fenced or inline, is not prose.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Quotation {
  /** Where it stands: file and claim id, field or line. */
  readonly where: string;
  readonly text: string;
}

export const ROOT = new URL('../../', import.meta.url).pathname;
export const PAPER_FILE = join(ROOT, 'paper', 'ersoy-wiesner-2026-noise-driven-escape.txt');
export const DOCS = ['README.md', 'REPRODUCE.md'] as const;

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

// A double-quoted span inside a golden file's prose: straight or curly, never across a line; one right after
// `REPRODUCE.md, ` names a section of it (as the docs themselves cite one), not the paper.
const GOLDEN_SPAN = /(REPRODUCE\.md, )?(?:"([^"\n]+)"|“([^”\n]+)”)/g;

function spansOf(where: string, text: string): Quotation[] {
  return [...text.matchAll(GOLDEN_SPAN)].filter((m) => m[1] === undefined).map((m) => ({ where, text: m[2] ?? m[3]! }));
}

interface LedgerClaim {
  readonly id: string;
  readonly statement: string;
  readonly source: string;
  readonly paper: { readonly quote: string };
}

export function ledgerQuotations(): Quotation[] {
  const claims = (JSON.parse(read('golden/claims.json')) as { claims: LedgerClaim[] }).claims;
  return claims.flatMap((c) => [
    { where: `golden/claims.json ${c.id} paper.quote`, text: c.paper.quote },
    ...spansOf(`golden/claims.json ${c.id} statement`, c.statement),
    ...spansOf(`golden/claims.json ${c.id} source`, c.source),
  ]);
}

export function thesisQuotations(): Quotation[] {
  const parts = (JSON.parse(read('golden/thesis.json')) as { parts: { id: string; quote: string }[] }).parts;
  return parts.map((p) => ({ where: `golden/thesis.json ${p.id} quote`, text: p.quote }));
}

export function protocolQuotations(): Quotation[] {
  return readdirSync(join(ROOT, 'golden', 'protocols'))
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort()
    .flatMap((f) => {
      const notes = (JSON.parse(read(`golden/protocols/${f}`)) as { paper?: Record<string, string> }).paper ?? {};
      return Object.entries(notes).flatMap(([field, note]) => spansOf(`golden/protocols/${f} paper.${field}`, note));
    });
}

/** Markdown with its code (fenced blocks, inline spans) blanked out, every line kept where it was. */
export function proseOf(markdown: string): string {
  const blank = (code: string) => code.replace(/[^\n]/g, ' ');
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, blank).replace(/`[^`\n]*`/g, blank);
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The curly-quoted spans of a Markdown text (a span may wrap lines, never a paragraph). */
export function markedQuotations(file: string, markdown: string): Quotation[] {
  const prose = proseOf(markdown);
  return [...prose.matchAll(/“([^”]*)”/g)].map((m) => {
    if (/\n\s*\n/.test(m[1]!)) throw new Error(`${file}:${lineAt(prose, m.index)}: a “ is not closed within its paragraph`);
    return { where: `${file}:${lineAt(prose, m.index)}`, text: m[1]!.replace(/\s+/g, ' ').trim() };
  });
}

/** The straight-quoted spans of a Markdown text: the project's own terms, which must not be the paper's words. */
export function unmarkedSpans(file: string, markdown: string): Quotation[] {
  const prose = proseOf(markdown);
  return [...prose.matchAll(/"([^"]*)"/g)]
    .filter((m) => !/\n\s*\n/.test(m[1]!))
    .map((m) => ({ where: `${file}:${lineAt(prose, m.index)}`, text: m[1]!.replace(/\s+/g, ' ').trim() }));
}

export function docQuotations(): Quotation[] {
  return DOCS.flatMap((file) => markedQuotations(file, read(file)));
}

export function docUnmarkedSpans(): Quotation[] {
  return DOCS.flatMap((file) => unmarkedSpans(file, read(file)));
}
