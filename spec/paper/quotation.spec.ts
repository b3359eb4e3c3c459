import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonical, canonicalForm, checkQuotation, fragments, latexToText, mirrorTokens, readingText, splitFormula } from './quotation.ts';
import { PAPER_FILE } from './quotations.ts';

const mirror = readFileSync(PAPER_FILE, 'utf8');
const paper = canonicalForm(readingText(mirror));
const found = (quote: string) => checkQuotation(paper, quote).found;

// A small mirror in the paper's own shape: each formula rendered, then its LaTeX source.
const sample = canonicalForm(
  readingText(
    'we operate at β=0.32\\beta=0.32, so the global minimum is rank-2. The model converges rapidly (τ10\\tau\\approx 10 epochs). ' +
      'This gives ΔEmin0.003\\Delta E_{\\mathrm{min}}\\approx 0.003, and R2=0.991R^{2}=0.991 over dd modes; ' +
      'the transverse D1D-1 directions, in steps of 0.010.01.',
  ),
);
const inSample = (quote: string) => checkQuotation(sample, quote).found;

describe('latexToText', () => {
  it('writes commands as the symbols they stand for and keeps sub/superscripts for the canonical form to drop', () => {
    expect(latexToText('\\beta_{c}^{(1)}=0.360')).toBe('β_{c}^{(1)}=0.360');
    expect(latexToText('\\Delta E_{\\mathrm{min}}\\approx 0.003')).toBe('ΔE_{{min}}≈0.003');
    expect(latexToText('\\frac{\\eta_{\\mathrm{lr}}}{B}')).toBe('{η_{{lr}}}/{B}');
    expect(latexToText('5\\,000')).toBe('5000');
  });

  it('refuses a command it does not know rather than guess', () => {
    expect(() => latexToText('\\unknowncommand x')).toThrow(/unknown command/);
  });
});

describe('splitFormula', () => {
  it('separates the rendered twin from the LaTeX source', () => {
    expect(splitFormula('τ10\\tau\\approx 10')).toMatchObject({ rendered: 'τ10', latex: '\\tau\\approx 10' });
    expect(splitFormula('(0.5%0.5\\%)')).toMatchObject({ prefix: '(', rendered: '0.5%', latex: '0.5\\%)' });
    expect(splitFormula('D=170D=170-dimensional')).toMatchObject({ rendered: 'D=170', latex: 'D=170', suffix: '-dimensional' });
    expect(splitFormula('D1D-1')).toMatchObject({ rendered: 'D1', latex: 'D-1' });
    expect(splitFormula('dd')).toMatchObject({ rendered: 'd', latex: 'd' });
  });

  it('leaves prose alone: words, page and item numbers', () => {
    for (const token of ['minimum', 'rank-2', '(ii)', '(11)', '55', '3.3', '[22]']) expect(splitFormula(token)).toBeNull();
  });

  it('splits every formula of the paper (all tokens with LaTeX marks but the title block)', () => {
    const unsplit = mirrorTokens(mirror)
      .map((t) => t.token)
      .filter((token) => /[\\^_{}]/.test(token) && splitFormula(token) === null);
    expect(unsplit).toEqual([
      '\\NameIbrahim',
      '\\Emailtalha.ersoy@uni-potsdam.de',
      '\\NameKaroline',
      '\\Emailkaroline.wiesner@uni-potsdam.de',
      '\\addrComplexity',
    ]);
  });

  it('keeps the words after a formula (a command ends at a space before prose)', () => {
    expect(readingText('as β\\beta increases')).toBe('as β increases');
    expect(readingText('lnτ\\ln\\tau is linear')).toBe('lnτ is linear');
  });
});

describe('canonical', () => {
  it('agrees across the ways math is written', () => {
    expect(canonical('β = 0.32')).toBe(canonical('β=0.32'));
    expect(canonical('R² = 0.991')).toBe(canonical('R^{2}=0.991'));
    expect(canonical('ΔE_min ≈ 0.003')).toBe(canonical('ΔE_{min}≈0.003'));
    expect(canonical('βc(1)')).toBe(canonical('β_{c}^{(1)}'));
    expect(canonical('η1 > ··· > ηd')).toBe(canonical('η_{1}>⋯>η_{d}'));
    expect(canonical('N(0, 1/√w)')).toBe(canonical('N(0,1/√{w})'));
  });

  it('agrees across dashes, quote marks and spaces', () => {
    expect(canonical('Kramers–Arrhenius, rank‑1, D − 1')).toBe(canonical('Kramers-Arrhenius, rank-1, D-1'));
    expect(canonical('the task’s “noise”')).toBe(canonical('the task\'s "noise"'));
    expect(canonical('the\n  model\u00a0is')).toBe('the model is');
  });

  it('keeps words and numbers apart', () => {
    expect(canonical('the model')).not.toBe(canonical('themodel'));
    expect(canonical('only 25 samples')).toBe('only 25 samples');
    expect(canonical('= 0. (2)')).not.toBe(canonical('= 0.2'));
  });
});

