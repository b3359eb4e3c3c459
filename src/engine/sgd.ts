import { createStream, fillStandardNormalZiggurat, shuffleInPlace, type RandomStream } from '../data/index.ts';
import { backpropGradient, createBackpropWorkspace } from './backprop-gradient.ts';
import { drawWithReplacement, type BatchSampling } from './batch-sampling.ts';
export { drawWithReplacement, type BatchSampling } from './batch-sampling.ts';
import { accumulateKernel, stepKernel, type Precision } from './compiled-kernels.ts';
import { emptyMoments, type Moments } from './moments.ts';
import { createMomentWorkspace } from './moment-workspace.ts';
import { prefixView, type AfterEpoch } from './end-to-end-view.ts';
import type { Network } from './network.ts';
import type { TrainingSet } from './training-set.ts';
import { EpochKernel, epochKernelSupported, isXoroshiroStream, runEpochs, type EpochConfig } from './wasm-epoch.ts';

export type GradientPath = 'moments' | 'backprop';

/** Who runs an epoch: one WebAssembly SIMD module (wasm-epoch.ts) or the JS kernels, the reference; same bits. */
export type SgdKernel = 'wasm' | 'js';

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
  /** 'wasm' (default) where the WebAssembly epoch covers every setting given, else the JS kernels; 'js' forces them. */
  readonly kernel?: SgdKernel;
  /**
   * Stochastic gradient Langevin dynamics (Welling & Teh 2011, ref. 16): after every step each weight gets
   * √(2·lr·T)·ξ, ξ ~ N(0, 1) from the seed's own 'langevin' stream, so the stationary density is ∝ exp(−loss/T)
   * with the loss MSE + (β/2)|θ|². Absent or T = 0: plain SGD, bit for bit.
   */
  readonly langevin?: LangevinKick;
  /**
   * How a step's batch is drawn: 'epoch-permutation' (default) slices a per-epoch reshuffle; 'with-replacement'
   * draws each index uniformly and independently, so the gradient noise is exactly i.i.d. across steps (the
   * setting in which T_eff ∝ ηlr/B of Eq. 4 is derived). Steps per epoch stay ⌊N/B⌋.
   */
  readonly batchSampling?: BatchSampling;
}

