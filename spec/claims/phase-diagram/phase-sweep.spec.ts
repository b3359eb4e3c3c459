import { describe, expect, it } from 'vitest';
import { PHASE_DIAGRAM_FILE } from '../../../src/protocols/phase-diagram-protocol.ts';
import { sweepDataSeed } from '../../../src/run/phase-sweep.ts';
import { medianRows, phaseSweepSpec } from '../../../src/claims/phase-diagram/phase-sweep.ts';

describe('phase-sweep figure', () => {
  it('takes the lower median over seeds at each (sweep, β), so a median rank is a rank', () => {
    const rows = [0, 1, 2, 2].map((rank, seed) => ({ seed, sweep: 'up', beta: 0.3, testMse: rank / 10, rank }));
    expect(medianRows(rows)).toEqual([{ sweep: 'up', beta: 0.3, testMse: 0.1, rank: 1 }]);
  });

  it('stacks test MSE over effective rank and marks the paper’s and Eq. 3’s βc', () => {
    const protocol = { ...PHASE_DIAGRAM_FILE.settings, grid: { from: 0.3, to: 0.48, step: 0.06 }, refinement: { bisections: 0 } };
    const spec = phaseSweepSpec([sweepDataSeed(protocol, 42)], [{ eta: 0.9, printed: '0.42' }, { eta: 0.8, printed: '0.36' }]) as unknown as {
      vconcat: { layer: { data: { values: { beta: number; what?: string }[] } }[] }[];
    };
    expect(spec.vconcat).toHaveLength(2);
    const rules = spec.vconcat[0]!.layer.at(-1)!.data.values;
    expect(rules.map((r) => r.beta).slice(0, 2)).toEqual([0.42, 0.36]);
    expect(rules[0]!.what).toMatch(/^paper/);
    expect(rules[2]!.what).toMatch(/^Eq\. 3/);
  });
});
