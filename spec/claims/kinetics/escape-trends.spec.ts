import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { claimOf as claim } from '../claim-of.ts';
import { betaControlReading, INVARIANCE_CALIBRATION } from '../../../src/claims/controls/sgld-sweeps.ts';
import { evaluateBarrierMonotone, evaluateDepthBarrier } from '../../../src/claims/landscape/transitions.ts';
import { paperTrapGrown } from './grown-residue.ts';
import { wordsOf, plainSentences } from '../evidence-words.ts';

describe('escape time against β and depth', () => {
  it('reads the kinetic halves on the paper\'s SGD (not reproducible as specified), with the analytic halves beside them', () => {
    for (const id of ['escape-time-grows-with-beta', 'deeper-networks-longer-delays']) {
      const e = evaluateClaim(claim(id), recordedResults()).evaluation!;
      expect(e.verdict).toBe('deviates');
      expect(wordsOf(e.notReproducible)).toMatch(/^under the paper's SGD from the rank-1 trap none of the \d+ trapped runs left the trap .* no budget and no seed count produces the escape times whose growth the claim states \(barrier grows with (β|L at equal β\/βc)\)\.$/);
      expect(plainSentences(e), id).toEqual([]);
      expect(e.readings.filter((r) => r.label.startsWith('analytic half')).every((r) => r.verdict === 'reproduced')).toBe(true);
    }
  });

  it('words its own lines as findings: the sentences left are the analytic half\'s, the control\'s and the headline\'s, of other subjects', () => {
    const results = recordedResults();
    const control = betaControlReading(results);
    const cases = [
      { id: 'escape-time-grows-with-beta', theirs: [evaluateBarrierMonotone(claim('escape-time-grows-with-beta')), { evidence: control.evidence, readings: [control.reading] }] },
      { id: 'deeper-networks-longer-delays', theirs: [evaluateDepthBarrier(claim('deeper-networks-longer-delays'))] },
    ];
    for (const { id, theirs } of cases) {
      const e = evaluateClaim(claim(id), results).evaluation!;
      expect(plainSentences(e), id).toEqual([]);
      expect(plainSentences(e), id).toEqual([]);
      for (const t of theirs) expect(plainSentences(t), id).toEqual([]);
    }
  });

  it('are inconclusive where a trapped run\'s residue grew, until escapes come within a longer budget', () => {
    const grown = paperTrapGrown(recordedResults());
    for (const id of ['escape-time-grows-with-beta', 'deeper-networks-longer-delays']) {
      const e = evaluateClaim(claim(id), grown).evaluation!;
      expect(e.verdict, id).toBe('inconclusive');
      expect(e.notReproducible, id).toBeUndefined();
      expect(wordsOf(e.wouldDecide), id).toBe("escapes from the rank-1 trap under the paper's SGD within a longer budget");
      expect(plainSentences(e), id).toEqual([]);
    }
  });
});
