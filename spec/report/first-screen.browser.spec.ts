// The first screen as a reader meets it: at 1280×1000 the thesis and the headline table are on screen before any
// scrolling; at 420 px the page does not overflow sideways and the thesis paragraph wraps inside the screen.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeThesis, loadLedger, loadThesis, type Outcome } from '../../src/claims/index.ts';
import { renderHtmlReport } from '../../src/report/html-report.ts';
import { summarise, type Results } from '../../src/report/results.ts';
import { CHROMIUM_ARGS, systemBrowser } from './chromium.ts';
import { fixtureResults } from './fixture.ts';

/** The recorded fixture's records standing in for every headline claim of the thesis, so the table is full size. */
function fullFirstScreen(): Results {
  const ledger = loadLedger();
  const thesis = loadThesis(ledger);
  const base = fixtureResults();
  const template = base.claims;
  const byId = new Map(ledger.claims.map((c) => [c.id, c]));
  const claims = thesis.headline.map((id, i) => {
    const t = template[i % template.length]!;
    const c = byId.get(id)!;
    return { ...t, id, statement: c.statement, group: c.group, paper: { ...t.paper, value: c.paper.value } };
  });
  const outcomes = new Map<string, Outcome>(ledger.claims.map((c) => [c.id, 'deviates']));
  return { ...base, claims, summary: summarise(claims), thesis: judgeThesis(thesis, outcomes) };
}

const executablePath = systemBrowser();

describe.skipIf(executablePath === null && !process.env.CI)('the first screen of report.html in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const results = fullFirstScreen();

  beforeAll(async () => {
    if (executablePath === null) throw new Error('no Chromium at /usr/bin/chromium: .ci/run installs it with apt-get (or set CHROMIUM_PATH)');
    const dir = mkdtempSync(join(tmpdir(), 'first-screen-'));
    writeFileSync(join(dir, 'report.html'), renderHtmlReport(results, []));
    browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  const bottomOf = (selector: string) => page.$eval(selector, (e) => (e as unknown as { getBoundingClientRect(): { bottom: number } }).getBoundingClientRect().bottom);

  it('shows the thesis and every row of the headline table without scrolling at 1280×1000', async () => {
    await page.setViewport({ width: 1280, height: 1000 });
    expect(await page.$$eval('#headline tbody tr', (rows) => rows.length)).toBe(results.claims.length);
    expect(await bottomOf('#thesis')).toBeLessThanOrEqual(1000);
    expect(await bottomOf('#headline table')).toBeLessThanOrEqual(1000);
  });

  it('fits a 420 px screen: no sideways scrolling, the thesis paragraph inside it, its text at least 14 px', async () => {
    await page.setViewport({ width: 420, height: 900 });
    expect(await page.$eval('html', (e) => e.scrollWidth)).toBeLessThanOrEqual(420);
    const lead = await page.$eval('#thesis p.lead', (e) => {
      const r = (e as unknown as { getBoundingClientRect(): { left: number; right: number } }).getBoundingClientRect();
      return { left: r.left, right: r.right, font: parseFloat((globalThis as unknown as { getComputedStyle(x: unknown): { fontSize: string } }).getComputedStyle(e).fontSize) };
    });
    expect(lead.left).toBeGreaterThanOrEqual(0);
    expect(lead.right).toBeLessThanOrEqual(420);
    expect(lead.font).toBeGreaterThanOrEqual(14);
  });
});
