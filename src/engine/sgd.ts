import { shuffleInPlace, type RandomStream } from '../data/index.ts';
import { backpropGradient, createBackpropWorkspace } from './backprop-gradient.ts';
import { accumulateKernel, stepKernel } from './compiled-kernels.ts';
import { emptyMoments } from './moments.ts';
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
 * Plain SGD in place: every epoch a seeded Fisher–Yates reshuffle of the sample order, then ⌊N/B⌋ steps
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
  const fullBatch = batch === n;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const params = net.params;
  const grad = new Float64Array(params.length);
  const { lr, beta } = settings;
  const useMoments = (settings.gradientPath ?? 'moments') === 'moments';
  const mws = createMomentWorkspace(net);
  const bws = createBackpropWorkspace(net);
  const batchMoments = emptyMoments(train.features.augmentedInput, train.features.outputDim);
  const fusedStep = stepKernel(net);
  const accumulate = accumulateKernel(train.features);
  const rows = train.features.rows;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    // A full batch is the same set whatever the order: no shuffle, and the precomputed full moments.
    if (!fullBatch) shuffleInPlace(rng, order);
    for (let step = 0; step < steps; step++) {
      const start = step * batch;
      if (useMoments) {
        if (!fullBatch) accumulate(rows, order, start, batch, batchMoments);
        fusedStep(params, fullBatch ? train.moments : batchMoments, beta, lr, mws, grad);
      } else {
        backpropGradient(net, train.data, order, start, batch, beta, bws, grad);
        for (let k = 0; k < params.length; k++) params[k]! -= lr * grad[k]!;
      }
    }
    if (afterEpoch?.(epoch) === true) return epoch;
  }
  return settings.epochs;
}
