import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junitXml, stepSummary, writeCiReports } from '../../src/report/junit.ts';
import type { Results } from '../../src/report/results.ts';
import { drifted, fixtureResults } from './fixture.ts';

type Node = Record<string, unknown>;
const asArray = (x: unknown): Node[] => (x === undefined ? [] : Array.isArray(x) ? (x as Node[]) : [x as Node]);

/** Parses the XML and checks the structure of the JUnit schema: testsuites > testsuite > testcase, counts that add up. */
function parseJunit(xml: string): { root: Node; suites: Node[]; cases: Node[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseAttributeValue: false }).parse(xml) as Node;
  const root = doc.testsuites as Node;
  expect(root).toBeDefined();
  const suites = asArray(root.testsuite);
  const cases: Node[] = [];
  const allowed = new Set(['@classname', '@name', '@time', 'failure', 'skipped', 'error', 'system-out', 'system-err']);
  for (const suite of suites) {
    for (const key of ['@name', '@tests', '@failures', '@errors', '@skipped', '@time']) expect(suite).toHaveProperty(key);
    const own = asArray(suite.testcase);
    expect(Number(suite['@tests'])).toBe(own.length);
    expect(Number(suite['@failures'])).toBe(own.filter((c) => c.failure !== undefined).length);
    expect(Number(suite['@skipped'])).toBe(own.filter((c) => c.skipped !== undefined).length);
    for (const p of asArray((suite.properties as Node | undefined)?.property)) expect(Object.keys(p).sort()).toEqual(['@name', '@value']);
    for (const c of own) {
      for (const key of Object.keys(c)) expect(allowed).toContain(key);
      expect(c['@classname']).toBe(`claims.${String(c['@classname']).split('.')[1]}`);
      expect(Number.isFinite(Number(c['@time']))).toBe(true);
    }
    cases.push(...own);
  }
  expect(Number(root['@tests'])).toBe(cases.length);
  expect(Number(root['@failures'])).toBe(cases.filter((c) => c.failure !== undefined).length);
  return { root, suites, cases };
}

describe('junitXml', () => {
  it('writes one test case per claim, grouped by kind, and no failure when nothing moved from its pin', () => {
    const results = fixtureResults();
    const { suites, cases } = parseJunit(junitXml(results));
    expect(cases.map((c) => c['@name']).sort()).toEqual(results.claims.map((c) => c.id).sort());
    expect(suites.map((s) => s['@name'])).toEqual(['claims.analytic', 'claims.consistency', 'claims.stochastic']);
    for (const c of cases) expect(c.failure).toBeUndefined();
  });

  it('treats a verdict that is not reproduced as a finding: printed in system-out, not failed', () => {
    const { cases } = parseJunit(junitXml(fixtureResults()));
    const deviating = cases.find((c) => c['@name'] === 'beta-c-mode1')!;
    expect(deviating['@classname']).toBe('claims.analytic');
    expect(deviating['system-out']).toMatch(/^verdict: deviates/);
    expect(deviating['system-out']).toMatch(/Eq\. 2: 0\.4105\d+ \(deviates, 1\.89 tolerance units\)/);
    const stochastic = cases.find((c) => c['@name'] === 'tau-rank1-trap')!;
    expect(stochastic['system-out']).toMatch(/pinned deviates for the full profile; not compared under smoke/);
  });

  it('skips, with the reason, a stochastic claim not compared with its pin under another profile than the full', () => {
    const { root, cases } = parseJunit(junitXml(fixtureResults()));
    const stochastic = cases.find((c) => c['@name'] === 'tau-rank1-trap')!;
    expect((stochastic.skipped as Node)['@message']).toBe('pinned deviates for the full profile; not compared under smoke');
    expect(cases.find((c) => c['@name'] === 'beta-c-mode1')!.skipped).toBeUndefined();
    expect(Number(root['@skipped'])).toBe(cases.filter((c) => c.skipped !== undefined).length);
    const full = fixtureResults();
    full.profile = 'full';
    expect(parseJunit(junitXml(full)).cases.find((c) => c['@name'] === 'tau-rank1-trap')!.skipped).toBeUndefined();
  });

  it("gives each case its claim's seconds and each suite their sum", () => {
    const { suites, cases } = parseJunit(junitXml(fixtureResults(), new Map([['tau-rank1-trap', 12.3456], ['beta-c-mode1', 0.25]])));
    expect(cases.find((c) => c['@name'] === 'tau-rank1-trap')!['@time']).toBe('12.346');
    expect(cases.find((c) => c['@name'] === 'delta-e-min')?.['@time'] ?? '0').toBe('0');
    expect(suites.find((x) => x['@name'] === 'claims.stochastic')!['@time']).toBe('12.346');
  });

  it('fails a claim that moved from its pin, with the difference in tolerance units in the failure', () => {
    const { cases } = parseJunit(junitXml(drifted()));
    const failure = cases.find((c) => c['@name'] === 'beta-c-mode1')!.failure as Node;
    expect(failure['@message']).toBe('verdict: deviates → reproduced; value: 0.41054863470120451248 → 0.42054863470120451248 (+0.01 = 2.00 tolerance units); reading Eq. 2 verdict: deviates → reproduced; reading Eq. 2 value: 0.41054863470120451248 → 0.42054863470120451248 (+0.01 = 2.00 tolerance units)');
    expect(failure['#text']).toContain('pinned → now: verdict: deviates → reproduced');
    expect(failure['#text']).toContain('value: 0.41054863470120451248 → 0.42054863470120451248 (+0.01 = 2.00 tolerance units)');
  });

  it('skips a claim that was not evaluated and is not pinned', () => {
    const results = fixtureResults();
    const c = results.claims[0]!;
    Object.assign(c, { outcome: 'not evaluated', value: null, readings: [], pinned: null, drift: [] });
    const { cases } = parseJunit(junitXml(results));
    expect(cases.find((x) => x['@name'] === c.id)!.skipped).toBeDefined();
  });

  it('keeps well-formed whatever the text holds', () => {
    const results = fixtureResults();
    results.claims[0]!.paper.quote = '</system-out><x> & \u0007';
    parseJunit(junitXml(results));
  });
});

describe('writeCiReports', () => {
  it('writes the JUnit file and appends the verdict table to the step summary, keeping what was there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'junit-'));
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const results: Results = drifted();
    writeCiReports(results, { junit: join(dir, 'sub', 'junit.xml'), stepSummary: summary });
    parseJunit(readFileSync(join(dir, 'sub', 'junit.xml'), 'utf8'));
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n## metastable-audit: 7 claims')).toBe(true);
    expect(text).toContain('**1 moved from their pinned outcome**');
    expect(text).toMatch(/\| beta-c-mode1 \| [^|]+ \| \*\*(reproduced|deviates)\*\*/);
    const folded = stepSummary(fixtureResults());
    expect(folded).toMatch(/none of the \d+ compared with its pin moved; 2 stochastic claims not compared \(their pins hold for the full profile\)\./);
    expect(folded).toMatch(/<details><summary>[^<]+<\/summary>\n\n\| claim[\s\S]*\n<\/details>\n$/);
  });

  it('writes nothing when neither target is set', () => {
    expect(() => writeCiReports(fixtureResults(), {})).not.toThrow();
  });
});
