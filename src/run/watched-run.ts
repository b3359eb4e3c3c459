import type { BatchSampling } from '../engine/index.ts';
import { FirstCrossing, type EscapeRun } from '../stats/index.ts';

/**
 * The loop shared by the runs that watch for one event (a fall to lower rank, a rise to higher rank): `train` runs SGD
 * and calls its epoch hook, which `measure`s the watched value (null: not checked that epoch) and stops training at
 * `crossing`'s first crossing. That epoch is the escape time; a run that never crosses is censored at the budget.
 */
export function watchedRun(
  budget: number,
  train: (afterEpoch: (epoch: number) => boolean) => void,
  crossing: FirstCrossing,
  measure: (epoch: number) => number | null,
): EscapeRun {
  train((epoch) => {
    const value = measure(epoch);
    if (value !== null) crossing.observe(epoch, value);
    return crossing.crossed;
  });
  return crossing.outcome(budget);
}

/** SGD from a trapped state watching one mode, until its σ crosses a threshold or the budget ends. */
export interface ModeWatch {
  readonly lr: number;
  readonly batch: number;
  readonly beta: number;
  /** Epochs watched; a run that has not crossed by then is censored there. */
  readonly budget: number;
  readonly sampling: BatchSampling;
  /** The mode watched (1-based). */
  readonly mode: number;
  /** 'rise': σ_mode above `threshold` (a mode learned); 'fall': below it (a mode lost). */
  readonly crossing: 'rise' | 'fall';
  readonly threshold: number;
  /** Check every this many epochs (a check may be a pass over the training set); 1: every epoch. */
  readonly checkEvery: number;
}

/** watchedRun on `settings.mode`: `sigma()` measures the singular values at each checked epoch. */
export function watchedModeRun(settings: ModeWatch, train: (afterEpoch: (epoch: number) => boolean) => void, sigma: () => ArrayLike<number>): EscapeRun {
  const crossing = new FirstCrossing(settings.threshold, settings.crossing === 'rise' ? 'above' : 'below');
  return watchedRun(settings.budget, train, crossing, (epoch) => (epoch % settings.checkEvery === 0 ? (sigma()[settings.mode - 1] ?? 0) : null));
}
