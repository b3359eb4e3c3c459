import { fileURLToPath } from 'node:url';
import { claimWidth, formatChange, outcomeChanges, snapshotOf } from '../../src/pins/index.ts';
import { readResults } from '../../src/report/read-results.ts';
import type { ClaimRecord, Results } from '../../src/report/results.ts';

/** A smoke-profile results.json trimmed to seven claims of every kind, with three of its figures beside it. */
export const FIXTURE_RESULTS = fileURLToPath(new URL('../fixtures/smoke/results.json', import.meta.url));

export const fixtureResults = (): Results => readResults(FIXTURE_RESULTS);

export function claimOf(results: Results, id: string): ClaimRecord {
  const claim = results.claims.find((c) => c.id === id);
  if (!claim) throw new Error(`fixture has no claim ${id}`);
  return claim;
}

/** The fixture with beta-c-mode1's headline moved by 2 tolerance units and its verdict flipped, as drift reports it. */
export function drifted(): Results {
  const results = fixtureResults();
  const c = claimOf(results, 'beta-c-mode1');
  c.outcome = 'reproduced';
  c.value = '0.42054863470120451248';
  c.readings[0]!.verdict = 'reproduced';
  c.readings[0]!.value = c.value;
  c.drift = outcomeChanges(c.pinned, snapshotOf({ verdict: 'reproduced', value: c.value, readings: c.readings }), claimWidth(c)).map(formatChange);
  results.summary.drift = 1;
  return results;
}
