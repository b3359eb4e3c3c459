// The depth claims of Section 4.1 and Appendix C: each rule can return both its verdicts.
import { describe, expect, it } from 'vitest';
import { evaluateCriticalBetaOrdering, evaluateDepthCriticalBeta, evaluateDepthTwoContinuous, evaluateHysteresisWindow } from '../../../src/claims/landscape/transitions.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { evidenceText } from '../evidence-words.ts';

const ledger = loadLedger();
const claim = (id: string, params: Record<string, unknown> = {}) => {
  const c = ledger.claims.find((x) => x.id === id)!;
  return { ...c, params: { ...c.params, ...params } };
};

describe('depth-critical-beta-falls: the window (βc − β*)/βc widens with depth', () => {
  it('is the headline under both readings, with βc falling beside it (under eq2 only)', () => {
    const e = evaluateDepthCriticalBeta(claim('depth-critical-beta-falls'));
    expect(e.readings.map((r) => [r.label, r.verdict])).toEqual([
      ['Eq. 2', 'reproduced'],
      ['Eq. 1', 'reproduced'],
      ['Eq. 2, βc falls with L', 'reproduced'],
      ['Eq. 1, βc falls with L', 'deviates'],
    ]);
    expect(Number(e.value)).toBeGreaterThan(0);
  });

  it('deviates where the window narrows (depths in falling order)', () => {
    expect(evaluateDepthCriticalBeta(claim('depth-critical-beta-falls', { depths: [10, 6, 3] })).verdict).toBe('deviates');
  });
});

describe('no-bifurcation-depth-2: the continuous-transition half of Appendix C', () => {
  it('is reproduced and names depth-two-unique-root for the other half', () => {
    const e = evaluateDepthTwoContinuous(claim('no-bifurcation-depth-2'));
    expect(e.verdict).toBe('reproduced');
    expect(evidenceText(e).join(' ')).toMatch(/depth-two-unique-root/);
  });
});

describe('a grid claim read under both regularisers', () => {
  it('names both readings in one line where their evidence agrees, and keeps a line each where the numbers differ', () => {
    const same = evidenceText(evaluateHysteresisWindow(claim('hysteresis-window-open')));
    expect(same).toHaveLength(1);
    expect(same[0]).toMatch(/^Eq. 2 and Eq. 1: over η ∈ /);
    const apart = evidenceText(evaluateCriticalBetaOrdering(claim('critical-beta-ordering')));
    expect(apart.map((line) => line.split(':')[0])).toEqual(['Eq. 2', 'Eq. 1']);
  });
});
