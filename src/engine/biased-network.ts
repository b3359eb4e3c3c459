import { shuffleInPlace, uniformUnit, type RandomStream } from '../data/index.ts';
import { backpropGradient, createBackpropWorkspace, type BackpropWorkspace } from './backprop-gradient.ts';
import { accumulateKernel, stepKernel } from './compiled-kernels.ts';
import { computePrefixesGeneric, mseFromMoments } from './moment-gradient.ts';
import { createMomentWorkspace, type MomentWorkspace } from './moment-workspace.ts';
import { emptyMoments, type Moments } from './moments.ts';
import type { Network } from './network.ts';
import { effectiveBatch, stepsPerEpoch, type SgdKernel } from './sgd.ts';
import type { TrainingSet } from './training-set.ts';
import { prefixView, type AfterEpoch } from './end-to-end-view.ts';
import { EpochKernel, epochKernelSupported, isXoroshiroStream, runEpochs, type EpochConfig } from './wasm-epoch.ts';
import type { Dataset } from '../data/index.ts';

/**
 * Weight decay β on every parameter ('all-parameters': torch.optim.SGD(model.parameters(), weight_decay=β), which
 * decays every tensor it is given unless parameter groups say otherwise) or on the weight matrices only
 * ('weights-only': the biases in a group with weight_decay = 0).
 */
export type BiasDecay = 'all-parameters' | 'weights-only';
export const BIAS_DECAYS: readonly BiasDecay[] = ['all-parameters', 'weights-only'];

/** Biases start at 0, or as torch.nn.Linear draws them: U(−1/√fan_in, 1/√fan_in), fan_in = n_{l−1}. */
export type BiasInit = 'zero' | 'torch-uniform';
export const BIAS_INITS: readonly BiasInit[] = ['zero', 'torch-uniform'];

/** How a network with biases is trained: which parameters are decayed, and whether the biases learn at all. */
export interface BiasTraining {
  readonly decay: BiasDecay;
  /** false: the biases are frozen where they are (their gradient is 0). */
  readonly learnBiases: boolean;
}

function requireBiases(net: Network): void {
  if (!net.shape.biases) throw new RangeError('a network with biases is needed (shape.biases = true)');
}

/** Overwrites every bias b_l by the reading, drawing from `rng` (layer by layer, unit by unit) for 'torch-uniform'. */
export function initialiseBiases(net: Network, init: BiasInit, rng: RandomStream): void {
  requireBiases(net);
  const w = net.shape.widths;
  for (let l = 1; l < w.length; l++) {
    const bo = net.biasOffset[l - 1]!;
    const bound = 1 / Math.sqrt(w[l - 1]!);
    for (let i = 0; i < w[l]!; i++) net.params[bo + i] = init === 'zero' ? 0 : bound * (2 * uniformUnit(rng) - 1);
  }
}

/** True at the parameter indices that are biases. */
export function biasMask(net: Network): Uint8Array {
  const mask = new Uint8Array(net.params.length);
  const w = net.shape.widths;
  for (let l = 1; l < w.length; l++) {
    const bo = net.biasOffset[l - 1]!;
    if (bo >= 0) mask.fill(1, bo, bo + w[l]!);
  }
  return mask;
}

/**
 * `grad` holds ∇MSE with decay on every parameter when `decayed` is 'all-parameters' (seeded into the sum, as the
 * bias-free engine does), else the bare ∇MSE: add β θ on the weights, and zero frozen biases.
 */
function finishGradient(net: Network, beta: number, training: BiasTraining, mask: Uint8Array, grad: Float64Array): void {
  const params = net.params;
  const decayWeightsHere = training.decay === 'weights-only';
  for (let k = 0; k < grad.length; k++) {
    if (mask[k] === 1) {
      if (!training.learnBiases) grad[k] = 0;
    } else if (decayWeightsHere) grad[k]! += beta * params[k]!;
  }
}

/** β seeded into the engine's gradient: all of it under 'all-parameters', none (added after) under 'weights-only'. */
const seededBeta = (beta: number, training: BiasTraining) => (training.decay === 'all-parameters' ? beta : 0);

/**
 * The fast gradient of MSE(batch) + decay from the batch's first and second moments (the net is affine: x̃ = [x; 1]
 * carries the first moments in the last row and column of Sxx and Syx). Reuses the engine's fused kernel with lr = 0.
 */
export function biasedMomentGradient(
  net: Network,
  moments: Moments,
  beta: number,
  training: BiasTraining,
  ws: MomentWorkspace,
  grad: Float64Array,
  mask: Uint8Array = biasMask(net),
): void {
  requireBiases(net);
  stepKernel(net)(net.params, moments, seededBeta(beta, training), 0, ws, grad);
  finishGradient(net, beta, training, mask, grad);
}

/** The per-sample reference: plain backpropagation over samples indices[start .. start+length). */
export function biasedBackpropGradient(
  net: Network,
  data: Dataset,
  indices: Int32Array,
  start: number,
  length: number,
  beta: number,
  training: BiasTraining,
  ws: BackpropWorkspace,
  grad: Float64Array,
  mask: Uint8Array = biasMask(net),
): void {
  requireBiases(net);
  backpropGradient(net, data, indices, start, length, seededBeta(beta, training), ws, grad);
  finishGradient(net, beta, training, mask, grad);
}