export interface LangevinKick {
  readonly temperature: number;
  readonly seed: number;
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
 * The settings the WebAssembly epoch implements, with the values it implements. A setting not listed here (one added
 * to SgdSettings later) sends the run to the JS kernels, which stay the definition of what a setting means.
 */
const WASM_SETTINGS: Readonly<Record<string, (value: unknown) => boolean>> = {
  lr: () => true,
  batch: () => true,
  beta: () => true,
  epochs: () => true,
  flushBelow: () => true,
  kernel: (v) => v === undefined || v === 'wasm',
  gradientPath: (v) => v === undefined || v === 'moments',
  precision: (v) => v === undefined || v === 'float64' || v === 'float32',
  // The kick is added in float64 (sgdKernel sends a float32 SGLD run to the JS kernels).
  langevin: () => true,
  batchSampling: (v) => v === undefined || v === 'epoch-permutation' || v === 'with-replacement',
};

function epochConfig(net: Network, train: TrainingSet, settings: SgdSettings): EpochConfig {
  const n = train.data.count;
  const steps = stepsPerEpoch(n, settings.batch);
  const langevin = (settings.langevin?.temperature ?? 0) > 0;
  const batchSampling = settings.batchSampling ?? 'epoch-permutation';
  return { net, features: train.features, batch: effectiveBatch(n, settings.batch), steps, precision: settings.precision ?? 'float64', langevin, batchSampling };
}

/** The kernel trainSgd runs these settings on. */
export function sgdKernel(net: Network, train: TrainingSet, settings: SgdSettings, rng: RandomStream): SgdKernel {
  const allowed = Object.entries(settings).every(([key, value]) => Object.hasOwn(WASM_SETTINGS, key) && WASM_SETTINGS[key]!(value));
  if (!allowed || (settings.kernel ?? 'wasm') !== 'wasm') return 'js';
  if ((settings.langevin?.temperature ?? 0) > 0 && settings.precision === 'float32') return 'js';
  return isXoroshiroStream(rng) && epochKernelSupported(epochConfig(net, train, settings)) ? 'wasm' : 'js';
}

/**
 * Plain SGD in place: every epoch a seeded Fisher–Yates reshuffle of the sample order, then ⌊N/B⌋ steps
 * θ ← θ − lr (∇ MSE(batch) + β θ) on consecutive slices of that order (or, with `batchSampling`, on batches drawn
 * with replacement), each followed by the Langevin kick when `langevin` asks for one. `afterEpoch(epoch, view)` (1-based) runs
 * after each epoch, reading the weights (never changing them) or the end-to-end map through the view; returning true stops training. Returns the number of epochs run. No allocation per step.
 * Runs on the WebAssembly epoch where sgdKernel allows, with the same bits as the JS kernels below.
 */
export function trainSgd(
  net: Network,
  train: TrainingSet,
  settings: SgdSettings,
  rng: RandomStream,
  afterEpoch?: AfterEpoch,
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
  const precision = settings.precision ?? 'float64';
  if (precision === 'float32' && !useMoments) throw new RangeError('float32 arithmetic is implemented on the moment path only');
  if (precision === 'float32') for (let k = 0; k < params.length; k++) params[k] = Math.fround(params[k]!);
  const flushBelow = settings.flushBelow ?? 0;
  const fullMoments = precision === 'float32' ? roundedMoments(train.moments) : train.moments;
  const temperature = settings.langevin?.temperature ?? 0;
  if (!(temperature >= 0 && Number.isFinite(temperature))) throw new RangeError(`Langevin temperature must be >= 0, got ${temperature}`);
  const kick = Math.sqrt(2 * lr * temperature);
  const noiseRng = temperature > 0 ? createStream(settings.langevin!.seed, 'langevin') : null;
  if (sgdKernel(net, train, settings, rng) === 'wasm' && isXoroshiroStream(rng) && (noiseRng === null || isXoroshiroStream(noiseRng))) {
    const kernel = new EpochKernel(epochConfig(net, train, settings), train.features.rows, fullMoments);
    return runEpochs(kernel, params, settings, rng, afterEpoch, noiseRng === null ? null : { kick, rng: noiseRng });
  }
  const mws = createMomentWorkspace(net);
  const bws = createBackpropWorkspace(net);
  const batchMoments = emptyMoments(train.features.augmentedInput, train.features.outputDim);
  const fusedStep = stepKernel(net, precision);
  const accumulate = accumulateKernel(train.features, precision);
  const rows = train.features.rows;
  const withReplacement = settings.batchSampling === 'with-replacement';
  const noise = new Float64Array(noiseRng === null ? 0 : params.length);
  const view = prefixView(net);
  // With replacement the batch is never "the full set", so the full-moment shortcut does not apply.
  const sameSetEveryStep = fullBatch && !withReplacement;
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    // A full batch is the same set whatever the order: no shuffle, and the precomputed full moments.
    if (!sameSetEveryStep && !withReplacement) shuffleInPlace(rng, order);
    for (let step = 0; step < steps; step++) {
      let start = step * batch;
      if (withReplacement) {
        drawWithReplacement(rng, n, batch, order);
        start = 0;
      }
      if (useMoments) {
        if (!sameSetEveryStep) accumulate(rows, order, start, batch, batchMoments);
        fusedStep(params, sameSetEveryStep ? fullMoments : batchMoments, beta, lr, mws, grad);
      } else {
        backpropGradient(net, train.data, order, start, batch, beta, bws, grad);
        for (let k = 0; k < params.length; k++) params[k]! -= lr * grad[k]!;
      }
      if (noiseRng !== null) {
        fillStandardNormalZiggurat(noiseRng, noise);
        if (precision === 'float32') for (let k = 0; k < params.length; k++) params[k] = Math.fround(params[k]! + Math.fround(kick * noise[k]!));
        else for (let k = 0; k < params.length; k++) params[k]! += kick * noise[k]!;
      }
    }
    // Once an epoch is enough: an unlearned weight decays geometrically, by (1 − lr·β) per step, so one just below
    // the flush level needs dozens of epochs to reach the subnormal range (< 2.2e-308) that slows the arithmetic;
    // checking every step cost a fifth of the fast path's speed.
    if (flushBelow > 0) for (let k = 0; k < params.length; k++) if (Math.abs(params[k]!) < flushBelow) params[k] = 0;
    if (afterEpoch?.(epoch, view) === true) return epoch;
  }
  return settings.epochs;
}
