import { describe, expect, it } from 'vitest';
import { teacherCovariance } from '../../src/data/teacher-covariance.ts';

describe('teacherCovariance', () => {
  it('has Σxx = I, Σyy = I and Σyx = diag(η) for the paper’s task', () => {
    const s = teacherCovariance({ inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] });
    expect([...s]).toEqual([1, 0, 0.9, 0, 0, 1, 0, 0.8, 0.9, 0, 1, 0, 0, 0.8, 0, 1]);
  });

  it('handles unequal dimensions and fewer modes', () => {
    const s = teacherCovariance({ inputDim: 3, outputDim: 2, singularValues: [0.5] });
    expect(s[3 * 5 + 0]).toBe(0.5);
    expect(s[0 * 5 + 3]).toBe(0.5);
    expect(s[4 * 5 + 1]).toBe(0);
  });

  it('refuses more modes than min(n, m)', () => {
    expect(() => teacherCovariance({ inputDim: 1, outputDim: 2, singularValues: [0.5, 0.4] })).toThrow(RangeError);
  });
});
