import { describe, expect, it } from 'vitest';
import { fillStandardNormal } from '../../src/data/gaussian.ts';
import { createStream } from '../../src/data/random-stream.ts';

describe('fillStandardNormal', () => {
  it('has mean 0, variance 1 and kurtosis 3 within sampling error', () => {
    const n = 200_000;
    const z = new Float64Array(n);
    fillStandardNormal(createStream(3, 'data'), z);
    let m1 = 0;
    let m2 = 0;
    let m4 = 0;
    for (const v of z) {
      m1 += v;
      m2 += v * v;
      m4 += v ** 4;
    }
    m1 /= n;
    m2 /= n;
    m4 /= n;
    // Standard errors: 1/√n ≈ 0.0022 (mean), √(2/n) ≈ 0.0032 (variance), √(96/n) ≈ 0.022 (4th moment); 5 σ bounds.
    expect(Math.abs(m1)).toBeLessThan(0.011);
    expect(Math.abs(m2 - 1)).toBeLessThan(0.016);
    expect(Math.abs(m4 - 3)).toBeLessThan(0.11);
  });

  it('fills odd lengths and is reproducible', () => {
    const a = new Float64Array(5);
    const b = new Float64Array(5);
    fillStandardNormal(createStream(9, 'init'), a);
    fillStandardNormal(createStream(9, 'init'), b);
    expect([...a]).toEqual([...b]);
    expect(a.every((v) => Number.isFinite(v) && v !== 0)).toBe(true);
  });
});
