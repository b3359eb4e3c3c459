import { describe, expect, it } from 'vitest';
import { judgeThesis, loadThesis, type Outcome } from '../../src/claims/index.ts';
import { loadLedger } from '../../src/claims/ledger.ts';
import { inertText, renderReport } from '../../src/report/markdown.ts';
import { buildResults } from '../../src/report/results.ts';
import { evaluatedNonStochastic, tolerancesOf } from '../claims/without-experiments.ts';

// Golden text that a hostile (or careless) edit of golden/claims.json could carry into REPORT.md.
const PAYLOADS = {
  statement: 'β is <script>alert(1)</script> large\n\n# A heading of its own\n- and a list <!-- and everything after | a cell | *bold* `code` [a link](javascript:alert(1))',
  source: 'Sec. 3 <img src=x onerror=alert(1)> [a link](javascript:alert(1))',
  quote: 'it rises <!-- and everything after is hidden | a cell | *bold* `code`',
};

describe('REPORT.md with hostile golden text', () => {
  // The statement reaches REPORT.md (the claims table); the source and the quote only report.html and results.json.
  const ledger = loadLedger();
  const base = ledger.claims.find((c) => c.id === 'beta-c-mode1')!;
  const hostile = { ...structuredClone(base), statement: PAYLOADS.statement, source: PAYLOADS.source, paper: { ...base.paper, quote: PAYLOADS.quote } };
  const evaluated = evaluatedNonStochastic([hostile]);
  const report = renderReport(buildResults(evaluated, 'full', [], tolerancesOf(evaluated)), []);
  const section = report.split('\n').find((l) => l.startsWith('| [beta-c-mode1]'))!;

  it('carries no raw HTML from the golden files: no script, no img, no comment opener', () => {
    expect(report).not.toMatch(/<script|<img|<!--/);
    expect(section).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(section).toContain('&lt;!-- and everything after');
  });

  it('a newline in a statement starts no block: no heading, no list item, no table row of its own', () => {
    expect(report).not.toMatch(/^# A heading of its own/m);
    expect(report).not.toMatch(/^- and a list/m);
    expect(section).toContain('large # A heading of its own - and a list');
  });

  it('Markdown markup in golden text is escaped: links, emphasis, code and table pipes are literal', () => {
    expect(section).toContain('\\[a link\\](javascript:alert(1))');
    expect(section).toContain('\\| a cell \\| \\*bold\\* \\`code\\`');
  });

  it('inertText leaves ordinary statements readable', () => {
    expect(inertText('βc = 0.42 at L = 2 (Eq. 3).')).toBe('βc = 0.42 at L = 2 (Eq. 3).');
    expect(inertText('a & b\r\nc')).toBe('a &amp; b c');
  });
});

describe('REPORT.md with hostile text in golden/thesis.json', () => {
  // Every thesis text REPORT.md shows: the title claim's quote (the lead), each part's claim and source, the rule, the caveats.
  const ledger = loadLedger();
  const definition = loadThesis(ledger);
  const last = definition.parts.length - 1;
  const hostile = {
    ...definition,
    rule: 'the worst verdict <script>alert(1)</script> <!-- and everything after is hidden',
    parts: definition.parts.map((p, i) => ({
      ...p,
      claim: i === 0 ? 'metastable states <img src=x onerror=alert(1)> | a cell | *bold*' : p.claim,
      source: i === 0 ? 'Sec. 1 [a link](javascript:alert(1))\n# A heading of its own' : p.source,
      quote: i === last ? 'Grokking <script>alert(2)</script> `code`' : p.quote,
      caveats: i === 0 ? ['not shown <!-- hidden\n- a list item of its own'] : p.caveats,
    })),
  };
  const evaluated = evaluatedNonStochastic(ledger.claims.filter((c) => c.id === 'beta-c-mode1'));
  const thesis = judgeThesis(hostile, new Map<string, Outcome>(ledger.claims.map((c) => [c.id, 'reproduced'])));
  const report = renderReport(buildResults(evaluated, 'full', [], tolerancesOf(evaluated), null, thesis), []);
  const line = (prefix: string) => report.split('\n').find((l) => l.startsWith(prefix))!;

  it('carries no raw HTML from thesis.json: no script, no img, no comment opener', () => {
    expect(report).not.toMatch(/<script|<img|<!--/);
    expect(line('Rule: ')).toBe('Rule: the worst verdict &lt;script&gt;alert(1)&lt;/script&gt; &lt;!-- and everything after is hidden');
    expect(line("The paper's central claim")).toContain('“Grokking &lt;script&gt;alert(2)&lt;/script&gt; \\`code\\`”');
    expect(line('- not shown')).toBe('- not shown &lt;!-- hidden - a list item of its own');
  });

  it("a part's claim and source are one cell each: pipes, links and line breaks are literal", () => {
    const row = line('| (1) |');
    expect(row).toContain('| metastable states &lt;img src=x onerror=alert(1)&gt; \\| a cell \\| \\*bold\\* (Sec. 1 \\[a link\\](javascript:alert(1)) # A heading of its own) |');
    expect(report).not.toMatch(/^# A heading of its own/m);
    expect(report).not.toMatch(/^- a list item of its own/m);
  });
});
