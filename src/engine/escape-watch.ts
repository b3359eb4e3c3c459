import type { RandomStream } from '../data/index.ts';
import { FirstCrossing } from '../stats/index.ts';
import { prefixView, type EndToEndView } from './end-to-end-view.ts';
import type { Network } from './network.ts';
import { trainSgd, type SgdSettings } from './sgd.ts';
import type { TrainingSet } from './training-set.ts';
import { singularValues } from './singular-values.ts';
import { symmetricEigen } from './symmetric-eigen.ts';
import type { Moments } from './moments.ts';

/** When a run counts as escaped: the end-to-end map's `stopMode`-th singular value (1-based, descending) past `threshold`. */
export interface EscapeWatch {
  readonly threshold: number;
  readonly stopMode: number;
  /** The directions that name the modes (`modeAxes`); absent: the aligned teacher's, input i → output i. */
  readonly axes?: ModeAxes;
  /**
   * Record σ_stopMode every epoch from `before` epochs ahead of the escape to `after` epochs past it (training goes on
   * that long past the escape): the rise itself, for its width. Absent: stop at the escape, no trace.
   */
  readonly trace?: { readonly before: number; readonly after: number };
}

/** σ_stopMode at every epoch from `start` on, around the escape. */
export interface RiseTrace {
  readonly start: number;
  readonly sigma: number[];
}

/** Unit vectors of mode i: left[i·m ..) in output space, right[i·n ..) in input space, strongest mode first. */
export interface ModeAxes {
  readonly left: Float64Array;
  readonly right: Float64Array;
}

/**
 * The singular directions of a sample's cross-covariance Σ̂yx (descending): with N = 512 the sample's modes are
 * rotated away from the teacher's axes when two η are close, so the learned mode is named by these, not by E_ii.
 * Bias-free moments only (a = n).
 */
export function modeAxes(moments: Moments): ModeAxes {
  const n = moments.augmentedInput;
  const m = moments.outputDim;
  const k = Math.min(n, m);
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let o = 0; o < m; o++) gram[i * n + j]! += moments.syx[o * n + i]! * moments.syx[o * n + j]!;
  const eigen = symmetricEigen(gram, n);
  const left = new Float64Array(k * m);
  const right = new Float64Array(k * n);
  for (let mode = 0; mode < k; mode++) {
    const row = (n - 1 - mode) * n;
    for (let j = 0; j < n; j++) right[mode * n + j] = eigen.vectors[row + j]!;
    // u = Σ̂yx v / |Σ̂yx v|, signed so that the mode's projection uᵀ Σ̂yx v is positive.
    let norm = 0;
    for (let o = 0; o < m; o++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += moments.syx[o * n + j]! * right[mode * n + j]!;
      left[mode * m + o] = sum;
      norm += sum * sum;
    }
    for (let o = 0; o < m; o++) left[mode * m + o]! /= Math.sqrt(norm);
  }
  return { left, right };
}

/** Every mode's first crossing, in epochs (0: already past at the start; null: never within the run). */
export interface WatchedTraining {
  readonly epochs: number;
  /** The epoch σ_stopMode first exceeded the threshold: the run's escape time, or null (censored at `epochs`). */
  readonly escapeEpoch: number | null;
  /** σ_i of the end-to-end map, descending, first above the threshold. */
  readonly sigmaCrossings: (number | null)[];
  /**
   * |u_iᵀ E v_i| first above the threshold, (u_i, v_i) the watch's axes (default the aligned teacher's, E_ii):
   * which mode was learned, in the order of the staged escape of Prediction 1.
   */
  readonly modeCrossings: (number | null)[];
  /** With `watch.trace`, the escaped run's σ_stopMode around the escape (null: no escape, or escaped at epoch 0). */
  readonly rise?: RiseTrace | null;
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
  const e = new Float64Array(m * n);
  const sigmaWatch = Array.from({ length: modes }, () => new FirstCrossing(watch.threshold, 'above'));
  const modeWatch = Array.from({ length: modes }, () => new FirstCrossing(watch.threshold, 'above'));
  const crossings = () => ({ sigmaCrossings: sigmaWatch.map((c) => c.epoch), modeCrossings: modeWatch.map((c) => c.epoch) });
  const axes = watch.axes;
  const projection = (i: number): number => {
    if (axes === undefined) return e[i * n + i]!;
    let sum = 0;
    for (let o = 0; o < m; o++) for (let j = 0; j < n; j++) sum += axes.left[i * m + o]! * e[o * n + j]! * axes.right[i * n + j]!;
    return sum;
  };
  // The last `before` values of σ_stopMode (a ring while trapped), then every value up to `after` epochs past the escape.
  const recent: number[] = [];
  const observe = (epoch: number, view: EndToEndView): boolean => {
    // The transposed affine map (a × m): its first n rows are Eᵀ.
    const et = view.endToEndT();
    for (let o = 0; o < m; o++) for (let j = 0; j < n; j++) e[o * n + j] = et[j * m + o]!;
    const sigma = singularValues(e, m, n);
    for (let i = 0; i < modes; i++) {
      sigmaWatch[i]!.observe(epoch, sigma[i]!);
      if (!modeWatch[i]!.crossed) modeWatch[i]!.observe(epoch, Math.abs(projection(i)));
    }
    const escape = sigmaWatch[watch.stopMode - 1]!.epoch;
    if (watch.trace === undefined) return escape !== null;
    recent.push(sigma[watch.stopMode - 1]!);
    if (escape === null && recent.length > watch.trace.before + 1) recent.shift();
    return escape !== null && epoch >= escape + watch.trace.after;
  };
  const trace = (epochs: number, escapeEpoch: number | null): { rise?: RiseTrace | null } =>
    watch.trace === undefined ? {} : { rise: escapeEpoch === null || escapeEpoch === 0 ? null : { start: epochs - recent.length + 1, sigma: recent } };
  if (observe(0, prefixView(net)) && watch.trace === undefined) return { epochs: 0, escapeEpoch: 0, ...crossings() };
  if (sigmaWatch[watch.stopMode - 1]!.epoch === 0) return { epochs: 0, escapeEpoch: 0, ...crossings(), ...trace(0, 0) };
  const epochs = trainSgd(net, train, settings, rng, observe);
  const escapeEpoch = sigmaWatch[watch.stopMode - 1]!.epoch;
  return { epochs, escapeEpoch, ...crossings(), ...trace(epochs, escapeEpoch) };
}
