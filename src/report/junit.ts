import { appendFileSync } from 'node:fs';
import type { ClaimKind } from '../claims/index.ts';
import { writeFileAtomic } from '../io/index.ts';
import { escapeMarkup as escapeXml } from './escape-markup.ts';
import { claimWidth, formatChange, outcomeChanges, snapshotOf } from '../pins/index.ts';
import { summaryTable } from './markdown.ts';
import type { ClaimRecord, Results } from './results.ts';

const KINDS: readonly ClaimKind[] = ['analytic', 'consistency', 'stochastic', 'arithmetic'];

const attrs = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** Stochastic pins hold for the full profile only; elsewhere a moved stochastic value is not drift. */
function pinNote(c: ClaimRecord, profile: Results['profile']): string {
  if (c.pinned === null) return 'nothing pinned';
  if (c.kind === 'stochastic' && profile !== 'full') return `pinned ${c.pinned.verdict} for the full profile; not compared under ${profile}`;
  return c.drift.length > 0 ? `differs from the pinned ${c.pinned.verdict}` : `matches its pin (${c.pinned.verdict})`;
}

/** What a CI log shows for a claim: its verdict is a finding, so it is printed, never failed on. */
function systemOut(c: ClaimRecord, profile: Results['profile']): string {
  const readings = c.readings.map((r) => {
    const units = r.toleranceUnits === undefined || r.toleranceUnits === null ? '' : `, ${Number(r.toleranceUnits).toPrecision(3)} tolerance units`;
    return `  ${r.label}: ${r.value ?? r.note ?? '—'} (${r.verdict}${units})`;
  });
  return [
    `verdict: ${c.outcome}`,
    `statement: ${c.statement}`,
    `paper (${c.source}): "${c.paper.quote}"${c.paper.value === null ? '' : `, printed ${c.paper.value}`}`,
    `tolerance: ${c.toleranceText}`,
    ...(readings.length > 0 ? ['readings:', ...readings] : []),
    `pin: ${pinNote(c, profile)}`,
  ].join('\n');
}

function testCase(c: ClaimRecord, profile: Results['profile']): string {
  const head = `    <testcase${attrs({ classname: `claims.${c.kind}`, name: c.id, time: 0 })}>`;
  const body: string[] = [];
  if (c.drift.length > 0) {
    const changes = c.pinned === null ? [] : outcomeChanges(c.pinned, snapshotOf(c), claimWidth(c)).map(formatChange);
    const detail = changes.length > 0 ? changes.map((line) => `pinned → now: ${line}`) : c.drift;
    body.push(`      <failure${attrs({ message: c.drift.join('; '), type: 'moved from pin' })}>${escapeXml(detail.join('\n'))}</failure>`);
  } else if (c.outcome === 'not evaluated') {
    body.push(`      <skipped${attrs({ message: 'not evaluated in this run' })}/>`);
  }
  body.push(`      <system-out>${escapeXml(systemOut(c, profile))}</system-out>`);
  return [head, ...body, '    </testcase>'].join('\n');
}

const counts = (claims: readonly ClaimRecord[]) => ({
  tests: claims.length,
  failures: claims.filter((c) => c.drift.length > 0).length,
  errors: 0,
  skipped: claims.filter((c) => c.drift.length === 0 && c.outcome === 'not evaluated').length,
  time: 0,
});

/**
 * JUnit XML, one test suite per claim kind and one test case per claim: a failure only where the claim moved
 * from its pinned outcome (its `drift`); the verdict itself, whatever it is, is a finding in system-out.
 */
export function junitXml(results: Results): string {
  const suites = KINDS.map((kind) => results.claims.filter((c) => c.kind === kind))
    .filter((claims) => claims.length > 0)
    .map((claims) =>
      [
        `  <testsuite${attrs({ name: `claims.${claims[0]!.kind}`, ...counts(claims) })}>`,
        '    <properties>',
        `      <property${attrs({ name: 'profile', value: results.profile })}/>`,
        `      <property${attrs({ name: 'paper', value: results.paper })}/>`,
        '    </properties>',
        ...claims.map((c) => testCase(c, results.profile)),
        '  </testsuite>',
      ].join('\n'),
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'metastable-audit', ...counts(results.claims) })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** The verdict table as GitHub renders it in a job's summary page. */
export function stepSummary(results: Results): string {
  const s = results.summary;
  return [
    `## metastable-audit: ${results.claims.length} claims, profile \`${results.profile}\``,
    '',
    `${s.reproduced} reproduced, ${s.deviates} deviate, ${s.inconsistent} inconsistent, ${s.inconclusive} inconclusive, ` +
      `${s['not evaluated']} not evaluated${s.drift > 0 ? ` — **${s.drift} moved from their pinned outcome**` : '; none moved from its pin'}.`,
    '',
    summaryTable(results.claims, false),
    '',
  ].join('\n');
}

/** Writes the JUnit file when asked for, and appends the verdict table to GitHub's step summary when it is set. */
export function writeCiReports(results: Results, targets: { junit?: string | undefined; stepSummary?: string | undefined }): void {
  if (targets.junit !== undefined) writeFileAtomic(targets.junit, junitXml(results));
  if (targets.stepSummary) appendFileSync(targets.stepSummary, stepSummary(results));
}
