import { describe, expect, it } from 'vitest';
import { FirstCrossing } from '../../src/stats/first-crossing.ts';

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

  it('gives the run escaped at its crossing, or censored at the budget', () => {
    const above = new FirstCrossing(1, 'above');
    expect([above.crossed, above.outcome(10)]).toEqual([false, { time: 10, escaped: false }]);
    above.observe(4, 2);
    above.observe(5, 3);
    expect([above.crossed, above.outcome(10)]).toEqual([true, { time: 4, escaped: true }]);
  });
});
