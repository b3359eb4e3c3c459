import { appendFileSync } from 'node:fs';
import type { ClaimKind } from '../claims/index.ts';
import { writeFileAtomic } from '../io/index.ts';
import { escapeMarkup as escapeXml } from './escape-markup.ts';
import { summaryTable } from './markdown.ts';
import type { ClaimRecord, Results } from './results.ts';
import { formatDecimals, formatNumber } from '../text/index.ts';

const KINDS: readonly ClaimKind[] = ['analytic', 'consistency', 'stochastic', 'arithmetic'];

const attrs = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** Stochastic pins hold for the full profile only: elsewhere the claim is evaluated but not compared with its pin. */
export function comparedWithPin(c: ClaimRecord, profile: Results['profile']): boolean {
  return c.pinned !== null && !(c.kind === 'stochastic' && profile !== 'full');
}

function pinNote(c: ClaimRecord, profile: Results['profile']): string {
  if (c.pinned === null) return 'nothing pinned';
  if (!comparedWithPin(c, profile)) return `pinned ${c.pinned.verdict} for the full profile; not compared under ${profile}`;
  return c.drift.length > 0 ? `differs from the pinned ${c.pinned.verdict}` : `matches its pin (${c.pinned.verdict})`;
}

/** Why a claim's case is skipped (nothing held against a pin), or undefined when it was compared. */
function skipReason(c: ClaimRecord, profile: Results['profile']): string | undefined {
  if (c.drift.length > 0) return undefined;
  if (c.outcome === 'not evaluated') return 'not evaluated in this run';
  if (c.pinned !== null && !comparedWithPin(c, profile)) return pinNote(c, profile);
  return undefined;
}

/** Seconds each claim took, by id: the runs it needed and its evaluation (absent: 0). */
export type ClaimSeconds = ReadonlyMap<string, number>;

const seconds = (value: number | undefined) => Number(formatDecimals(value ?? 0, 3));

/** What a CI log shows for a claim: its verdict is a finding, so it is printed, never failed on. */
function systemOut(c: ClaimRecord, profile: Results['profile']): string {
  const readings = c.readings.map((r) => {
    const units = r.toleranceUnits === undefined || r.toleranceUnits === null ? '' : `, ${formatNumber(Number(r.toleranceUnits), 3)} tolerance units`;
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

function testCase(c: ClaimRecord, profile: Results['profile'], times: ClaimSeconds): string {
  const head = `    <testcase${attrs({ classname: `claims.${c.kind}`, name: c.id, time: seconds(times.get(c.id)) })}>`;
  const skipped = skipReason(c, profile);
  const body: string[] = [];
  if (c.drift.length > 0) {
    const detail = c.drift.map((line) => `pinned → now: ${line}`);
    body.push(`      <failure${attrs({ message: c.drift.join('; '), type: 'moved from pin' })}>${escapeXml(detail.join('\n'))}</failure>`);
  } else if (skipped !== undefined) {
    body.push(`      <skipped${attrs({ message: skipped })}/>`);
  }
  body.push(`      <system-out>${escapeXml(systemOut(c, profile))}</system-out>`);
  return [head, ...body, '    </testcase>'].join('\n');
}

const counts = (claims: readonly ClaimRecord[], profile: Results['profile'], times: ClaimSeconds) => ({
  tests: claims.length,
  failures: claims.filter((c) => c.drift.length > 0).length,
  errors: 0,
  skipped: claims.filter((c) => skipReason(c, profile) !== undefined).length,
  time: seconds(claims.reduce((sum, c) => sum + (times.get(c.id) ?? 0), 0)),
});

/**
 * JUnit XML, one test suite per claim kind and one test case per claim: a failure only where the claim moved
 * from its pinned outcome (its `drift`), skipped with the reason where it was not compared with its pin (not
 * evaluated, or a stochastic claim under a profile other than the one its pin holds for); the verdict itself,
 * whatever it is, is a finding in system-out. Each case's time is the claim's seconds from `times`.
 */
export function junitXml(results: Results, times: ClaimSeconds = new Map()): string {
  const suites = KINDS.map((kind) => results.claims.filter((c) => c.kind === kind))
    .filter((claims) => claims.length > 0)
    .map((claims) =>
      [
        `  <testsuite${attrs({ name: `claims.${claims[0]!.kind}`, ...counts(claims, results.profile, times) })}>`,
        '    <properties>',
        `      <property${attrs({ name: 'profile', value: results.profile })}/>`,
        `      <property${attrs({ name: 'paper', value: results.paper })}/>`,
        '    </properties>',
        ...claims.map((c) => testCase(c, results.profile, times)),
        '  </testsuite>',
      ].join('\n'),
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'metastable-audit', ...counts(results.claims, results.profile, times) })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** The verdict counts, what moved from its pin and what was not compared with one, then the table folded away. */
export function stepSummary(results: Results): string {
  const s = results.summary;
  const notCompared = results.claims.filter((c) => c.pinned !== null && c.outcome !== 'not evaluated' && !comparedWithPin(c, results.profile)).length;
  const compared = results.claims.filter((c) => comparedWithPin(c, results.profile) && c.outcome !== 'not evaluated').length;
  const pins =
    s.drift > 0
      ? `**${s.drift} moved from their pinned outcome**`
      : `none of the ${compared} compared with its pin moved`;
  const unpinned = notCompared === 0 ? '' : `; ${notCompared} stochastic claims not compared (their pins hold for the full profile)`;
  return [
    `## metastable-audit: ${results.claims.length} claims, profile \`${results.profile}\``,
    '',
    `${s.reproduced} reproduced, ${s.deviates} deviate, ${s.inconsistent} inconsistent, ${s.inconclusive} inconclusive, ` +
      `${s['not evaluated']} not evaluated — ${pins}${unpinned}.`,
    '',
    `<details><summary>Every claim: verdict, the paper's value and ours</summary>`,
    '',
    summaryTable(results.claims, false),
    '',
    '</details>',
    '',
  ].join('\n');
}

/** Writes the JUnit file when asked for, and appends the verdict table to GitHub's step summary when it is set. */
export function writeCiReports(results: Results, targets: { junit?: string | undefined; stepSummary?: string | undefined; times?: ClaimSeconds }): void {
  if (targets.junit !== undefined) writeFileAtomic(targets.junit, junitXml(results, targets.times));
  if (targets.stepSummary) appendFileSync(targets.stepSummary, stepSummary(results));
}
