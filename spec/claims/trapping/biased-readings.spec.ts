import { describe, expect, it } from 'vitest';
import { biasedCheckpointFindings, biasedInvariance, biasedSources } from '../../../src/claims/trapping/biased-readings.ts';
import { placeReading } from '../../../src/claims/robustness.ts';
import { BIASED_READINGS, type BiasedNetworkResult, type ExperimentResults } from '../../../src/experiments/index.ts';
import { BIAS_READINGS, type BiasedTrapRecord } from '../../../src/run/index.ts';
import { evidenceText } from '../evidence-words.ts';

const spread = (mean: number, sd = 0) => ({ mean, sd });

/** A seed trapped at rank 1 (σ2 = `start`), censored at 20000 with σ2 = `end` at its end; or escaping at `escape`. */
function seed(s: number, start: number, end: number, escape: number | null = null): BiasedTrapRecord {
  const censored = { time: 20_000, escaped: false };
  const crossing = escape === null ? censored : { time: escape, escaped: true };
  return {
    seed: s,
    global: { testMse: 0.5, singularValues: [0.6, 0.45], gradientNorm: 0 },
    traps: [
      {
        protocol: 'rank1-trap',
        rank: 1,
        trapped: true,
        startTestMse: 1,
        noise: { rank: 1, singularValues: [0.6, start], residue: { first: start, last: start }, biasNorms: [0.3, 0.1, 0.05], weakDrive: spread(0, 1e-12), offSetNoise: spread(1e-6), totalNoise: spread(1e-2), batches: 100 },
        plateau: { testMse: 1, singularValues: [0.6, 0], gradientNorm: 0 },
        threshold: 0.75,
        escape: { midpoint: crossing, sigma: [{ time: 0, escaped: true }, crossing], finalSingularValues: [0.6, escape === null ? end : 0.45] },
      },
    ],
  };
}

function results(records: BiasedTrapRecord[]): ExperimentResults {
  const network: BiasedNetworkResult = {
    profile: 'full',
    readings: BIASED_READINGS.map((r) => ({ name: r.name, label: r.label, reading: BIAS_READINGS[r.name]!, records })),
    budget: { 'rank1-trap': 20_000, 'trivial-trap': 20_000 },
  };
  return { biasedNetwork: () => network } as unknown as ExperimentResults;
}

const seeds = Array.from({ length: 30 }, (_, i) => 42 + i);

describe('the trapping claims on the network with biases', () => {
  it('gives one reading per bias reading and rule, labelled in the multiverse’s words', () => {
    const sources = biasedSources(results(seeds.map((s) => seed(s, 1e-14, 1e-16))), 'rank1-trap', ['test-mse-midpoint', 'sigma-threshold']);
    expect(sources).toHaveLength(2 * BIASED_READINGS.length);
    const placed = placeReading({ label: sources[2]!.label, verdict: 'deviates' });
    expect(placed.part).toBe('');
    expect(placed.choices).toEqual({ data: 'per-seed', escape: 'midpoint', network: 'biases', 'bias-decay': 'every-parameter', 'bias-init': 'zero' });
    expect(sources[0]!.statistics.runs).toHaveLength(30);
    expect(sources[0]!.weakDriveSd).toBe(1e-12);
  });

  it('calls a trap whose residue only contracted invariant, and not one whose residue grew or that a run left', () => {
    const [shrinking] = biasedSources(results(seeds.map((s) => seed(s, 1e-14, 1e-16))), 'rank1-trap', ['sigma-threshold']);
    expect(biasedInvariance(shrinking!)).toMatchObject({ invariant: true, runs: 30, shrank: 30, exactlyZero: 0 });
    const [growing] = biasedSources(results(seeds.map((s) => seed(s, 1e-14, 1e-6))), 'rank1-trap', ['sigma-threshold']);
    expect(biasedInvariance(growing!).invariant).toBe(false);
    const [left] = biasedSources(results(seeds.map((s, i) => seed(s, 1e-14, 1e-16, i === 0 ? 500 : null))), 'rank1-trap', ['sigma-threshold']);
    expect(biasedInvariance(left!).invariant).toBe(false);
  });

  it('states each reading’s checkpoints: rank, residue, biases and the noise off the set', () => {
    const lines = evidenceText({ evidence: biasedCheckpointFindings(results(seeds.map((s) => seed(s, 1e-14, 1e-16))), 'rank1-trap') });
    expect(lines).toHaveLength(BIASED_READINGS.length);
    expect(lines[0]).toMatch(/30 of 30 of rank 1; .* sd ≤ 1e-12; share of the batch noise off the set: median 0.0001, largest 0.0001\.$/);
  });
});
