import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { claimOf as claim } from '../claim-of.ts';

describe('escape time against β and depth', () => {
  it('reads the kinetic halves on the paper\'s SGD (not reproducible as specified), with the analytic halves beside them', () => {
    for (const id of ['escape-time-grows-with-beta', 'deeper-networks-longer-delays']) {
      const e = evaluateClaim(claim(id), recordedResults()).evaluation!;
      expect(e.verdict).toBe('deviates');
      expect(e.notReproducible).toMatch(/no budget and no seed count produces the escape times/);
      expect(e.readings.filter((r) => r.label.startsWith('analytic half')).every((r) => r.verdict === 'reproduced')).toBe(true);
    }
  });
});
