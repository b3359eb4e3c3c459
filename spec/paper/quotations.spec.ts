// Every quotation of the paper in the project is the paper's words (paper/README.md): the ledger's quotes, the
// thesis's, the protocols' notes, and what README.md and REPRODUCE.md set in “…”.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalForm, checkQuotation, readingText } from './quotation.ts';
import {
  PAPER_FILE,
  docQuotations,
  docUnmarkedSpans,
  ledgerQuotations,
  protocolQuotations,
  thesisQuotations,
  type Quotation,
} from './quotations.ts';

const paper = canonicalForm(readingText(readFileSync(PAPER_FILE, "utf8")));

function notInPaper(quotations: readonly Quotation[]): string[] {
  return quotations.flatMap((q) => {
    const check = checkQuotation(paper, q.text);
    if (check.found) return [];
    return [`${q.where}: “${q.text}” — agrees with the paper up to “${check.longestPrefix}”, where the paper goes on “${check.paperContinues}”`];
  });
}

describe('quotations of the paper', () => {
  it('every claim of the ledger quotes the paper word for word', () => {
    const quotations = ledgerQuotations();
    expect(quotations.length).toBeGreaterThanOrEqual(77);
    expect(notInPaper(quotations)).toEqual([]);
  });

  it('every part of the thesis quotes the paper word for word', () => {
    expect(notInPaper(thesisQuotations())).toEqual([]);
  });

  it("every quoted span of the protocols' notes on the paper is the paper's words", () => {
    const quotations = protocolQuotations();
    expect(quotations.length).toBeGreaterThan(30);
    expect(notInPaper(quotations)).toEqual([]);
  });

  it('every “…” of README.md and REPRODUCE.md is the paper\'s words', () => {
    const quotations = docQuotations();
    expect(quotations.length).toBeGreaterThan(30);
    expect(notInPaper(quotations)).toEqual([]);
  });

  it('the docs set the paper\'s words in “…”, not in straight quotes (spans of three words or more)', () => {
    const unmarked = docUnmarkedSpans().filter((q) => q.text.split(/\s+/).length >= 3 && checkQuotation(paper, q.text).found);
    expect(unmarked.map((q) => `${q.where}: "${q.text}"`)).toEqual([]);
  });

  it('would catch a quotation that is not in the paper', () => {
    const made = [
      { where: 'a paraphrase', text: 'deeper networks have higher barriers and therefore longer escape times' },
      { where: 'a changed word', text: 'the model converges quickly to the rank-2 global minimum' },
      { where: 'a changed number', text: 'the model remains in the rank-1 state for τ ≈ 550 epochs' },
    ];
    expect(notInPaper(made)).toHaveLength(3);
  });
});
