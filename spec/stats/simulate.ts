// Seeded samples for the statistical specs: pure-rand's xoroshiro128+ behind the `() => number` uniform source
// that src/stats takes, so a spec is the same on every machine.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { EscapeRun } from '../../src/stats/index.ts';

export function seededUniform(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

/** n runs whose escape time is drawn by `draw`, censored at the budget. */
export function censoredRuns(draw: () => number, n: number, budget: number): EscapeRun[] {
  return Array.from({ length: n }, () => {
    const time = draw();
    return time <= budget ? { time, escaped: true } : { time: budget, escaped: false };
  });
}

/** Exponential escape times of mean τ, by inversion. */
export function exponentialDraw(uniform: () => number, mean: number): () => number {
  return () => -mean * Math.log1p(-uniform());
}

/** Standard normal draws by Box–Muller. */
export function normalDraw(uniform: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log1p(-uniform())) * Math.cos(2 * Math.PI * uniform());
}
