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
