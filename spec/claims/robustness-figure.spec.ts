import { describe, expect, it } from 'vitest';
import { robustnessFigure } from '../../src/claims/robustness-figure.ts';
import { robustnessOf } from '../../src/claims/robustness.ts';
import type { Reading, Verdict } from '../../src/claims/verdict.ts';

const reading = (label: string, verdict: Verdict): Reading => ({ label, verdict }) as Reading;

describe('the figure of every verdict under every reading', () => {
  it('draws one cell per combination of each compared claim, and counts the fragile rows in its caption', () => {
    const fig = robustnessFigure([
      { id: 'a', robustness: robustnessOf({ readings: [reading('Eq. 2', 'deviates'), reading('Eq. 1', 'reproduced')] }) },
      { id: 'b', robustness: robustnessOf({ readings: [reading('Eq. 2', 'deviates'), reading('Eq. 1', 'deviates')] }) },
      { id: 'c', robustness: robustnessOf({ readings: [reading('Eq. 2', 'deviates')] }) },
      { id: 'd', robustness: null },
    ])!;
    expect(fig.id).toBe('robustness');
    const values = (fig.spec.data as { values: Array<{ claim: string; verdict: string }> }).values;
    expect(values.map((v) => `${v.claim}:${v.verdict}`)).toEqual(['a:deviates', 'a:reproduced', 'b:deviates', 'b:deviates']);
    expect(fig.caption).toContain('1 rows keep one colour (robust), 1 change it (fragile)');
  });

  it('is absent when no claim is read under two combinations', () => {
    expect(robustnessFigure([{ id: 'c', robustness: robustnessOf({ readings: [reading('Eq. 2', 'deviates')] }) }])).toBeNull();
  });
});
