import { describe, expect, it } from 'vitest';
import { TRAPPING_SMOKE_PATH, TRAPPING_SMOKE_SCHEMA, computeTrappingSmoke, smokeConsistency, type SmokeGroup, type TrappingSmoke } from '../../src/pins/trapping-smoke.ts';
import { loadValidatedJson } from '../../src/io/validated-json.ts';
import { pinDifferences } from '../../src/pins/index.ts';

function pinned(): TrappingSmoke {
  const { $schema: _schema, ...summary } = loadValidatedJson<TrappingSmoke & { $schema?: string }>(TRAPPING_SMOKE_PATH, TRAPPING_SMOKE_SCHEMA);
  return summary;
}

/** A group of ten trapped seeds with the given escape epochs (null: censored at 1000). */
function group(escapeEpochs: (number | null)[]): SmokeGroup {
  const seeds = escapeEpochs.map((_, i) => 42 + i);
  return {
    experiment: 'rank1-trap per-seed',
    rule: 'test-mse-midpoint',
    budget: 1000,
    seeds,
    trapped: seeds.map(() => true),
    escapeEpochs,
    trappedCount: seeds.length,
    escapes: escapeEpochs.filter((e) => e !== null).length,
    kmMedian: null,
    checkpointSigma2: seeds.map(() => 0),
  };
}

function summary(g: SmokeGroup): TrappingSmoke {
  return { profile: 'smoke', engineVersion: 'test', groups: [g] };
}

describe('trapping smoke summary', () => {
  it('is reproduced exactly from scratch (no run cache) under the smoke profile', async () => {
    expect(pinDifferences(await computeTrappingSmoke(), pinned())).toEqual([]);
  });

  it('accepts an unchanged summary without a test', () => {
    const s = summary(group([null, null, 500]));
    expect(smokeConsistency(s, s)).toEqual({ consistent: true, lines: [] });
  });

  it('accepts escape times that moved within the pinned escape law and names the test', () => {
    const check = smokeConsistency(summary(group([100, 300, null, 700, null, null, 50, null, 900, null])), summary(group([120, null, null, 650, 400, null, 60, null, null, null])));
    expect(check.consistent).toBe(true);
    expect(check.lines[0]).toMatch(/escape-count test \(exact binomial/);
  });

  it('refuses a summary whose runs all escape where one pinned run in ten did', () => {
    const rare = Array.from({ length: 10 }, (_, i) => (i === 0 ? 900 : null));
    const check = smokeConsistency(summary(group(rare)), summary(group(Array.from({ length: 10 }, (_, i) => 10 + i))));
    expect(check.consistent).toBe(false);
    expect(check.lines[0]).toMatch(/rejects/);
  });
});
