import { describe, expect, it } from 'vitest';
import { BIASED_READINGS, biasedNetworkExperiment, biasedOutcome } from '../../src/experiments/biased-network.ts';
import { variantSeeds } from '../../src/protocols/index.ts';
import { BIAS_READINGS, type BiasedTrapRecord, type BiasedTrapRun } from '../../src/run/index.ts';

/** A seed whose rank-1 trap has the given plateau σ and crossings (only the fields the outcome reads). */
function record(plateau: number[], midpoint: { time: number; escaped: boolean }, sigma2: { time: number; escaped: boolean }): BiasedTrapRecord {
  const trap = { protocol: 'rank1-trap', rank: 1, plateau: { singularValues: plateau }, escape: { midpoint, sigma: [{ time: 0, escaped: true }, sigma2] } } as unknown as BiasedTrapRun;
  return { seed: 7, global: { testMse: 1, singularValues: [0.5, 0.4], gradientNorm: 0 }, traps: [trap] };
}

describe('the trapping runs on the network with biases', () => {
  it('runs every reading with biases over the trapping seeds, both traps, at the protocols’ β', () => {
    const jobs = biasedNetworkExperiment.jobs({}, 'full');
    expect(jobs.map((j) => (j as { reading: string }).reading)).toEqual(BIASED_READINGS.map((r) => r.name));
    for (const r of BIASED_READINGS) expect(BIAS_READINGS[r.name]).toBeDefined();
    for (const j of jobs) {
      if (j.kind !== 'biased-traps') throw new Error('not a biased-traps job');
      expect(j.seeds).toEqual(variantSeeds('rank1-trap', 'full'));
      expect(j.traps.map((t) => [t.protocol.name, t.rank, t.protocol.beta, t.protocol.network.biases])).toEqual([
        ['rank1-trap', 1, 0.32, true],
        ['trivial-trap', 0, 0.32, true],
      ]);
    }
  });

  it('reads a run by each rule as the bias-free runs are read', () => {
    const censored = { time: 20_000, escaped: false };
    const trapped = record([0.5, 0], censored, censored);
    expect(biasedOutcome(trapped, 'rank1-trap', 'test-mse-midpoint', 2, 20_000)).toEqual({ seed: 7, trapped: true, escapeEpoch: null, budget: 20_000 });
    expect(biasedOutcome(trapped, 'rank1-trap', 'sigma-threshold', 2, 20_000).trapped).toBe(true);
    // σ1 is above the threshold at the start: the σ1 rule does not apply.
    expect(biasedOutcome(trapped, 'rank1-trap', 'sigma-threshold', 1, 20_000).trapped).toBe(false);
    // A plateau of the global minimum's rank: the midpoint rule has two equal branches and does not apply.
    expect(biasedOutcome(record([0.5, 0.4], { time: 12, escaped: true }, censored), 'rank1-trap', 'test-mse-midpoint', 2, 20_000).trapped).toBe(false);
    expect(biasedOutcome(record([0.5, 0], censored, { time: 900, escaped: true }), 'rank1-trap', 'sigma-threshold', 2, 20_000).escapeEpoch).toBe(900);
    expect(() => biasedOutcome(trapped, 'trivial-trap', 'sigma-threshold', 2, 20_000)).toThrow(/no run from the trivial-trap checkpoint/);
  });
});
