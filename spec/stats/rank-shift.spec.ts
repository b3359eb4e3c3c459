import { describe, expect, it } from 'vitest';
import { rankShift } from '../../src/stats/index.ts';

const escapes = (times: number[]) => times.map((time) => ({ time, escaped: true }));

describe('rankShift (Mann–Whitney U on escape times, censored runs last)', () => {
  it('gives a tiny one-sided p for two fully separated groups of 20, and the mirror p near 1', () => {
    const early = escapes(Array.from({ length: 20 }, (_, i) => 10 + i));
    const late = escapes(Array.from({ length: 20 }, (_, i) => 100 + 5 * i));
    const r = rankShift(early, late);
    expect(r.u).toBe(400);
    expect(r.pLater).toBeLessThan(1e-7);
    expect(r.pEarlier).toBeGreaterThan(0.999);
    expect(rankShift(late, early).pEarlier).toBeLessThan(1e-7);
  });

  it('is near one half for identical groups, and counts ties as half a pair', () => {
    const a = escapes([1, 2, 3, 4, 5, 6]);
    const r = rankShift(a, a);
    expect(r.u).toBe(18);
    expect(r.pLater).toBeGreaterThan(0.4);
    expect(r.pEarlier).toBeGreaterThan(0.4);
  });

  it('puts censored runs after every escape, tied among themselves', () => {
    const escaped = escapes([5, 6, 7]);
    const censored = [5, 5, 5].map(() => ({ time: 1000, escaped: false }));
    expect(rankShift(escaped, censored).u).toBe(9);
    expect(rankShift(censored, censored).u).toBe(4.5);
    expect(rankShift(censored, censored).pLater).toBe(1);
  });
});
