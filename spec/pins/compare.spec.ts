import { describe, expect, it } from 'vitest';
import { movedBeyond, pinDifferences } from '../../src/pins/index.ts';

describe('the one way a value is held against its pin', () => {
  it('compares decimal strings relative to the larger, within the tolerance', () => {
    expect(movedBeyond('1.000000000001', '1', '1e-12')).toBe(false);
    expect(movedBeyond('1.00000000001', '1', '1e-12')).toBe(true);
    expect(movedBeyond('0', '0', 0)).toBe(false);
    expect(movedBeyond('0.41', '0.4100', 0)).toBe(false);
  });

  it('names every path that moved: values beyond the tolerance, other leaves exactly, missing and extra keys', () => {
    const pinned = { a: '0.5', b: [1, 2, 3], c: { verdict: 'deviates' }, d: null };
    expect(pinDifferences({ a: '0.5000000000000001', b: [1, 2, 3], c: { verdict: 'deviates' }, d: null }, pinned, '1e-12')).toEqual([]);
    expect(pinDifferences({ a: '0.51', b: [1, 2, 4], c: { verdict: 'reproduced' }, e: 1 }, pinned, '1e-12')).toEqual([
      'a: 0.51, pinned 0.5 (relative 0.0196)',
      'b[2]: 4, pinned 3',
      'c.verdict: "reproduced", pinned "deviates"',
      'd: missing, pinned null',
      'e: 1, not pinned',
    ]);
    expect(pinDifferences([1, 2], [1, 2, 3])).toEqual(['list: 2 entries, pinned 3']);
  });
});
