import { describe, expect, it } from 'vitest';
import { loadLedger } from '../../src/claims/index.ts';
import { verdictCountsLine } from '../../src/cli/reproduce.ts';
import { evaluatePlan, planAudit } from '../../src/pipeline/index.ts';
import { buildResults, renderHtmlReport, renderReport } from '../../src/report/index.ts';
import { recordedRunnerResults } from '../fixtures/recorded.ts';

// Every claim of the ledger, evaluated on the recorded smoke results: the three arithmetic checks among them.
const audit = evaluatePlan(planAudit(loadLedger().claims, 'smoke', null), recordedRunnerResults());
const results = buildResults(audit.results, audit.profile, [], audit.tolerances, null, audit.thesis);
const numbers = (text: string) => [...text.matchAll(/(\d+) ([a-z ]+?)(?=[,;.])/g)].map((m) => [m[2]!, Number(m[1])] as const);

describe('the verdict counts under the terminal table', () => {
  const line = verdictCountsLine(results);

  it('count every claim once: the arithmetic checks apart, the counts summing to the number of claims', () => {
    const arithmetic = results.claims.filter((c) => c.kind === 'arithmetic').length;
    expect(arithmetic).toBeGreaterThan(0);
    expect(line).toMatch(new RegExp(`^${results.claims.length} claims: \\d+ reproduced, .*; ${arithmetic} arithmetic checks on printed numbers, counted apart\\.$`));
    const counts = numbers(line.slice(line.indexOf(':') + 1));
    expect(counts.map(([name]) => name)).toEqual(['reproduced', 'deviate', 'inconsistent', 'inconclusive', 'not evaluated', 'arithmetic checks on printed numbers']);
    expect(counts.reduce((sum, [, n]) => sum + n, 0)).toBe(results.claims.length);
  });

  it('agree with REPORT.md and with the header of report.html', () => {
    const report = renderReport(results, []);
    const sentence = report.split('\n').find((l) => l.startsWith('A smoke run'))!;
    expect(numbers(sentence.slice(sentence.indexOf('claims:')))).toEqual(numbers(line.slice(line.indexOf(':') + 1)));
    expect(line.startsWith(`${results.claims.length} claims:`) && sentence.includes(` ${results.claims.length} claims:`)).toBe(true);
    // The page's header counts the arithmetic checks among the verdicts, as its filter does: the same total.
    const badges = [...renderHtmlReport(results, []).matchAll(/<span class="badge v-[a-z-]+">(\d+) /g)].map((m) => Number(m[1]));
    expect(badges.reduce((a, b) => a + b, 0)).toBe(results.claims.length);
  });
});
