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

  it('has a summary row and a section for every claim', () => {
    for (const c of results.claims) {
      expect(report).toContain(`| [${c.id}](#${c.id}) |`);
      expect(report).toContain(`### ${c.id}\n`);
    }
  });

  it('shows both numbers, the difference and the tolerance of a numeric claim', () => {
    const section = report.slice(report.indexOf('### beta-c-mode1\n'), report.indexOf('### lambda-saddle\n'));
    expect(section).toContain('**deviates**');
    expect(section).toContain('printed value 0.42');
    expect(section).toMatch(/\| eq2 \| 0\.4105486347\d+ \| deviates \| -0\.009451365\d+ \| 1\.89 \|/);
    expect(section).toContain('± 0.005 (printed digits)');
  });

  it('names the two places of an inconsistent claim and lists unevaluated claims without a verdict', () => {
    expect(report).toMatch(/The two places that disagree: \(1\) Eq\. 1/);
    expect(report).toMatch(/### tau-rank1-trap\n\n\*\*not evaluated\*\*/);
  });

  it('embeds the figures and links claims to them', () => {
    expect(report).toContain('![Loss landscape section](figures/landscape-section.svg)');
    expect(report).toContain('[Loss landscape section](#figure-landscape-section)');
  });

  it('prints each claim\'s tolerance in the words the evaluate stage gave it', () => {
    expect(report).toContain('| ± 0.005 (printed digits) |');
  });
});

describe('REPORT.md: the first screen', () => {
  const thesisOf = (outcomes: Map<string, Outcome>) => judgeThesis(loadThesis(ledger), outcomes);
  const all = (verdict: Outcome) => new Map<string, Outcome>(ledger.claims.map((c) => [c.id, verdict]));
  const render = (outcomes: Map<string, Outcome>) => renderReport(buildResults(evaluated, 'full', [], tolerancesOf(evaluated), null, thesisOf(outcomes)), []);

  it('puts the thesis, the headline claims, the tallies by group and the caveats before everything else', () => {
    const report = render(all('reproduced'));
    const at = (heading: string) => report.indexOf(`\n## ${heading}\n`);
    const order = ["The paper's thesis", 'The headline claims', 'Tallies', 'What the audit does not show', 'Counts and readings', 'Summary'].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(report).toMatch(/central claim — “Noise-Driven Escape from Metastable Phases explains Grokking in Deep Neural Networks” — \*\*holds\*\*/);
    const tallies = report.slice(at('Tallies'), at('What the audit does not show'));
    expect(tallies).toContain("| audit experiments and controls (not the paper's claims) |");
  });

  it('words the paragraph from the verdicts: one supporting claim that deviates turns it', () => {
    const moved = render(new Map([...all('reproduced'), ['sgd-noise-across-barrier', 'deviates']]));
    expect(moved).toMatch(/— \*\*does not hold\*\* in the audit of its own model: .*\(1\) holds, \(2\) does not hold, \(3\) holds\./);
    expect(moved).toMatch(/\| \(2\) \|[^\n]*\| \*\*does not hold\*\* \(deviates\) \| \[sgd-noise-across-barrier\]\(#sgd-noise-across-barrier\) \(deviates\) \|/);
  });

  it('has no first screen when the caller gives no thesis', () => {
    expect(renderReport(buildResults(evaluated, 'full', [], tolerancesOf(evaluated)), [])).not.toContain("## The paper's thesis");
  });
});
