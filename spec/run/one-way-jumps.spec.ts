import { describe, expect, it } from 'vitest';
import { PHASE_DIAGRAM_FILE } from '../../src/protocols/index.ts';
import { annealedMinimum, jumpDownRun, jumpDownRuns, modeLossBeta } from '../../src/run/one-way-jumps.ts';

const protocol = { ...PHASE_DIAGRAM_FILE.settings, data: { kind: 'iid' as const, trainCount: 128, testCount: 16 }, grid: { from: 0, to: 0.6, step: 0.05 }, refinement: { bisections: 3 } };
const lost = modeLossBeta(protocol, 42, 2);
const below = annealedMinimum(protocol, 42, lost - 0.02);
const settings = { lr: 0.1, batch: 16, beta: lost - 0.02, budget: 40, sampling: 'epoch-permutation' as const, mode: 2, crossing: 'fall' as const, threshold: 0.05, checkEvery: 1 };

describe('one-way jumps', () => {
  it('anneals to a rank-2 minimum below the β where the up sweep loses the weak mode', () => {
    expect(lost).toBeGreaterThan(0.2);
    expect(below.descent.converged).toBe(true);
    expect(below.singularValues[1]).toBeGreaterThan(0.1);
  });

  it('without mini-batch noise the rank-2 minimum holds: full-batch runs are censored at the budget', () => {
    expect(jumpDownRun(below, { ...settings, batch: 1000 }, 1)).toEqual({ time: 40, escaped: false });
  });

  it('past the transition every run falls, and a seed gives the same run twice', () => {
    const past = { ...settings, beta: lost + 0.05 };
    const runs = jumpDownRuns(below, past, [1, 2]);
    expect(runs.every((r) => r.escaped && r.time < 40)).toBe(true);
    expect(jumpDownRun(below, past, 1)).toEqual(runs[0]);
    expect(below.net.params).toEqual(annealedMinimum(protocol, 42, lost - 0.02).net.params);
  });
});

describe('jumpSetting', () => {
  it('runs from β_weak − δ and reports the one-mode barrier of the η whose Eq. 3 βc is β_weak', async () => {
    const { etaForCriticalBeta, jumpSetting } = await import('../../src/run/one-way-jumps.ts');
    const { criticalBeta, float64 } = await import('../../src/analytic/index.ts');
    expect(criticalBeta(float64, { eta: etaForCriticalBeta(0.38, 3), depth: 3, convention: 'eq2' })).toBeCloseTo(0.38, 12);
    const task = { protocol, dataSeed: 42, delta: 0.02, settings: { ...settings, budget: 5 }, sgdSeeds: [1, 2] };
    const result = jumpSetting(task);
    expect(result.landscape.beta).toBeCloseTo(lost - 0.02, 15);
    expect(result.landscape.barrierMatched).toBeGreaterThan(0);
    expect(result.runs).toHaveLength(2);
    expect(jumpSetting(task)).toEqual(result);
  });
});
