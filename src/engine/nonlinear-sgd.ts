import { shuffleInPlace, type Dataset, type RandomStream } from '../data/index.ts';
import { drawWithReplacement, type BatchSampling } from './batch-sampling.ts';
import { norm } from './dense.ts';
import type { DescentReport, DescentSettings } from './full-batch-descent.ts';
import { createNonlinearBatchKernel } from './nonlinear-batch.ts';
import { backpropGradient } from './backprop-gradient.ts';
import { createNonlinearWorkspace, type NonlinearNetwork } from './nonlinear-network.ts';
import { effectiveBatch, stepsPerEpoch } from './sgd.ts';

export interface NonlinearSgdSettings {
  readonly lr: number;
  readonly batch: number;
  /** Weight decay: gradient += β θ. */
  readonly beta: number;
  readonly epochs: number;
  readonly batchSampling?: BatchSampling;
  /** 'batched' (default): the allocation-free batch kernel; 'per-sample': the reference backprop, bit-identical. */
  readonly gradientPath?: NonlinearGradientPath;
}

export type NonlinearGradientPath = 'batched' | 'per-sample';

/** The gradient function of a path: (indices, start, length, beta, grad) → grad, for batches up to `capacity`. */
function gradientOf(net: NonlinearNetwork, data: Dataset, capacity: number, path: NonlinearGradientPath = 'batched') {
  if (path === 'batched') {
    const kernel = createNonlinearBatchKernel(net, data, capacity);
    return (indices: Int32Array, start: number, length: number, beta: number, grad: Float64Array) => kernel.gradient(indices, start, length, beta, grad);
  }
  const ws = createNonlinearWorkspace(net);
  return (indices: Int32Array, start: number, length: number, beta: number, grad: Float64Array) =>
    backpropGradient(net, data, indices, start, length, beta, ws, grad);
}

/**
 * Plain SGD on a nonlinear network, in place, with trainSgd's batches: the same seeded per-epoch permutation from
 * the same stream (so the identity activation retraces trainSgd's backprop path), ⌊N/B⌋ steps an epoch, a batch
 * above N read as the full batch. `afterEpoch(epoch)` returning true stops training; returns the epochs run.
 */
export function trainNonlinearSgd(
  net: NonlinearNetwork,
  data: Dataset,
  settings: NonlinearSgdSettings,
  rng: RandomStream,
  afterEpoch?: (epoch: number) => boolean | void,
): number {
  const n = data.count;
  const batch = effectiveBatch(n, settings.batch);
  const steps = stepsPerEpoch(n, settings.batch);
  const withReplacement = settings.batchSampling === 'with-replacement';
  const fullBatch = batch === n && !withReplacement;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const params = net.params;
  const grad = new Float64Array(params.length);
  const gradient = gradientOf(net, data, batch, settings.gradientPath);
  const { lr, beta } = settings;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    if (!fullBatch && !withReplacement) shuffleInPlace(rng, order);
    for (let step = 0; step < steps; step++) {
      if (withReplacement) drawWithReplacement(rng, n, batch, order);
      gradient(order, withReplacement ? 0 : step * batch, batch, beta, grad);
      for (let k = 0; k < params.length; k++) params[k]! -= lr * grad[k]!;
    }
    if (afterEpoch?.(epoch) === true) return epoch;
  }
  return settings.epochs;
}

/** Euclidean norm of the full-data gradient of MSE + (β/2)|θ|². */
export function nonlinearGradientNorm(net: NonlinearNetwork, data: Dataset, beta: number): number {
  const grad = new Float64Array(net.params.length);
  const all = Int32Array.from({ length: data.count }, (_, i) => i);
  backpropGradient(net, data, all, 0, data.count, beta, createNonlinearWorkspace(net), grad);
  return norm(grad);
}

/**
 * Deterministic full-batch gradient descent in place, as descendFullBatch for the linear network: until the gradient
 * norm is below tolerance, maxSteps is reached or the gradient is no longer finite. With no mini-batch noise it stays
 * on the branch it starts on, which is what a quasi-static sweep needs.
 */
export function descendNonlinearFullBatch(
  net: NonlinearNetwork,
  data: Dataset,
  settings: DescentSettings,
  path: NonlinearGradientPath = 'batched',
): DescentReport {
  const grad = new Float64Array(net.params.length);
  const all = Int32Array.from({ length: data.count }, (_, i) => i);
  const gradient = gradientOf(net, data, data.count, path);
  const params = net.params;
  let gradientNorm = Number.POSITIVE_INFINITY;
  for (let step = 0; step < settings.maxSteps; step++) {
    gradient(all, 0, data.count, settings.beta, grad);
    gradientNorm = norm(grad);
    if (gradientNorm < settings.gradientTolerance) return { steps: step, gradientNorm, converged: true };
    if (!Number.isFinite(gradientNorm)) return { steps: step, gradientNorm, converged: false };
    for (let k = 0; k < params.length; k++) params[k]! -= settings.lr * grad[k]!;
  }
  gradientNorm = nonlinearGradientNorm(net, data, settings.beta);
  return { steps: settings.maxSteps, gradientNorm, converged: gradientNorm < settings.gradientTolerance };
}
