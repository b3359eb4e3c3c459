import { describe, expect, it } from 'vitest';
import { float64, modeBarriers } from '../../src/analytic/index.ts';
import { PREMISE_BETA, premisePlacement, premiseTrapJobs } from '../../src/experiments/premise-traps.ts';
import { protocolVariant, variantSeeds } from '../../src/protocols/index.ts';

describe('the rank-1 trap where rank 2 is global', () => {
  it('continues below the weak mode’s β*, where Eq. 10 gives it a barrier of about 0.0127', () => {
    expect(PREMISE_BETA).toBeLessThan(0.2947);
    expect(modeBarriers(float64, { eta: 0.8, depth: 3, convention: 'eq2', beta: PREMISE_BETA })!.fromZero).toBeCloseTo(0.0127, 4);
  });

  it("anneals each data set's checkpoint between its own two Eq. 3 transitions, on the 0.01 grid", () => {
    const base = protocolVariant('rank1-trap', 'full', { dataSeed: { kind: 'per-seed' } });
    for (const seed of variantSeeds('rank1-trap', 'full')) {
      const p = premisePlacement(base, seed);
      const [strong, weak] = p.criticalBetas as [number, number];
      expect(p.checkpointBeta, `seed ${seed}`).toBeGreaterThan(weak);
      expect(p.checkpointBeta, `seed ${seed}`).toBeLessThan(strong);
      expect(Math.abs(p.checkpointBeta * 100 - Math.round(p.checkpointBeta * 100))).toBeLessThan(1e-9);
    }
  });

  it('runs every seed of the profile once per data scheme, each job one checkpoint β, at β = 0.25', () => {
    const jobs = premiseTrapJobs('full');
    const seeds = variantSeeds('rank1-trap', 'full');
    for (const scheme of ['per-seed', 'fixed'] as const) {
      const own = jobs.filter((j) => j.protocol.dataSeed.kind === scheme);
      expect(own.flatMap((j) => j.seeds).sort((a, b) => a - b)).toEqual(seeds);
      for (const j of own) {
        expect(j.protocol.beta).toBe(PREMISE_BETA);
        expect(j.protocol.start).toEqual({ kind: 'checkpoint', betas: j.protocol.plateauBranch });
      }
    }
    expect(jobs.filter((j) => j.protocol.dataSeed.kind === 'fixed')).toHaveLength(1);
  });
});
