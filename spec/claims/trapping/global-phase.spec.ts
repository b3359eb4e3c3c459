import { describe, expect, it } from 'vitest';
import { globalRankAt, populationGlobalRank, sampleEtas } from '../../../src/claims/trapping/global-phase.ts';
import type { RunRecord } from '../../../src/run/index.ts';

const run = (dataSeed: number, protocol = 'random-init') => ({ protocol, settings: { dataSeed, beta: 0.32 } }) as unknown as RunRecord;

describe('the global minimum under each regulariser reading', () => {
  it('is rank 1 under eq2 and rank 2 under eq1 at the paper\'s η = 0.9, 0.8 and β = 0.32 (β* of η = 0.8 is 0.295 and of η = 0.9 0.345 under eq2)', () => {
    expect(populationGlobalRank('random-init', 'eq2')).toBe(1);
    expect(populationGlobalRank('random-init', 'eq1')).toBe(2);
    expect(globalRankAt([0.9, 0.8], 0.29, 3, 'eq2')).toBe(2);
    expect(globalRankAt([0.9, 0.8], 0.33, 3, 'eq2')).toBe(1);
    expect(globalRankAt([0.9, 0.8], 0.36, 3, 'eq2')).toBe(0);
    expect(globalRankAt([0.9, 0.8], 0.5, 3, 'eq2')).toBe(0);
  });

  it('reads a run\'s own training sample: near the population η, the same for the same data seed, refused for an unknown protocol', () => {
    const etas = sampleEtas(run(42));
    expect(etas).toHaveLength(2);
    expect(Math.abs(etas[0]! - 0.9)).toBeLessThan(0.1);
    expect(Math.abs(etas[1]! - 0.8)).toBeLessThan(0.1);
    expect(sampleEtas(run(42, 'rank1-trap'))).toEqual(etas);
    expect(() => sampleEtas(run(42, 'no-such-protocol'))).toThrow(/unknown protocol/);
  });
});