describe('fragments', () => {
  it('splits at an ellipsis, either way it is written', () => {
    expect(fragments('converges rapidly … (τ ≈ 10 epochs)')).toEqual(['converges rapidly', '(τ ≈ 10 epochs)']);
    expect(fragments('The equal-loss point β*_i ... lies strictly below')).toEqual(['The equal-loss point β*_i', 'lies strictly below']);
  });
});

describe('checkQuotation', () => {
  it('finds a quotation whatever the rendering of its math', () => {
    expect(inSample('we operate at β = 0.32')).toBe(true);
    expect(inSample('converges rapidly (τ ≈ 10 epochs)')).toBe(true);
    expect(inSample('This gives ΔE_min ≈ 0.003')).toBe(true);
    expect(inSample('R² = 0.991 over d modes')).toBe(true);
    expect(inSample('the transverse D − 1 directions, in steps of 0.01')).toBe(true);
  });

  it('fails a changed, added or dropped word', () => {
    expect(inSample('The model converges quickly')).toBe(false);
    expect(inSample('The model converges very rapidly')).toBe(false);
    expect(inSample('The converges rapidly')).toBe(false);
    expect(inSample('so the global minimum is rank-2')).toBe(true);
    expect(inSample('so global minimum is rank-2')).toBe(false);
  });

  it('fails a changed number or symbol', () => {
    expect(inSample('we operate at β = 0.33')).toBe(false);
    expect(inSample('we operate at η = 0.32')).toBe(false);
    expect(inSample('This gives ΔE_min = 0.003')).toBe(false);
    expect(inSample('in steps of 0.1')).toBe(false);
  });

  it('does not find a fragment inside a word or a number', () => {
    expect(inSample('odel converges')).toBe(false); // model
    expect(inSample('over d mode')).toBe(false); // modes
    expect(inSample('at β = 0.3')).toBe(false); // 0.32
    expect(inSample('32, so the global')).toBe(false); // 0.32
    expect(inSample('so the global minimum is rank')).toBe(true); // a dash ends a word
  });

  it('takes an ellipsis for omitted text, its fragments in order', () => {
    expect(inSample('we operate at β = 0.32 … The model converges rapidly')).toBe(true);
    expect(inSample('The model converges rapidly … we operate at β = 0.32')).toBe(false);
    expect(inSample('we operate at β = 0.32 … a sentence that is not there')).toBe(false);
  });

  it('allows the first letter of a quotation either case', () => {
    expect(inSample('The global minimum is rank-2')).toBe(true);
  });

  it('checks against the paper itself', () => {
    expect(found('βc(1) = 0.36 and βc(2) = 0.42, in close agreement with Eq. (3)')).toBe(true);
    expect(found('βc(1) = 0.360 and βc(2) = 0.42, in close agreement with Eq. (3)')).toBe(false);
    expect(found('Escape time obeys ln τ ∝ B/ηlr, providing a direct lever to accelerate or suppress grokking')).toBe(true);
    expect(found('0.36')).toBe(true);
    expect(found('ΔE_min ≈ 0.03')).toBe(false);
    expect(found('Emin ≈ 0.003')).toBe(false); // inside ΔEmin
    expect(found('in steps of 0.01')).toBe(true); // after β, where a space stood
  });

  it('fails the passages the ledger and the docs once quoted as the paper\'s', () => {
    for (const quote of [
      'Escape time obeys the Arrhenius law τ ∝ exp(ΔE/T_eff) (Eq. 5), with ΔE from Eq. (10)',
      'deeper networks have higher barriers and therefore longer escape times',
      'Although derived for deep linear networks, the key ingredients (saddle-node bifurcations, coexisting phases, Arrhenius escape) survive in nonlinear networks (Appendix G)',
      'similar phase structure emerges with sigmoid and tanh activations',
    ]) {
      const check = checkQuotation(paper, quote);
      expect(check.found, quote).toBe(false);
    }
  });

  it('says how far a failing quotation agrees with the paper', () => {
    expect(checkQuotation(paper, 'the model remains in the rank-1 state for τ ≈ 550 epochs')).toMatchObject({
      found: false,
      longestPrefix: 'the model remains in the rank-1 state forτ≈550',
    });
  });
});
