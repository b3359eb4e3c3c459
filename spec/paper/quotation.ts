// Checking a quotation against the paper's text, word for word apart from how the text renders math.
//
// The paper's text (paper/*.txt) is an HTML-to-text mirror in which every formula appears twice: its rendered
// symbols, which lose operators (`τ10` for τ ≈ 10), then its LaTeX source (`\tau\approx 10`). `readingText`
// keeps the LaTeX source of each formula, written in Unicode, and drops the rendered twin; `canonical` then maps
// the reading text and a quotation to one form: one kind of dash and of quote mark, no sub/superscript marks or
// grouping parentheses, and whitespace kept only where it separates two words (or a word and a number). Words,
// numbers, letters of symbols and relation signs all survive it, so a changed, added or dropped word fails.

// LaTeX commands that stand for one character (the paper's formulas use these).
const LATEX_SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  iota: 'ι', kappa: 'κ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ',
  upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ',
  Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω', ell: 'ℓ',
  approx: '≈', propto: '∝', gg: '≫', ll: '≪', geq: '≥', ge: '≥', leq: '≤', le: '≤', neq: '≠', sim: '∼', in: '∈',
  times: '×', cdot: '·', cdots: '⋯', ldots: '…', dots: '…', equiv: '≡', pm: '±', partial: '∂', infty: '∞',
  sum: 'Σ', prod: '∏', to: '→', rightarrow: '→', lfloor: '⌊', rfloor: '⌋', sqrt: '√', ln: 'ln', exp: 'exp',
  log: 'log', min: 'min', max: 'max', top: '⊤', '%': '%', '{': '{', '}': '}', ',': '', '!': '', ';': '', ':': '', ' ': '',
};
// Commands that only set a font, a size or a space: their argument (if any) stays.
const LATEX_SILENT = new Set([
  'mathrm', 'mathbf', 'mathcal', 'mathit', 'mathbb', 'boldsymbol', 'text', 'textrm', 'operatorname', 'left',
  'right', 'big', 'Big', 'bigl', 'bigr', 'Bigl', 'Bigr', 'displaystyle', 'quad', 'qquad',
]);

/** A LaTeX formula in Unicode: `\beta_{c}^{(1)}` → `β_{c}^{(1)}`, `\frac{a}{b}` → `{a}/{b}`. */
export function latexToText(latex: string): string {
  let out = '';
  for (let i = 0; i < latex.length; i++) {
    const ch = latex[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const name = /^[A-Za-z]+/.exec(latex.slice(i + 1))?.[0] ?? latex[i + 1] ?? '';
    i += name.length;
    if (/^[A-Za-z]/.test(name) && latex[i + 1] === ' ') i++; // the space that ends a command name
    if (name === 'frac' || name === 'tfrac' || name === 'dfrac') {
      const numerator = bracedArgument(latex, i + 1);
      const denominator = bracedArgument(latex, numerator.end);
      out += `{${latexToText(numerator.body)}}/{${latexToText(denominator.body)}}`;
      i = denominator.end - 1;
    } else if (name in LATEX_SYMBOLS) out += LATEX_SYMBOLS[name];
    else if (!LATEX_SILENT.has(name)) throw new Error(`latexToText: unknown command \\${name} in ${latex}`);
  }
  return out;
}

function bracedArgument(latex: string, from: number): { body: string; end: number } {
  if (latex[from] !== '{') return { body: latex[from] ?? '', end: from + 1 };
  let depth = 0;
  for (let i = from; i < latex.length; i++) {
    if (latex[i] === '{' && latex[i - 1] !== '\\') depth++;
    if (latex[i] === '}' && latex[i - 1] !== '\\' && --depth === 0) return { body: latex.slice(from + 1, i), end: i + 1 };
  }
  throw new Error(`latexToText: unbalanced braces in ${latex}`);
}

// The letters and digits of a formula, the part its rendered symbols and its LaTeX source share.
function skeleton(text: string): string {
  return text.normalize('NFKC').replace(/[^A-Za-z0-9\p{Script=Greek}]/gu, '');
}

function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (const ch of long) if (j < short.length && ch === short[j]) j++;
  return j === short.length;
}

