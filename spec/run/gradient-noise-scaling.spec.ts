import { describe, expect, it } from 'vitest';
import { protocolVariant } from '../../src/protocols/index.ts';
import { gradientNoiseScaling } from '../../src/run/index.ts';

describe('mini-batch gradient noise against B (Eq. 4)', () => {
  const report = gradientNoiseScaling({ protocol: protocolVariant('random-init', 'smoke'), dataSeed: 42, batches: [8, 256], draws: 400 });

  it('is C/B with replacement and (C/B)(N − B)/(N − 1) without', () => {
    const q = (sampling: string, batch: number) => report.cells.find((c) => c.sampling === sampling && c.batch === batch)!;
    for (const cell of report.cells) expect(Math.abs(cell.mean - (cell.sampling === 'with-replacement' ? 1 : (512 - cell.batch) / 511))).toBeLessThan((5 * cell.sd) / Math.sqrt(cell.draws));
    expect(q('epoch-permutation', 256).mean).toBeLessThan(0.6);
    expect(report.traceC).toBeGreaterThan(0);
  });

  it('is deterministic', () => {
    const again = gradientNoiseScaling({ protocol: protocolVariant('random-init', 'smoke'), dataSeed: 42, batches: [8, 256], draws: 400 });
    expect(again).toEqual(report);
  });
});
