import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/data/random-stream.ts';
import { fillStandardNormalZiggurat } from '../../src/data/ziggurat.ts';
import { dkwHalfWidth, standardNormalCdf } from '../../src/stats/index.ts';

describe('fillStandardNormalZiggurat', () => {
  const n = 400_000;
  const z = new Float64Array(n);
  fillStandardNormalZiggurat(createStream(3, 'langevin'), z);

  it('has the normal moments (mean 0, variance 1, skewness 0, kurtosis 3) within 5 standard errors', () => {
    const moment = (power: number) => z.reduce((sum, v) => sum + v ** power, 0);
    const [m1, m2, m3, m4] = [moment(1), moment(2), moment(3), moment(4)];
    // Standard errors of the raw moments: √(1/n), √(2/n), √(15/n), √(96/n).
    expect(Math.abs(m1 / n)).toBeLessThan(5 * Math.sqrt(1 / n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m3 / n)).toBeLessThan(5 * Math.sqrt(15 / n));
    expect(Math.abs(m4 / n - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
  });

  it('passes Kolmogorov–Smirnov against Φ (the DKW bound at α = 1e-6), and puts the tail beyond R = 3.4426 at its mass', () => {
    const sorted = Float64Array.from(z).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = standardNormalCdf(sorted[i]!);
      d = Math.max(d, Math.abs(f - i / n), Math.abs((i + 1) / n - f));
    }
    expect(d).toBeLessThan(dkwHalfWidth(n, 1e-6));
    // The base strip's tail is drawn by a separate algorithm: its share must be 2(1 − Φ(R)) ± 5 binomial σ.
    const p = 2 * (1 - standardNormalCdf(3.442619855899));
    const tail = z.filter((v) => Math.abs(v) > 3.442619855899).length;
    expect(Math.abs(tail - n * p)).toBeLessThan(5 * Math.sqrt(n * p));
    // Deeper still: beyond 4.5, where only the tail algorithm reaches.
    const q = 2 * (1 - standardNormalCdf(4.5));
    const far = z.filter((v) => Math.abs(v) > 4.5).length;
    expect(Math.abs(far - n * q)).toBeLessThan(5 * Math.sqrt(n * q) + 1);
  });

  it('is a pure function of the stream, in blocks of any size: one block of 10 = 3 + 7', () => {
    const whole = new Float64Array(10);
    fillStandardNormalZiggurat(createStream(8, 'langevin'), whole);
    const rng = createStream(8, 'langevin');
    const a = new Float64Array(3);
    const b = new Float64Array(7);
    fillStandardNormalZiggurat(rng, a);
    fillStandardNormalZiggurat(rng, b);
    expect([...a, ...b]).toEqual([...whole]);
  });

  it("moves the stream as its own next() does: the state after the draws is a state pure-rand's next() reaches", () => {
    // Each draw is one xoroshiro128+ step, so after k draws the stream equals a fresh one stepped k times by next().
    const rng = createStream(5, 'langevin');
    fillStandardNormalZiggurat(rng, new Float64Array(1));
    const reference = createStream(5, 'langevin');
    const states: string[] = [];
    for (let k = 0; k < 8; k++) {
      reference.next();
      states.push(reference.getState().join(','));
    }
    expect(states).toContain(rng.getState().join(','));
  });

  it('is pinned: the SHA-256 of 2×10⁶ normals from four seeds and of the streams\' states after them', () => {
    // Every SGLD result is drawn from these normals: a change to any draw (the wedge, the tail) shows here.
    const hash = createHash('sha256');
    for (const seed of [1, 2, 3, 99]) {
      const rng = createStream(seed, 'langevin');
      const out = new Float64Array(500_000);
      fillStandardNormalZiggurat(rng, out);
      hash.update(new Uint8Array(out.buffer));
      hash.update(rng.getState().join(','));
    }
    expect(hash.digest('hex')).toBe('9e0cd1f4d96c723c8212ed1793fe32a5fe08445df579474264b1ce054aeccf96');
  });

  it('refuses a stream that is not a createStream xoroshiro128+', () => {
    const rng = createStream(1, 'langevin');
    const foreign = { next: () => rng.next(), getState: () => rng.getState(), clone: () => rng.clone(), jump: () => rng.jump() };
    expect(() => fillStandardNormalZiggurat(foreign, new Float64Array(2))).toThrow(/xoroshiro/);
  });
});