const LATEX_MARK = /[\\{}^_]/;
// Set braces are rendered as they are written; a backslash or a sub/superscript mark is never rendered.
const NOT_RENDERED = /[\\^_]/;
const LEADING_PROSE = /^[(“'‘]*/;
const TRAILING_PROSE = /^(?:[-‑–][A-Za-z]+)*[)\].,;:!?”"'’]*$/;

/**
 * One whitespace-free token of the mirror split into its rendered twin and its LaTeX source, or null when it
 * holds no formula. A token holds a formula when it carries LaTeX marks or is one string written twice (`dd`,
 * `D=170D=170`); the split is the one whose rendered letters and digits are the LaTeX's, in order, with the
 * fewest left over (the rendering drops some symbols, `\mathcal{L}` among them).
 */
export function splitFormula(token: string): { prefix: string; rendered: string; latex: string; suffix: string } | null {
  const prefix = LEADING_PROSE.exec(token)![0];
  const body = token.slice(prefix.length);
  let best: { rendered: string; latex: string; suffix: string; score: number } | null = null;
  for (let end = body.length; end > 0; end--) {
    const suffix = body.slice(end);
    if (!TRAILING_PROSE.test(suffix)) continue;
    const core = body.slice(0, end);
    const half = core.length / 2;
    const marked = LATEX_MARK.test(core);
    if (!marked && /^\(.*\)$/.test(token)) continue; // `(ii)`, `(11)`: an item, an equation number
    for (let start = 1; start < core.length; start++) {
      const rendered = core.slice(0, start);
      const latex = core.slice(start);
      if (NOT_RENDERED.test(rendered)) break;
      if (!LATEX_MARK.test(latex) && !(!marked && rendersAs(latex, rendered))) continue;
      let text: string;
      try {
        text = latexToText(latex);
      } catch {
        continue;
      }
      const r = skeleton(rendered);
      const l = skeleton(text);
      if (r.length === 0 || !isSubsequence(r, l)) continue;
      // fewest letters dropped by the rendering; a source with balanced braces that starts with a symbol, not with
      // punctuation, and best at a command; the longer source
      const score =
        (l.length - r.length) * 4 +
        (balanced(latex) ? 0 : 16) +
        (/^[.,;:)%]/.test(latex) ? 8 : 0) +
        (latex.startsWith('\\') ? 0 : 1) +
        (suffix.length > 0 ? 2 : 0);
      if (best === null || score < best.score) best = { rendered, latex, suffix, score };
    }
  }
  return best === null ? null : { prefix, rendered: best.rendered, latex: best.latex, suffix: best.suffix };
}

// A formula without LaTeX marks (`dd`, `D=170D=170`, `D1D-1`) is its source written twice, the rendered copy
// without the signs the mirror drops; one character written twice must be a letter (`dd`, not the page `55`).
const DROPPED_SIGNS = /[-≈∝≫≥≤∼∈]/g;
function rendersAs(latex: string, rendered: string): boolean {
  return latex.replace(DROPPED_SIGNS, '') === rendered && (rendered.length > 1 || /[A-Za-z]/.test(rendered));
}

