import type { RandomStream } from '../data/index.ts';
import { computePrefixes, createMomentWorkspace, endToEndEntry } from './moment-gradient.ts';
import type { Network } from './network.ts';
import { trainSgd, type SgdSettings } from './sgd.ts';
import type { TrainingSet } from './training-set.ts';
import { singularValues } from './singular-values.ts';

/** When a run counts as escaped: the end-to-end map's `stopMode`-th singular value (1-based, descending) past `threshold`. */
export interface EscapeWatch {
  readonly threshold: number;
  readonly stopMode: number;
}

/** Every mode's first crossing, in epochs (0: already past at the start; null: never within the run). */
export interface WatchedTraining {
  readonly epochs: number;
  /** The epoch σ_stopMode first exceeded the threshold: the run's escape time, or null (censored at `epochs`). */
  readonly escapeEpoch: number | null;
  /** σ_i of the end-to-end map, descending, first above the threshold. */
  readonly sigmaCrossings: (number | null)[];
  /**
   * |E_ii| first above the threshold: which teacher mode learned, for the aligned teacher Σyx = diag(η)
   * (teacher-covariance.ts), where mode i is input i → output i. Orders the staged escape of Prediction 1.
   */
  readonly diagonalCrossings: (number | null)[];
}

/**
 * SGD (or SGLD, `settings.langevin`) from `net` in place, watching the end-to-end map after every epoch and
 * stopping at the escape of `watch.stopMode` or at `settings.epochs`. A pure function of its inputs and streams.
 */
export function trainWatchingEscape(
  net: Network,
  train: TrainingSet,
  settings: SgdSettings,
  rng: RandomStream,
  watch: EscapeWatch,
): WatchedTraining {
  const w = net.shape.widths;
  const n = w[0]!;
  const m = w[w.length - 1]!;
  const modes = Math.min(n, m);
  if (!(Number.isInteger(watch.stopMode) && watch.stopMode >= 1 && watch.stopMode <= modes)) {
    throw new RangeError(`stopMode must be an integer in [1, ${modes}], got ${watch.stopMode}`);
  }
  const ws = createMomentWorkspace(net);
  const e = new Float64Array(m * n);
  const sigmaCrossings: (number | null)[] = Array.from({ length: modes }, () => null);
  const diagonalCrossings: (number | null)[] = Array.from({ length: modes }, () => null);
  const observe = (epoch: number): boolean => {
    computePrefixes(net, ws);
    for (let o = 0; o < m; o++) for (let j = 0; j < n; j++) e[o * n + j] = endToEndEntry(ws, o, j);
    const sigma = singularValues(e, m, n);
    for (let i = 0; i < modes; i++) {
      if (sigmaCrossings[i] === null && sigma[i]! > watch.threshold) sigmaCrossings[i] = epoch;
      if (diagonalCrossings[i] === null && Math.abs(e[i * n + i]!) > watch.threshold) diagonalCrossings[i] = epoch;
    }
    return sigmaCrossings[watch.stopMode - 1] !== null;
  };
  if (observe(0)) return { epochs: 0, escapeEpoch: 0, sigmaCrossings, diagonalCrossings };
  const epochs = trainSgd(net, train, settings, rng, observe);
  return { epochs, escapeEpoch: sigmaCrossings[watch.stopMode - 1] ?? null, sigmaCrossings, diagonalCrossings };
}
