import { shuffleInPlace, type RandomStream } from '../data/index.ts';
import { backpropGradient, createBackpropWorkspace } from './backprop-gradient.ts';
import { drawWithReplacement, type BatchSampling } from './batch-sampling.ts';
import { accumulateKernel, stepKernel, type Precision } from './compiled-kernels.ts';
import { emptyMoments, type Moments } from './moments.ts';
import { createMomentWorkspace } from './moment-gradient.ts';
import type { Network } from './network.ts';
import type { TrainingSet } from './training-set.ts';

export type GradientPath = 'moments' | 'backprop';

export interface SgdSettings {
  readonly lr: number;
  readonly batch: number;
  /** Weight decay: gradient += β θ. */
  readonly beta: number;
  readonly epochs: number;
  /** 'moments' (fast, default) or 'backprop' (the per-sample reference); same arithmetic up to rounding. */
  readonly gradientPath?: GradientPath;
  /** Arithmetic of the moment path (default 'float64'); 'float32' rounds every weight and result (compiled-kernels.ts). */
  readonly precision?: Precision;
  /**
   * Flush to zero: after every epoch a weight with |w| below this becomes exactly 0 (default 0: never), as
   * torch.set_flush_denormal does for subnormals. Weight decay drives an unlearned weight towards 0 geometrically
   * and it then sits on a subnormal value (the decay term rounds to 0 there), where every multiply is ~10× slower.
   */
  readonly flushBelow?: number;
  /** How batches are drawn (batch-sampling.ts); default the paper's per-epoch permutation. */
  readonly sampling?: BatchSampling;
}

/** The numerical settings a run is computed with, recorded in its run record. */
export interface Numerics {
  readonly precision: Precision;
  readonly flushBelow: number;
}

/** Moments with every entry rounded to float32 (the full-batch path of a float32 run). */
export function roundedMoments(m: Moments): Moments {
  const F = Math.fround;
  return { ...m, sxx: m.sxx.map(F), syx: m.syx.map(F), syyTrace: F(m.syyTrace), scratch: new Float64Array(m.scratch.length) };
}

/**
 * Appendix A: ⌊N/B⌋ steps per epoch. A batch larger than the training set is read as one full batch per
 * step (so the sparse protocol's B = 64 on 25 samples is full-batch gradient descent, with no mini-batch noise).
 */
export function stepsPerEpoch(sampleCount: number, batch: number): number {
  return Math.max(1, Math.floor(sampleCount / batch));
}

export function effectiveBatch(sampleCount: number, batch: number): number {
  return Math.min(batch, sampleCount);
}

/**
 * Plain SGD in place: every epoch a seeded Fisher–Yates reshuffle of the sample order (or, with sampling
 * 'with-replacement', a fresh i.i.d. draw for every step), then ⌊N/B⌋ steps
 * θ ← θ − lr (∇ MSE(batch) + β θ) on consecutive slices of that order. `afterEpoch(epoch)` (1-based) runs
 * after each epoch; returning true stops training. Returns the number of epochs run. No allocation per step.
 */
export function trainSgd(
  net: Network,
  train: TrainingSet,
  settings: SgdSettings,
  rng: RandomStream,
  afterEpoch?: (epoch: number) => boolean | void,
): number {
  const n = train.data.count;
  const batch = effectiveBatch(n, settings.batch);
  const steps = stepsPerEpoch(n, settings.batch);
  const withReplacement = settings.sampling === 'with-replacement';
  const fullBatch = batch === n && !withReplacement;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const params = net.params;
  const grad = new Float64Array(params.length);
  const { lr, beta } = settings;
  const useMoments = (settings.gradientPath ?? 'moments') === 'moments';
  const precision = settings.precision ?? 'float64';
  if (precision === 'float32' && !useMoments) throw new RangeError('float32 arithmetic is implemented on the moment path only');
  if (precision === 'float32') for (let k = 0; k < params.length; k++) params[k] = Math.fround(params[k]!);
  const flushBelow = settings.flushBelow ?? 0;
  const fullMoments = precision === 'float32' ? roundedMoments(train.moments) : train.moments;
  const mws = createMomentWorkspace(net);
  const bws = createBackpropWorkspace(net);
  const batchMoments = emptyMoments(train.features.augmentedInput, train.features.outputDim);
  const fusedStep = stepKernel(net, precision);
  const accumulate = accumulateKernel(train.features, precision);
  const rows = train.features.rows;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    // A full batch is the same set whatever the order: no shuffle, and the precomputed full moments.
    if (!fullBatch && !withReplacement) shuffleInPlace(rng, order);
    for (let step = 0; step < steps; step++) {
      if (withReplacement) drawWithReplacement(rng, n, order, batch);
      const start = withReplacement ? 0 : step * batch;
      if (useMoments) {
        if (!fullBatch) accumulate(rows, order, start, batch, batchMoments);
        fusedStep(params, fullBatch ? fullMoments : batchMoments, beta, lr, mws, grad);
      } else {
        backpropGradient(net, train.data, order, start, batch, beta, bws, grad);
        for (let k = 0; k < params.length; k++) params[k]! -= lr * grad[k]!;
      }
    }
    // Once an epoch is enough: an unlearned weight decays geometrically, by (1 − lr·β) per step, so one just below
    // the flush level needs dozens of epochs to reach the subnormal range (< 2.2e-308) that slows the arithmetic;
    // checking every step cost a fifth of the fast path's speed.
    if (flushBelow > 0) for (let k = 0; k < params.length; k++) if (Math.abs(params[k]!) < flushBelow) params[k] = 0;
    if (afterEpoch?.(epoch) === true) return epoch;
  }
  return settings.epochs;
}
