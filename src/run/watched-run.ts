import type { BatchSampling } from '../engine/index.ts';
import type { EscapeRun } from '../stats/index.ts';

/**
 * The loop shared by the runs that watch for one event (a fall to lower rank, a rise to higher rank): `train` runs SGD
 * and calls its epoch hook, which stops training at the first epoch where `crossed(epoch)` holds. That epoch is the
 * escape time; a run that never crosses is censored at the budget.
 */
export function watchedRun(budget: number, train: (afterEpoch: (epoch: number) => boolean) => void, crossed: (epoch: number) => boolean): EscapeRun {
  let at: number | null = null;
  train((epoch) => {
    if (crossed(epoch)) at = epoch;
    return at !== null;
  });
  return at === null ? { time: budget, escaped: false } : { time: at, escaped: true };
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
  const crossed = (s: number) => (settings.crossing === 'rise' ? s > settings.threshold : s < settings.threshold);
  return watchedRun(settings.budget, train, (epoch) => epoch % settings.checkEvery === 0 && crossed(sigma()[settings.mode - 1] ?? 0));
}
