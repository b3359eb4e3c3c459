import { describe, expect, it } from 'vitest';
import { FirstCrossing, midpointThreshold } from '../../src/run/escape-detection.ts';

describe('FirstCrossing', () => {
  it('keeps the first epoch strictly past the threshold', () => {
    const below = new FirstCrossing(0.5, 'below');
    [0.9, 0.5, 0.49, 0.3, 0.6].forEach((v, e) => below.observe(e, v));
    expect(below.epoch).toBe(2);
    const above = new FirstCrossing(1e-3, 'above');
    [0, 1e-3, 2e-3].forEach((v, e) => above.observe(e, v));
    expect(above.epoch).toBe(2);
    const never = new FirstCrossing(0, 'below');
    never.observe(0, 1);
    expect(never.epoch).toBeNull();
  });

  it('midpointThreshold is the mean of plateau and global minimum', () => {
    expect(midpointThreshold(0.7, 0.5)).toBeCloseTo(0.6, 15);
  });
});
