import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { changeSubject, claimWidth, diffResults, formatChange, movesVerdict, outcomeChanges, snapshotOf } from '../../src/pins/index.ts';
import { claimOf, drifted, fixtureResults } from '../report/fixture.ts';

describe('outcomeChanges', () => {
  const before = { verdict: 'deviates' as const, value: '0.41', readings: { eq2: { verdict: 'deviates' as const, value: '0.41' }, eq1: { verdict: 'deviates' as const, value: '1.2' } } };

  it('finds nothing between an outcome and itself, nor below 1e-12 relative', () => {
    expect(outcomeChanges(before, structuredClone(before), new Decimal('0.005'))).toEqual([]);
    const nudged = structuredClone(before);
    nudged.value = '0.41000000000000001';
    expect(outcomeChanges(before, nudged, new Decimal('0.005'))).toEqual([]);
  });

  it('reports a moved verdict, a moved value in tolerance units and a reading that came or went', () => {
    const after = { verdict: 'reproduced' as const, value: '0.4175', readings: { eq2: { verdict: 'reproduced' as const, value: '0.4175' }, sample: { verdict: 'inconclusive' as const, value: null } } };
    const lines = outcomeChanges(before, after, new Decimal('0.005')).map(formatChange);
    expect(lines).toEqual([
      'verdict: deviates → reproduced',
      'value: 0.41 → 0.4175 (+0.0075 = 1.50 tolerance units)',
      'reading eq2 verdict: deviates → reproduced',
      'reading eq2 value: 0.41 → 0.4175 (+0.0075 = 1.50 tolerance units)',
      'reading eq1: deviates → absent',
      'reading sample: absent → inconclusive',
    ]);
  });

  it('reports an outcome there on one side only (not pinned, not evaluated) as one change that moves the verdict', () => {
    const [notPinned] = outcomeChanges(null, before, null);
    expect(formatChange(notPinned!)).toBe('outcome: absent → deviates');
    const [notEvaluated] = outcomeChanges(before, null, null);
    expect(formatChange(notEvaluated!)).toBe('outcome: deviates → absent');
    expect([notPinned, notEvaluated].every((c) => movesVerdict(c!))).toBe(true);
    expect(outcomeChanges(null, null, null)).toEqual([]);
  });

  it('gives a plain difference where the rule compares no number, and none where a value appears from null', () => {
    const after = { ...before, value: '0.40', readings: { ...before.readings, eq1: { verdict: 'deviates' as const, value: null } } };
    expect(outcomeChanges(before, after, null).map(formatChange)).toEqual(['value: 0.41 → 0.40 (-0.01)', 'reading eq1 value: 1.2 → —']);
  });
});

describe('claimWidth', () => {
  it('is half a unit of the printed digits, and null for qualitative claims', () => {
    const results = fixtureResults();
    expect(claimWidth(claimOf(results, 'beta-c-mode1'))!.toString()).toBe('0.005');
    expect(claimWidth(claimOf(results, 'hysteresis-window-open'))).toBeNull();
  });
});

describe('diffResults', () => {
  it('lists only the claims that moved, and those present on one side only', () => {
    const a = fixtureResults();
    expect(diffResults(a, fixtureResults())).toEqual([]);
    const b = drifted();
    b.claims = b.claims.filter((c) => c.id !== 'steps-per-epoch-8');
    b.claims.push({ ...claimOf(a, 'parameter-count-170'), id: 'new-claim' });
    const diffs = diffResults(a, b);
    expect(diffs.map((d) => [d.id, d.status])).toEqual([
      ['beta-c-mode1', 'changed'],
      ['steps-per-epoch-8', 'removed'],
      ['new-claim', 'added'],
    ]);
    expect(diffs[0]!.changes.map(changeSubject)).toEqual(['verdict', 'value', 'reading Eq. 2 verdict', 'reading Eq. 2 value']);
    expect(diffs[0]!.changes.map(movesVerdict)).toEqual([true, false, true, false]);
  });
});

describe('snapshotOf', () => {
  it('is an outcome as it is pinned: verdict, value and each reading by label', () => {
    const c = claimOf(drifted(), 'beta-c-mode1');
    expect(snapshotOf({ verdict: 'deviates', value: c.value, readings: c.readings }).readings['Eq. 1']).toEqual({ verdict: 'deviates', value: '1.2316459041036135374' });
  });
});