function balanced(latex: string): boolean {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    if (latex[i - 1] === '\\') continue;
    if (latex[i] === '{') depth++;
    if (latex[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

// Whitespace that separates tokens of the mirror (ASCII, no-break and em spaces); the thin space stays inside a
// token, where the mirror puts it in numbers (`5 000`).
const TOKEN_SPACE = /[ \n\t\u00a0\u2003]/;

/**
 * The mirror's tokens. A space inside a LaTeX source does not end one: inside braces, or after a command name
 * when what follows is a symbol (`\Delta E`, `\approx 10`) rather than a word of prose (`\beta increases`).
 */
export function mirrorTokens(mirror: string): { token: string; space: string }[] {
  const tokens: { token: string; space: string }[] = [];
  let token = '';
  let depth = 0;
  for (let i = 0; i < mirror.length; i++) {
    const ch = mirror[i]!;
    const inFormula = depth > 0 || (ch === ' ' && /\\[A-Za-z]+$/.test(token) && !/^[A-Za-z]{2}/.test(mirror.slice(i + 1)));
    if (TOKEN_SPACE.test(ch) && !inFormula) {
      if (token !== '' || tokens.length === 0) tokens.push({ token, space: ch });
      else tokens[tokens.length - 1]!.space += ch;
      token = '';
      depth = 0;
      continue;
    }
    if (ch === '{' && mirror[i - 1] !== '\\') depth++;
    if (ch === '}' && mirror[i - 1] !== '\\' && depth > 0) depth--;
    token += ch;
  }
  if (token !== '') tokens.push({ token, space: '' });
  return tokens;
}

/** The paper as it reads: prose as written, each formula once, from its LaTeX source in Unicode. */
export function readingText(mirror: string): string {
  return mirrorTokens(mirror)
    .map(({ token, space }) => {
      const formula = splitFormula(token);
      return (formula === null ? token : formula.prefix + latexToText(formula.latex) + formula.suffix) + space;
    })
    .join('');
}

const DASHES = /[-‐‑‒–—―−]/g;
const DOUBLE_QUOTES = /[“”„"]/g;
const SINGLE_QUOTES = /[‘’‚']/g;
const CDOTS = /·{3}|⋯/g;

/** A text in the form it is compared in, and where it dropped whitespace between two symbols or words. */
export interface Canonical {
  readonly text: string;
  /** Indices of `text` that a dropped space preceded: `at β` reads `atβ` with a break before β, `ΔEmin` none. */
  readonly breaks: ReadonlySet<number>;
}

/**
 * The form a quotation and the paper's reading text are compared in. Whitespace survives only between two
 * Latin letters, a letter and a digit, or a full stop and a digit, so `β = 0.32` and `β=0.32` agree while
 * `the model` and `themodel` do not.
 */
export function canonicalForm(text: string): Canonical {
  const marks = text
    .normalize('NFKC') // ² → 2, 𝐈 → I, ½ → 1⁄2
    .replace(/⁄/g, '/')
    .replace(CDOTS, '⋯')
    .replace(DASHES, '-')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(/[_^{}()]/g, '')
    .trim();
  let out = '';
  const breaks = new Set<number>();
  for (let i = 0; i < marks.length; i++) {
    if (!/\s/.test(marks[i]!)) {
      out += marks[i];
      continue;
    }
    while (/\s/.test(marks[i + 1] ?? '')) i++;
    if (keepsSpace(out.charAt(out.length - 1), marks[i + 1] ?? '')) out += ' ';
    else breaks.add(out.length);
  }
  return { text: out, breaks };
}

export function canonical(text: string): string {
  return canonicalForm(text).text;
}

function keepsSpace(before: string, after: string): boolean {
  const letter = /[A-Za-z]/;
  const digit = /[0-9]/;
  // a full stop before a number stays apart from it, or `= 0. (2)` would read as the number 0.2
  return (letter.test(before) && (letter.test(after) || digit.test(after))) || (digit.test(before) && letter.test(after)) || (before === '.' && digit.test(after));
}

/** A quotation's fragments: an ellipsis ("…" or "...") stands for omitted text between two of them. */
export function fragments(quote: string): string[] {
  return quote
    .split(/\s*(?:…|\.\.\.)\s*/)
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment !== '');
}

// A fragment must not begin or end inside a word, a symbol or a number of the paper: `rank` is not found in
// `ranks`, `Emin` not in `ΔEmin`, `0.36` not in `0.360`; `in` is found after `β` where a space stood between them.
const WORDLIKE = /[A-Za-z0-9\p{Script=Greek}]/u;
const DIGIT = /[0-9]/;

function cleanEdge(paper: Canonical, inside: string, outside: string, across: string, gap: number): boolean {
  if (!WORDLIKE.test(inside) || !WORDLIKE.test(outside)) {
    // a number's decimals: `0.36|0` is no edge, nor `0.|36`
    return !(DIGIT.test(inside) && outside === '.' && DIGIT.test(across));
  }
  return paper.breaks.has(gap);
}

function cleanPlace(paper: Canonical, at: number, fragment: string): boolean {
  const end = at + fragment.length;
  const t = paper.text;
  return cleanEdge(paper, fragment.charAt(0), t.charAt(at - 1), t.charAt(at - 2), at) && cleanEdge(paper, fragment.charAt(fragment.length - 1), t.charAt(end), t.charAt(end + 1), end);
}

// Every place a fragment stands in the paper, its first letter in either case (a quotation may start mid-sentence).
function occurrences(paper: Canonical, fragment: string, from: number): number[] {
  const variants = new Set([fragment, fragment.charAt(0).toUpperCase() + fragment.slice(1), fragment.charAt(0).toLowerCase() + fragment.slice(1)]);
  const found: number[] = [];
  for (const variant of variants) {
    for (let at = paper.text.indexOf(variant, from); at >= 0; at = paper.text.indexOf(variant, at + 1)) {
      if (cleanPlace(paper, at, variant)) found.push(at);
    }
  }
  return found.sort((a, b) => a - b);
}

export type QuoteCheck = { found: true } | { found: false; fragment: string; longestPrefix: string; paperContinues: string };

/** Whether a quotation's fragments stand in the paper (its canonical reading text), in order and each whole. */
export function checkQuotation(paper: Canonical, quote: string): QuoteCheck {
  const parts = fragments(quote).map(canonical);
  if (parts.length === 0) throw new Error(`checkQuotation: empty quotation ${JSON.stringify(quote)}`);
  const place = (index: number, from: number): boolean =>
    index === parts.length || occurrences(paper, parts[index]!, from).some((at) => place(index + 1, at + parts[index]!.length));
  if (place(0, 0)) return { found: true };
  // For the message: the first fragment that is not in the paper, and how far it agrees with the paper.
  const missing = parts.find((part) => occurrences(paper, part, 0).length === 0) ?? parts.join(' … ');
  for (let n = missing.length - 1; n > 0; n--) {
    const at = paper.text.indexOf(missing.slice(0, n));
    if (at >= 0) return { found: false, fragment: missing, longestPrefix: missing.slice(0, n), paperContinues: paper.text.slice(at + n, at + n + 40) };
  }
  return { found: false, fragment: missing, longestPrefix: '', paperContinues: '' };
}
