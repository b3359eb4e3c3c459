import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/claims/ledger.ts';
import { evaluatedNonStochastic, tolerancesOf } from '../claims/without-experiments.ts';
import { judgeThesis, loadThesis, type Outcome } from '../../src/claims/index.ts';
import { renderReport } from '../../src/report/markdown.ts';
import { buildResults } from '../../src/report/results.ts';

// The analytic and consistency claims; the stochastic ones have specs of their own.
// plus one whose evaluator does not exist, which must be listed without a verdict.
const ledger = loadLedger();
const orphan = { ...structuredClone(ledger.claims.find((c) => c.id === 'tau-rank1-trap')!), evaluator: 'not-written-yet' };
const evaluated = evaluatedNonStochastic([...ledger.claims.filter((c) => c.kind !== 'stochastic'), orphan]);

describe('REPORT.md', () => {
  const results = buildResults(evaluated, 'full', [], tolerancesOf(evaluated));
  const figure = { id: 'landscape-section', title: 'Loss landscape section', caption: 'Fig. 2(a).', svg: '<svg/>' };
  const report = renderReport(results, [figure]);

  it('has one row for every claim, linked to its record in report.html, and no section of its own', () => {
    const rows = report.slice(report.indexOf('\n## Claims\n')).split('\n');
    for (const c of results.claims) {
      const row = rows.find((l) => l.startsWith(`| [${c.id}](report.html#${c.id}) | `));
      expect(row, c.id).toContain(` | **${c.outcome}**`);
    }
    expect(report).not.toMatch(/^### beta-c-mode1$/m);
  });

  it("gives a numeric claim's paper value, ours, the tolerance and its distance in tolerances", () => {
    const row = report.split('\n').find((l) => l.startsWith('| [beta-c-mode1](report.html#beta-c-mode1) |'))!;
    expect(row).toMatch(/\| \*\*deviates\*\* \| 0\.42 \| 0\.4105 \| ± 0\.005 \(printed digits\) \| ours − paper = -0\.00945, 1\.89 × the tolerance/);
  });

  it('names the two places of an inconsistent claim as its reason, and lists unevaluated claims without a verdict', () => {
    const row = report.split('\n').find((l) => l.startsWith('| [regulariser-factor-l]'))!;
    expect(row).toMatch(/\| \(1\) Eq\. 1: .*; \(2\) Eq\. 2/);
    const orphanRow = report.split('\n').find((l) => l.startsWith('| [tau-rank1-trap](report.html#tau-rank1-trap) | '));
    expect(orphanRow).toContain(' | **not evaluated**');
    expect(orphanRow).toMatch(/not evaluated in this run \|$/);
  });

  it('embeds the figures', () => {
    expect(report).toContain('### Loss landscape section\n\n![Loss landscape section](figures/landscape-section.svg)\n\nFig. 2(a).');
  });

  it('stays a two-minute read: no seed list in a reason, no line of evidence beyond the first', () => {
    expect(report).not.toMatch(/\(seeds \d+, \d+/);
    expect(report).not.toContain('Evidence:');
  });
});

describe('REPORT.md: the first screen', () => {
  const thesisOf = (outcomes: Map<string, Outcome>) => judgeThesis(loadThesis(ledger), outcomes);
  const all = (verdict: Outcome) => new Map<string, Outcome>(ledger.claims.map((c) => [c.id, verdict]));
  const render = (outcomes: Map<string, Outcome>) => renderReport(buildResults(evaluated, 'full', [], tolerancesOf(evaluated), null, thesisOf(outcomes)), []);

  it('puts the thesis, the headline claims, the tallies by group and the caveats before everything else', () => {
    const report = render(all('reproduced'));
    const at = (heading: string) => report.indexOf(`\n## ${heading}\n`);
    const order = ["The paper's thesis", 'The headline claims', 'Tallies', 'What the audit does not show', 'Counts and readings', 'Claims'].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(report).toMatch(/central claim — “Noise-Driven Escape from Metastable Phases explains Grokking in Deep Neural Networks” — \*\*holds\*\*/);
    const tallies = report.slice(at('Tallies'), at('What the audit does not show'));
    expect(tallies).toContain("| audit experiments and controls (not the paper's claims) |");
  });

  it('words the paragraph from the verdicts: one supporting claim that deviates turns it', () => {
    const moved = render(new Map([...all('reproduced'), ['sgd-noise-across-barrier', 'deviates']]));
    expect(moved).toMatch(/— \*\*does not hold\*\* in the audit of its own model: .*\(1\) holds, \(2\) does not hold, \(3\) holds\./);
    expect(moved).toMatch(/\| \(2\) \|[^\n]*\| \*\*does not hold\*\* \(deviates\) \| \[sgd-noise-across-barrier\]\(report\.html#sgd-noise-across-barrier\) \(deviates\) \|/);
  });

  it('has no first screen when the caller gives no thesis', () => {
    expect(renderReport(buildResults(evaluated, 'full', [], tolerancesOf(evaluated)), [])).not.toContain("## The paper's thesis");
  });
});
