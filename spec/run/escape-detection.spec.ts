import { describe, expect, it } from 'vitest';
import { midpointThreshold } from '../../src/run/escape-detection.ts';

describe('midpointThreshold', () => {
  it('is the mean of plateau and global minimum', () => {
    expect(midpointThreshold(0.7, 0.5)).toBeCloseTo(0.6, 15);
  });
});
