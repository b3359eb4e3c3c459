// Sample grids for curves: where a curve bends sharply the grid is dense, so a polyline drawn through it
// looks smooth without thousands of points.

/** n + 1 points from lo to hi, crowded towards lo as (i/n)²: for λ^{2/L}, whose slope is infinite at 0. */
export function gridDenseNearStart(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => lo + (hi - lo) * (i / n) ** 2);
}

/** n + 1 points from 0 to end, crowded towards end as 1 − s²: for branches that meet like √(end − x). */
export function gridDenseNearEnd(end: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, i) => end * (1 - (1 - i / n) ** 2));
}
