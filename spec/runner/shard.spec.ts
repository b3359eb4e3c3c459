import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedRunsJob } from '../../src/experiments/index.ts';
import { PHASE_DIAGRAM_FILE } from '../../src/protocols/index.ts';
import { assignUnits, jobKey, parseShard, shardJobs, shardLoads, workUnits, type Job } from '../../src/runner/index.ts';

const runs = seedRunsJob('random-init', 'smoke', { seeds: [42, 43, 44, 45], overrides: { epochs: 5 } }, 'runs');
const longer = seedRunsJob('rank1-trap', 'smoke', { seeds: [42, 43], overrides: { epochs: 50 } }, 'longer runs');
const sweeps: Job = {
  kind: 'phase-sweeps',
  label: 'sweeps',
  protocol: PHASE_DIAGRAM_FILE.settings,
  seeds: [42, 43, 44].map((dataSeed) => ({ dataSeed, allSweeps: dataSeed === 42 })),
};
const analysis: Job = { kind: 'kramers-langer', label: 'analysis', options: { beta: 0.32, seed: 42, learningRates: [1e-3], batch: 64, epsilons: [1e-3] } };
const jobs = [runs, sweeps, analysis, longer];

/** Each (job, seed) of the shards' jobs, as text, so slices can be compared with the plan. */
function unitsOf(sliced: readonly Job[]): string[] {
  return sliced.flatMap((job) => ('seeds' in job ? job.seeds.map((s) => `${job.kind}:${JSON.stringify(s)}:${jobKey({ ...job, seeds: [] })}`) : [jobKey(job)]));
}

describe('parseShard', () => {
  it('reads K/N and refuses what is not a slice', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/2', '3/2', '1/0', '1/1001', '2', '1/2/3', '-1/2', '1.5/2', 'a/b', '']) expect(() => parseShard(bad)).toThrow(RangeError);
  });
});

describe('assignUnits', () => {
  it('deals each unit to one shard, the costliest first to the least loaded, the same way every time', () => {
    // 5 → shard 0; 4 → 1; 3 → 1 (4 < 5); 3 → 0 (5 < 7); 1 → 1 (7 < 8): loads 8 and 8.
    expect(assignUnits([5, 1, 4, 3, 3], 2)).toEqual([0, 1, 1, 1, 0]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { maxLength: 40 }), fc.integer({ min: 1, max: 6 }), (costs, n) => {
        const shards = assignUnits(costs, n);
        expect(shards).toEqual(assignUnits(costs, n));
        expect(shards.every((s) => Number.isInteger(s) && s >= 0 && s < n)).toBe(true);
        // Greedy balance: no shard exceeds the mean by more than the costliest unit.
        const loads = new Array<number>(n).fill(0);
        shards.forEach((s, i) => (loads[s]! += costs[i]!));
        const total = costs.reduce((a, b) => a + b, 0);
        expect(Math.max(...loads)).toBeLessThanOrEqual(total / n + Math.max(0, ...costs) + 1e-9);
      }),
    );
  });
});

describe('shardJobs', () => {
  it('cuts seeded jobs at their seeds and keeps an analysis whole', () => {
    const units = workUnits(jobs);
    expect(units.map((u) => [u.job, u.part])).toEqual([[0, 0], [0, 1], [0, 2], [0, 3], [1, 0], [1, 1], [1, 2], [2, null], [3, 0], [3, 1]]);
    // Data seed 42 runs all three sweeps, the others the up sweep only: three times the cost.
    expect(units[4]!.cost).toBeCloseTo(3 * units[5]!.cost, 12);
  });

  it('partitions the plan: every (job, seed) in exactly one shard, for any number of shards', () => {
    const all = unitsOf(jobs).sort();
    for (const count of [1, 2, 3, 5, 12]) {
      const slices = Array.from({ length: count }, (_, k) => shardJobs(jobs, { index: k + 1, count }));
      expect(slices.flatMap(unitsOf).sort()).toEqual(all);
      expect(shardLoads(jobs, count)).toHaveLength(count);
    }
    expect(shardJobs(jobs, { index: 1, count: 1 })).toEqual(jobs);
  });

  it("deals a seed's runs that anneal from the same checkpoint to one shard", () => {
    const seeds = [42, 43, 44, 45];
    const trapped = ['rank1-trap', 'trivial-trap', 'random-init'] as const;
    const shared = trapped.map((name) => seedRunsJob(name, 'smoke', { seeds, overrides: { epochs: 5 } }, 'spec'));
    for (const count of [2, 3, 4]) {
      for (let k = 1; k <= count; k += 1) {
        const kept = shardJobs(shared, { index: k, count }).map((job) => (job.kind === 'seed-runs' ? [...job.seeds].sort() : []));
        expect(kept.every((s) => JSON.stringify(s) === JSON.stringify(kept[0]))).toBe(true);
      }
    }
  });

  it('labels a job cut short with the seeds it keeps, and leaves a shard without work empty', () => {
    const [first] = shardJobs([runs], { index: 1, count: 2 });
    expect(first!.label).toMatch(/, runs: seeds 42–45 × 5 epochs; this shard: seed\(s\) \d+, \d+$/);
    expect(shardJobs([analysis], { index: 2, count: 2 })).toEqual([]);
  });
});
