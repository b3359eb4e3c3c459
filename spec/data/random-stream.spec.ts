import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream, shuffleInPlace, uniformIndex, uniformUnit } from '../../src/data/random-stream.ts';

describe('createStream', () => {
  it('gives the same numbers for the same (seed, purpose)', () => {
    const a = createStream(42, 'data');
    const b = createStream(42, 'data');
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it('gives different streams for different purposes and for neighbouring seeds', () => {
    const first = (seed: number, purpose: 'data' | 'init' | 'batches') =>
      Array.from({ length: 4 }, ((rng) => () => rng.next())(createStream(seed, purpose)));
    expect(first(42, 'data')).not.toEqual(first(42, 'init'));
    expect(first(42, 'init')).not.toEqual(first(42, 'batches'));
    expect(first(42, 'data')).not.toEqual(first(43, 'data'));
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => createStream(1.5, 'data')).toThrow(RangeError);
  });
});

describe('uniformIndex', () => {
  it('stays in [0, n)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 21 }), fc.integer(), (n, seed) => {
        const rng = createStream(seed, 'batches');
        for (let i = 0; i < 20; i++) {
          const k = uniformIndex(rng, n);
          if (!(Number.isInteger(k) && k >= 0 && k < n)) return false;
        }
        return true;
      }),
    );
  });

  it('is close to uniform on a small range (chi-square, false-failure rate about 1e-6)', () => {
    const rng = createStream(7, 'batches');
    const n = 7;
    const draws = 70_000;
    const counts = new Array<number>(n).fill(0);
    for (let i = 0; i < draws; i++) counts[uniformIndex(rng, n)]! += 1;
    const expected = draws / n;
    const chi2 = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // χ²(6) exceeds 35.9 with probability ≈ 2.7e-6.
    expect(chi2).toBeLessThan(35.9);
  });
});

describe('uniformUnit', () => {
  it('is in [0, 1)', () => {
    const rng = createStream(1, 'init');
    for (let i = 0; i < 1000; i++) {
      const u = uniformUnit(rng);
      expect(u >= 0 && u < 1).toBe(true);
    }
  });
});

describe('shuffleInPlace', () => {
  it('permutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer(), (n, seed) => {
        const values = Int32Array.from({ length: n }, (_, i) => i);
        shuffleInPlace(createStream(seed, 'batches'), values);
        return [...values].sort((a, b) => a - b).every((v, i) => v === i);
      }),
    );
  });
});
