import { describe, expect, it } from 'vitest';
import { gridDenseNearEnd, gridDenseNearStart } from '../../../src/claims/chart/sampling.ts';

const steps = (grid: number[]) => grid.slice(1).map((v, i) => v - (grid[i] ?? 0));

describe('sample grids', () => {
  it('runs from start to end, increasing, with steps growing away from the start', () => {
    const grid = gridDenseNearStart(0, 0.8, 50);
    expect([grid[0], grid.at(-1), grid.length]).toEqual([0, 0.8, 51]);
    const d = steps(grid);
    expect(d.every((step, i) => step > 0 && (i === 0 || step > (d[i - 1] ?? 0)))).toBe(true);
  });

  it('runs from 0 to the end, increasing, with steps shrinking towards the end', () => {
    const grid = gridDenseNearEnd(0.41, 50);
    expect([grid[0], grid.at(-1), grid.length]).toEqual([0, 0.41, 51]);
    const d = steps(grid);
    expect(d.every((step, i) => step > 0 && (i === 0 || step < (d[i - 1] ?? 0)))).toBe(true);
  });
});