/** MSE + (β/2)|decayed θ|²: the objective whose gradient both paths compute (with learnBiases true). */
export function biasedObjective(net: Network, moments: Moments, beta: number, decay: BiasDecay): number {
  const ws = createMomentWorkspace(net);
  computePrefixesGeneric(net, ws);
  const mask = biasMask(net);
  let penalty = 0;
  for (let k = 0; k < net.params.length; k++) if (decay === 'all-parameters' || mask[k] === 0) penalty += net.params[k]! ** 2;
  return mseFromMoments(ws, moments) + 0.5 * beta * penalty;
}

export interface BiasedSgdSettings {
  readonly lr: number;
  readonly batch: number;
  readonly beta: number;
  readonly epochs: number;
  /** As SgdSettings.flushBelow: after every epoch a parameter with |θ| below this becomes 0 (default 0: never). */
  readonly flushBelow?: number;
  /** 'wasm' (default) where the WebAssembly epoch covers every setting given, else the JS loop; 'js' forces it. */
  readonly kernel?: SgdKernel;
}

/** The settings the WebAssembly epoch implements for trainBiasedSgd; any other sends the run to the JS loop. */
const WASM_SETTINGS: ReadonlySet<string> = new Set(['lr', 'batch', 'beta', 'epochs', 'flushBelow', 'kernel']);

function epochConfig(net: Network, train: TrainingSet, settings: BiasedSgdSettings, training: BiasTraining): EpochConfig {
  const n = train.data.count;
  const biasTraining = { decayBiases: training.decay === 'all-parameters', learnBiases: training.learnBiases };
  return { net, features: train.features, batch: effectiveBatch(n, settings.batch), steps: stepsPerEpoch(n, settings.batch), precision: 'float64', biasTraining };
}

/** The kernel trainBiasedSgd runs these settings on (the bias training changes only the module, never the choice). */
export function biasedSgdKernel(net: Network, train: TrainingSet, settings: BiasedSgdSettings, rng: RandomStream): SgdKernel {
  const allowed = Object.keys(settings).every((key) => WASM_SETTINGS.has(key));
  if (!allowed || (settings.kernel ?? 'wasm') !== 'wasm' || !net.shape.biases) return 'js';
  const cfg = epochConfig(net, train, settings, { decay: 'all-parameters', learnBiases: true });
  return isXoroshiroStream(rng) && epochKernelSupported(cfg) ? 'wasm' : 'js';
}

/**
 * Plain SGD on the biased network with the bias-free engine's conventions (sgd.ts): a seeded Fisher–Yates reshuffle
 * per epoch, ⌊N/B⌋ steps θ ← θ − lr (∇MSE(batch) + decay) on consecutive slices, each gradient from the batch moments.
 * With 'all-parameters' and learning biases it is trainSgd's JS loop bit for bit. Returns the epochs run.
 * Runs on the WebAssembly epoch where biasedSgdKernel allows, with the same bits as the JS loop below.
 */
export function trainBiasedSgd(
  net: Network,
  train: TrainingSet,
  settings: BiasedSgdSettings,
  training: BiasTraining,
  rng: RandomStream,
  afterEpoch?: AfterEpoch,
): number {
  requireBiases(net);
  const params = net.params;
  if (biasedSgdKernel(net, train, settings, rng) === 'wasm' && isXoroshiroStream(rng)) {
    const kernel = new EpochKernel(epochConfig(net, train, settings, training), train.features.rows, train.moments);
    return runEpochs(kernel, params, settings, rng, afterEpoch, null);
  }
  const n = train.data.count;
  const batch = effectiveBatch(n, settings.batch);
  const steps = stepsPerEpoch(n, settings.batch);
  const fullBatch = batch === n;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const grad = new Float64Array(params.length);
  const mask = biasMask(net);
  const ws = createMomentWorkspace(net);
  const batchMoments = emptyMoments(train.features.augmentedInput, train.features.outputDim);
  const step = stepKernel(net);
  const accumulate = accumulateKernel(train.features);
  const { lr, beta } = settings;
  const seeded = seededBeta(beta, training);
  const flushBelow = settings.flushBelow ?? 0;
  const view = prefixView(net);
  for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    if (!fullBatch) shuffleInPlace(rng, order);
    for (let s = 0; s < steps; s++) {
      if (!fullBatch) accumulate(train.features.rows, order, s * batch, batch, batchMoments);
      step(params, fullBatch ? train.moments : batchMoments, seeded, 0, ws, grad);
      finishGradient(net, beta, training, mask, grad);
      for (let k = 0; k < params.length; k++) params[k]! -= lr * grad[k]!;
    }
    if (flushBelow > 0) for (let k = 0; k < params.length; k++) if (Math.abs(params[k]!) < flushBelow) params[k] = 0;
    if (afterEpoch?.(epoch, view) === true) return epoch;
  }
  return settings.epochs;
}

