import { describe, expect, it } from 'vitest';
import { jobsOf, networkBarriers, stagedJobs } from '../../src/experiments/index.ts';
import { controlSeeds } from '../../src/experiments/escape-controls.ts';

describe('the staged experiment (d = 4)', () => {
  it('asks for each part on its own: sweeps, plateaus per u0, SGLD per temperature', () => {
    expect(jobsOf({ experiment: 'staged', part: 'sweeps' }, 'smoke').map((j) => j.kind)).toEqual(['phase-sweeps']);
    expect(jobsOf({ experiment: 'staged', part: 'plateaus' }, 'smoke').map((j) => j.kind)).toEqual(['learning-plateaus', 'learning-plateaus', 'learning-plateaus']);
    expect(jobsOf({ experiment: 'staged', part: 'escape' }, 'smoke').map((j) => j.kind)).toEqual(['sgld-escapes', 'sgld-escapes', 'sgld-escapes']);
  });

  it('gives every temperature its own noise seeds, apart from the network control’s blocks', () => {
    const seeds = stagedJobs('escape', 'full').flatMap((j) => (j.kind === 'sgld-escapes' ? j.noiseSeeds : []));
    expect(new Set(seeds).size).toBe(seeds.length);
    expect(seeds.length).toBeGreaterThanOrEqual(100);
    const control = [3, 4, 5].flatMap((depth) => [0, 1, 2, 3, 99].flatMap((block) => controlSeeds(100 * depth + block, 50)));
    expect(seeds.filter((s) => control.includes(s))).toEqual([]);
  });

  it('maps the one-mode barriers to network units: (2/m)·ΔE(η, β·m/2): 0.003253 … 0.008003', () => {
    const barriers = networkBarriers([0.9, 0.8, 0.7, 0.6], 0.109029, 3);
    expect(barriers[0]).toBeCloseTo(0.003253, 6);
    expect(barriers[3]).toBeCloseTo(0.008003, 6);
    expect(barriers).toEqual([...barriers].sort((a, b) => a - b));
  });
});
