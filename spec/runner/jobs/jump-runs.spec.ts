import { describe, expect, it } from 'vitest';
import { PHASE_DIAGRAM_FILE } from '../../../src/protocols/index.ts';
import { executeJobs, type JumpRunsJob } from '../../../src/runner/index.ts';

const protocol = { ...PHASE_DIAGRAM_FILE.settings, data: { kind: 'iid' as const, trainCount: 64, testCount: 8 }, grid: { from: 0, to: 0.6, step: 0.1 }, refinement: { bisections: 1 } };
const task = (lr: number, seed: number) => ({
  protocol,
  dataSeed: 42,
  delta: 0.01,
  settings: { lr, batch: 16, budget: 4, sampling: 'with-replacement' as const, mode: 2, crossing: 'fall' as const, threshold: 0.05, checkEvery: 1 },
  sgdSeeds: [seed, seed + 1],
});

describe('a jump-runs job', () => {
  it('gives the same results in task order for 1 and 2 workers', async () => {
    const job: JumpRunsJob = { kind: 'jump-runs', label: 'spec', tasks: [task(0.1, 1), task(0.3, 10)] };
    const one = (await executeJobs([job], { workers: 1, cacheDir: null })).get(job);
    expect((await executeJobs([job], { workers: 2, cacheDir: null })).get(job)).toEqual(one);
    expect(one.map((r) => r.runs.length)).toEqual([2, 2]);
  });
});
