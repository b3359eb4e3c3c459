import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ExperimentResults } from '../../../src/experiments/index.ts';
import type { RunRecord } from '../../../src/run/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';

const claim = loadLedger().claims.find((c) => c.id === 'sparse-settles-near-rank2-fit')!;

/** The recorded smoke results with 20 sparse runs per reading (seeds 42–61), each ending at rank 2 at train MSE `at(fits)`. */
function withFinal(at: (fits: { rank1: number; rank2: number }) => number): ExperimentResults {
  const base = recordedResults();
  const sparse = base.sparse();
  const move = (records: readonly RunRecord[], fixed: boolean): RunRecord[] =>
    Array.from({ length: 20 }, (_, k) => {
      const r = records[k % records.length]!;
      const seed = 42 + k;
      const dataSeed = fixed ? 42 : seed;
      return { ...r, seed, settings: { ...r.settings, dataSeed }, final: { ...r.final, effectiveRank: 2, trainMse: at(base.sparseBestFits(dataSeed)) } };
    });
  const runs = Object.fromEntries(
    Object.entries(sparse.runs).map(([batch, schemes]) => [batch, { 'per-seed': move(schemes['per-seed'], false), fixed: move(schemes.fixed, true) }]),
  ) as typeof sparse.runs;
  return { ...base, sparse: () => ({ ...sparse, runs }) };
}

describe('settles near the best rank-2 fit (sparse-settles-near-rank2-fit)', () => {
  it('is reproduced when every run ends at its own best rank-2 fit', () => {
    const e = evaluateClaim(claim, withFinal((f) => f.rank2)).evaluation!;
    expect(e.readings[0]!.verdict).toBe('reproduced');
  });

  it('does not reproduce when the runs end half way back to the rank-1 fit', () => {
    const e = evaluateClaim(claim, withFinal((f) => (f.rank1 + f.rank2) / 2)).evaluation!;
    expect(e.readings[0]!.verdict).not.toBe('reproduced');
    expect(e.readings[0]!.value).toBe('0');
  });

  it('reads each run against its own data set: at another data set\'s fit a run is not near', () => {
    const other = recordedResults().sparseBestFits(1000);
    const e = evaluateClaim(claim, withFinal(() => other.rank2)).evaluation!;
    expect(Number(e.readings[0]!.value)).toBeLessThan(1);
  });
});
