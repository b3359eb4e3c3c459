// The paired rule of sensitivity-to-initialisation and its calibration at the full profile's 50 seeds.
import { describe, expect, it } from 'vitest';
import { oneWaySeedsToReject, sensitivityCalibration, sensitivityVerdict } from '../../../src/claims/trapping/init-sensitivity.ts';

describe('sensitivity to initialisation: paired McNemar against "the protocol does not matter"', () => {
  it('reproduces on a one-way difference of 25 seeds, deviates when none differ, is inconclusive on a few', () => {
    expect(sensitivityVerdict([{ seeds: 50, randomOnly: 25, trapOnly: 0 }, { seeds: 50, randomOnly: 0, trapOnly: 0 }])).toBe('reproduced');
    expect(sensitivityVerdict([{ seeds: 50, randomOnly: 0, trapOnly: 0 }, { seeds: 50, randomOnly: 0, trapOnly: 0 }])).toBe('deviates');
    expect(sensitivityVerdict([{ seeds: 50, randomOnly: 0, trapOnly: 0 }, { seeds: 50, randomOnly: 1, trapOnly: 0 }])).toBe('inconclusive');
    expect(sensitivityVerdict([{ seeds: 50, randomOnly: 10, trapOnly: 0 }, { seeds: 50, randomOnly: 0, trapOnly: 0 }])).toBe('inconclusive');
    // A difference that goes both ways in equal numbers is invisible to the paired test.
    expect(sensitivityVerdict([{ seeds: 50, randomOnly: 15, trapOnly: 15 }, { seeds: 50, randomOnly: 15, trapOnly: 15 }])).toBe('inconclusive');
  });

  it('names as what would decide the fewest one-way seeds on which the rule itself reproduces', () => {
    const n = oneWaySeedsToReject(1e-6);
    expect(n).toBe(22);
    const pair = (randomOnly: number) => [{ seeds: 50, randomOnly, trapOnly: 0 }, { seeds: 50, randomOnly: 0, trapOnly: 0 }];
    expect(sensitivityVerdict(pair(n))).toBe('reproduced');
    expect(sensitivityVerdict(pair(n - 1))).toBe('inconclusive');
  });

  it('states its calibration: reproduced at a one-way share ½, never when the protocol does not matter', () => {
    const c = sensitivityCalibration(50);
    expect(c.seeds).toBe(50);
    expect(c.reproducedWhenTrue).toBeGreaterThanOrEqual(0.9);
    expect(c.size).toBe(0);
    expect(c.power).toBe(1);
    expect(c.falseReproduce).toBe(0);
    expect(c.detectable).toMatch(/one-way discordant share 0\.[3-6]/);
    expect(sensitivityCalibration(50)).toBe(c);
  });
});
