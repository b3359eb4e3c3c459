import { describe, expect, it } from 'vitest';
import { judgeThesis, loadLedger, loadThesis, type Outcome } from '../../src/claims/index.ts';
import { escapeMarkup } from '../../src/report/escape-markup.ts';
import { robustnessOf } from '../../src/claims/robustness.ts';
import type { Reading } from '../../src/claims/verdict.ts';
import { firstScreenOf, firstSentence, fragileScreen, headlineRows, tallyTable } from '../../src/report/first-screen.ts';
import { renderHtmlReport } from '../../src/report/html-report.ts';
import { renderReport } from '../../src/report/markdown.ts';
import { summarise, type Results } from '../../src/report/results.ts';
import { fixtureResults } from './fixture.ts';

const ledger = loadLedger();
const groupOf = new Map(ledger.claims.map((c) => [c.id, c.group]));

/** The recorded fixture with its claims' groups and a thesis judged from the given outcomes. */
function withThesis(outcomes: ReadonlyMap<string, Outcome>): Results {
  const results = fixtureResults();
  for (const c of results.claims) c.group = groupOf.get(c.id)!;
  return { ...results, summary: summarise(results.claims), thesis: judgeThesis(loadThesis(ledger), outcomes) };
}
const everything = (o: Outcome) => new Map<string, Outcome>(ledger.claims.map((c) => [c.id, o]));

describe('the first screen, worded once for both renderers', () => {
  it('leads with the title claim and its verdict, then one row per part with what decides it', () => {
    const moved = new Map([...everything('reproduced'), ['metastable-state-count', 'deviates' as Outcome]]);
    const screen = firstScreenOf(withThesis(moved)).thesis!;
    expect(screen.lead.phrase).toBe('does not hold');
    expect(screen.lead.after).toMatch(/\(1\) does not hold, \(2\) holds, \(3\) holds\.$/);
    expect(screen.rows[0]).toMatchObject({ label: '(1)', verdict: 'deviates', decidedBy: [{ claim: 'metastable-state-count', text: 'deviates' }] });
  });

  it('shows each headline claim with the paper value, ours and the verdict, and skips ids the run did not evaluate', () => {
    const results = withThesis(everything('reproduced'));
    const ids = results.claims.map((c) => c.id);
    const rows = headlineRows(results.claims, [...ids, 'not-in-this-run']);
    expect(rows.map((r) => r.id)).toEqual(ids);
    for (const r of rows) expect(r.ours).not.toBe('');
  });

  it('tallies each group apart and counts every claim once', () => {
    const results = withThesis(everything('reproduced'));
    const table = tallyTable(results.summary.groups!);
    expect(table.rows.map((r) => r.group)).toEqual(['paper', 'audit', 'text', 'arithmetic']);
    expect(table.rows.reduce((s, r) => s + r.total, 0)).toBe(results.claims.length);
  });

  it('cuts a reason to its first sentence, at a word boundary', () => {
    expect(firstSentence('First part. Second part.')).toBe('First part.');
    expect(firstSentence('eq2: 0.35 against 0.360. More.')).toBe('eq2: 0.35 against 0.360.');
    expect(firstSentence(`${'word '.repeat(50)}end`, 20)).toBe('word word word word …');
  });

  it('stands first in REPORT.md and report.html, in the same words', () => {
    const results = withThesis(everything('reproduced'));
    const md = renderReport(results, []);
    const html = renderHtmlReport(results, []);
    const lead = firstScreenOf(results).thesis!.lead.after;
    expect(md.indexOf("## The paper's thesis")).toBeLessThan(md.indexOf('## Claims'));
    expect(html.indexOf('<section id="thesis">')).toBeGreaterThan(0);
    expect(html.indexOf('<section id="thesis">')).toBeLessThan(html.indexOf('<section id="claims">'));
    expect(html.indexOf('<section id="tallies">')).toBeLessThan(html.indexOf('<section id="claims">'));
    expect(md).toContain(lead);
    expect(html).toContain(escapeMarkup(lead));
  });

  it('lists the claims a reading flips, the paper\'s first, with the verdict each option gives', () => {
    const results = withThesis(everything('reproduced'));
    const a = results.claims.find((x) => x.group !== 'paper');
    const [b, c] = results.claims.filter((x) => x.group === 'paper');
    const r = (labels: Array<[string, Reading['verdict']]>) => robustnessOf({ readings: labels.map(([label, verdict]) => ({ label, verdict }) as Reading) });
    a!.robustness = r([['Eq. 2', 'deviates'], ['Eq. 1', 'reproduced']]);
    b!.robustness = r([['Eq. 2', 'deviates'], ['Eq. 1', 'deviates']]);
    c!.robustness = r([['a data set per seed', 'inconclusive'], ['one data set', 'reproduced']]);
    const screen = fragileScreen(results.claims);
    expect(screen.rows.map((x) => x.id)).toEqual([c!.id, a!.id]);
    expect(screen.rows[1]!.flips).toEqual(['regulariser (Eq. 2 or Eq. 1): Eq. 2 ((Lβ/2) Σλ^{2/L}, decay β/2 Σ‖W‖²) → deviates; Eq. 1 ((β/2) Σλ^{2/L}, decay β/(2L) Σ‖W‖²) → reproduced']);
    expect(screen.lead).toMatch(/^3 claims are read .* 1 keep one verdict .*; 2 change verdict/);
    const md = renderReport({ ...results, summary: summarise(results.claims) }, []);
    expect(md.indexOf('## Readings that change verdicts')).toBeGreaterThan(md.indexOf("## The paper's thesis"));
    expect(md.indexOf('## Readings that change verdicts')).toBeLessThan(md.indexOf('## Claims'));
    expect(renderHtmlReport(results, [])).toContain('<section id="fragile">');
  });
});
