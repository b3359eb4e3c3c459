import { createStream, makeTaskData, shuffleInPlace, type DataDesign, type Dataset, type TeacherSpec } from '../data/index.ts';
import {
  MetricsProbe,
  biasMask,
  biasedMomentGradient,
  cloneNetwork,
  createMomentWorkspace,
  effectiveRank,
  createNetwork,
  datasetMoments,
  endToEndMatrix,
  initialiseBiases,
  initialiseGaussian,
  layerWeights,
  matrixComplements,
  perSampleGradients,
  prepareTrainingSet,
  projectedBlockNormSquared,
  singularValues,
  symmetricEigen,
  trainBiasedSgd,
  type BiasDecay,
  type BiasInit,
  type Moments,
  type Network,
  type TrainingSet,
  prefixView,
  type EndToEndView,
} from '../engine/index.ts';
import { FirstCrossing, type EscapeRun } from '../stats/index.ts';
import { numericsOf, type Protocol } from '../protocols/index.ts';
import { midpointThreshold } from './escape-detection.ts';
import { RANK_THRESHOLD } from './run-protocol.ts';

/**
 * One reading of the paper's network with biases. Appendix A: "a deep linear network of depth L=3 (two hidden layers)
 * with hidden width w=10 and output dimension p=2, giving D=170 total parameters" — 140 weights, so D counts more than
 * the weights; the paper names no biases and no weight-decay groups, so whether β reached the biases and how they
 * started are readings.
 */
export interface BiasReading {
  readonly decay: BiasDecay;
  readonly init: BiasInit;
  /** false: biases fixed at their start (with init 'zero' this is the bias-free network, bit for bit in the gradient). */
  readonly learnBiases?: boolean;
}

export const BIAS_READINGS: Readonly<Record<string, BiasReading>> = {
  'bias-free': { decay: 'all-parameters', init: 'zero', learnBiases: false },
  'decay-all/torch-init': { decay: 'all-parameters', init: 'torch-uniform' },
  'decay-all/zero-init': { decay: 'all-parameters', init: 'zero' },
  'weights-only/torch-init': { decay: 'weights-only', init: 'torch-uniform' },
  'weights-only/zero-init': { decay: 'weights-only', init: 'zero' },
};

/** The trap protocol's settings, as golden/protocols/rank1-trap.json states them for the bias-free network. */
export interface BiasedTrapSpec {
  readonly teacher: TeacherSpec;
  readonly data: DataDesign;
  readonly widths: readonly number[];
  readonly initStd: number;
  /** Appendix A's annealing stages: SGD for epochsPerStage epochs at each β. */
  readonly checkpoint: { readonly lr: number; readonly batch: number; readonly epochsPerStage: number };
  readonly flushBelow: number;
}

/** A seed's data: train set with the augmented moments, and the test moments. */
export interface BiasedData {
  readonly train: TrainingSet;
  readonly testMoments: Moments;
}

export function biasedData(spec: BiasedTrapSpec, dataSeed: number): BiasedData {
  const { train, test } = makeTaskData(spec.teacher, spec.data, dataSeed);
  return { train: prepareTrainingSet(train, true), testMoments: datasetMoments(test, true) };
}

/** Fresh parameters: every entry N(0, initStd²) from the seed's 'init' stream, then the biases by the reading from the same stream. */
export function freshBiasedNetwork(spec: BiasedTrapSpec, seed: number, reading: BiasReading): Network {
  const net = createNetwork({ widths: spec.widths, biases: true });
  const rng = createStream(seed, 'init');
  initialiseGaussian(net, rng, spec.initStd);
  initialiseBiases(net, reading.init, rng);
  return net;
}

/**
 * Appendix A's checkpoint protocol on the biased network, as checkpoints.ts runs it bias-free: from fresh weights SGD
 * at betas[0], then at each next β; stage k draws its batches from the seed's 'checkpoint' stream jumped k times.
 * `cache` memoises chains by their β prefix (the β = 0 stage is trained once). The result is not to be changed.
 */
export function biasedCheckpoint(
  spec: BiasedTrapSpec,
  data: BiasedData,
  seed: number,
  reading: BiasReading,
  betas: readonly number[],
  cache: Map<string, Network> = new Map(),
): Network {
  const key = betas.join(',');
  const known = cache.get(key);
  if (known !== undefined) return known;
  const net =
    betas.length > 1 ? cloneNetwork(biasedCheckpoint(spec, data, seed, reading, betas.slice(0, -1), cache)) : freshBiasedNetwork(spec, seed, reading);
  const rng = createStream(seed, 'checkpoint');
  for (let skip = 0; skip < betas.length - 1; skip++) rng.jump();
  const { lr, batch, epochsPerStage } = spec.checkpoint;
  trainBiasedSgd(net, data.train, { lr, batch, beta: betas.at(-1)!, epochs: epochsPerStage, flushBelow: spec.flushBelow }, training(reading), rng);
  cache.set(key, net);
  return net;
}

const training = (reading: BiasReading) => ({ decay: reading.decay, learnBiases: reading.learnBiases ?? true });

/** Full-batch gradient descent under the reading until |∇| < tolerance or maxSteps: the escape rule's branch values. */
export function descendBiased(net: Network, data: BiasedData, beta: number, reading: BiasReading, lr: number, maxSteps: number, tolerance: number): { steps: number; gradientNorm: number } {
  const ws = createMomentWorkspace(net);
  const grad = new Float64Array(net.params.length);
  const mask = biasMask(net);
  const norm = () => {
    biasedMomentGradient(net, data.train.moments, beta, training(reading), ws, grad, mask);
    return Math.hypot(...grad);
  };
  const check = 1000;
  let steps = 0;
  let g = norm();
  while (g >= tolerance && steps < maxSteps) {
    const n = Math.min(check, maxSteps - steps);
    trainBiasedSgd(net, data.train, { lr, batch: data.train.data.count, beta, epochs: n }, training(reading), createStream(0, 'batches'));
    steps += n;
    g = norm();
  }
  return { steps, gradientNorm: g };
}

/** Mean and standard deviation of a sample. */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
}

function spread(values: readonly number[]): Spread {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/** A checkpoint's state and its mini-batch gradient noise with respect to the rank-r set. */
export interface WeakModeNoise {
  readonly rank: number;
  /** Singular values of the end-to-end linear map W_L ⋯ W_1, descending. */
  readonly singularValues: number[];
  /** σ_{r+1} of W_1 and of W_L: the residue off the rank-r set R_r = {rank W_1 ≤ r, rank W_L ≤ r}. */
  readonly residue: { readonly first: number; readonly last: number };
  /** |b_l| per layer. */
  readonly biasNorms: number[];
  /**
   * d·g_B over mini-batches, d the first-order direction of σ_{r+1}(E): d·δθ = u_{r+1}ᵀ δE v_{r+1}. Its mean is the
   * full-batch pull on the weak mode, its sd the mini-batch noise along it (no weight decay: it moves no batch).
   */
  readonly weakDrive: Spread;
  /** |P (g_B − ḡ)|² over mini-batches, P the projector onto the normal space of R_r in the W_1 and W_L blocks. */
  readonly offSetNoise: Spread;
  /** |g_B − ḡ|² over the same mini-batches: offSetNoise.mean over it is the share of the noise off R_r. */
  readonly totalNoise: Spread;
  readonly batches: number;
}

/** The (r+1)-th singular pair (u, v) of the m × n end-to-end map, from the eigenvectors of E Eᵀ and Eᵀ E (signs: uᵀE v ≥ 0). */
function weakPair(e: Float64Array, m: number, n: number, r: number): { u: Float64Array; v: Float64Array } {
  const right = new Float64Array(n * n);
  const left = new Float64Array(m * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let o = 0; o < m; o++) right[i * n + j]! += e[o * n + i]! * e[o * n + j]!;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) for (let k = 0; k < n; k++) left[i * m + j]! += e[i * n + k]! * e[j * n + k]!;
  const re = symmetricEigen(right, n);
  const le = symmetricEigen(left, m);
  const v = re.vectors.slice((n - 1 - r) * n, (n - r) * n);
  const u = le.vectors.slice((m - 1 - r) * m, (m - r) * m);
  let s = 0;
  for (let o = 0; o < m; o++) for (let j = 0; j < n; j++) s += u[o]! * e[o * n + j]! * v[j]!;
  if (s < 0) for (let o = 0; o < m; o++) u[o] = -u[o]!;
  return { u, v };
}

/** d with d·δθ = uᵀ δE v to first order, δE = Σ_l (W_L⋯W_{l+1}) δW_l (W_{l−1}⋯W_1); 0 on the biases (E is the linear part). */
function weakDirection(net: Network, u: Float64Array, v: Float64Array): Float64Array {
  const w = net.shape.widths;
  const L = w.length - 1;
  const c: Float64Array[] = [v];
  for (let l = 1; l < L; l++) c.push(matVec(layerWeights(net, l), w[l]!, w[l - 1]!, c[l - 1]!, false));
  const a: Float64Array[] = new Array(L + 1);
  a[L] = u;
  for (let l = L; l > 1; l--) a[l - 1] = matVec(layerWeights(net, l), w[l]!, w[l - 1]!, a[l]!, true);
  const d = new Float64Array(net.params.length);
  for (let l = 1; l <= L; l++) {
    const wo = net.weightOffset[l - 1]!;
    for (let i = 0; i < w[l]!; i++) for (let j = 0; j < w[l - 1]!; j++) d[wo + i * w[l - 1]! + j] = a[l]![i]! * c[l - 1]![j]!;
  }
  return d;
}

function matVec(m: Float64Array, rows: number, cols: number, x: Float64Array, transposed: boolean): Float64Array {
  const out = new Float64Array(transposed ? cols : rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
    if (transposed) out[j]! += m[i * cols + j]! * x[i]!;
    else out[i]! += m[i * cols + j]! * x[j]!;
  }
  return out;
}

/**
 * The state at a checkpoint and the noise of `batches` mini-batches of size B (each the first B of a fresh shuffle
 * from the seed's 'batches' stream, as an SGD epoch slices it) with respect to R_rank: the measurement lowRankNoise
 * makes per sample, here per batch and with biases (their gradient blocks are tangent to R_rank: free).
 */
export function weakModeNoise(net: Network, train: Dataset, rank: number, batch: number, batches: number, seed: number): WeakModeNoise {
  const w = net.shape.widths;
  const L = w.length - 1;
  const m = w[L]!;
  const n = w[0]!;
  const e = endToEndMatrix(net);
  const first = matrixComplements(layerWeights(net, 1), w[1]!, w[0]!, rank);
  const last = matrixComplements(layerWeights(net, L), w[L]!, w[L - 1]!, rank);
  const { u, v } = weakPair(e, m, n, rank);
  const d = weakDirection(net, u, v);
  const { grads, mean } = perSampleGradients(net, train);
  const D = net.params.length;
  const rng = createStream(seed, 'batches');
  const order = Int32Array.from({ length: train.count }, (_, i) => i);
  const gb = new Float64Array(D);
  const drives: number[] = [];
  const offs: number[] = [];
  const totals: number[] = [];
  for (let k = 0; k < batches; k++) {
    shuffleInPlace(rng, order);
    gb.fill(0);
    for (let b = 0; b < batch; b++) {
      const at = order[b]! * D;
      for (let p = 0; p < D; p++) gb[p]! += grads[at + p]! / batch;
    }
    let drive = 0;
    for (let p = 0; p < D; p++) drive += d[p]! * gb[p]!;
    drives.push(drive);
    let total = 0;
    for (let p = 0; p < D; p++) {
      gb[p]! -= mean[p]!;
      total += gb[p]! * gb[p]!;
    }
    totals.push(total);
    offs.push(
      projectedBlockNormSquared(gb, net.weightOffset[0]!, w[1]!, w[0]!, first.left, first.right) +
        projectedBlockNormSquared(gb, net.weightOffset[L - 1]!, w[L]!, w[L - 1]!, last.left, last.right),
    );
  }
  const biasNorms = net.biasOffset.map((bo, i) => (bo < 0 ? 0 : Math.hypot(...net.params.subarray(bo, bo + w[i + 1]!))));
  return {
    rank,
    singularValues: Array.from(singularValues(e, m, n)),
    residue: { first: first.next, last: last.next },
    biasNorms,
    weakDrive: spread(drives),
    offSetNoise: spread(offs),
    totalNoise: spread(totals),
    batches,
  };
}

/** The continued run: SGD at β from a checkpoint, and the escape rules as run-protocol.ts applies them. */
export interface BiasedEscapeSettings {
  readonly beta: number;
  readonly lr: number;
  readonly batch: number;
  readonly epochs: number;
  /** Appendix A's midpoint between the plateau's and the global minimum's test MSE. */
  readonly midpoint: number;
  /** Every σ_k of the end-to-end map is watched for its first rise above sigmaThreshold. */
  readonly sigmaThreshold: number;
  readonly flushBelow: number;
}

export interface BiasedEscape {
  readonly midpoint: EscapeRun;
  /** σ_k first above the threshold, k = 1 … the output width (index k − 1); time 0: above it at the start. */
  readonly sigma: EscapeRun[];
  /** σ of the end-to-end map at the end of the run. */
  readonly finalSingularValues: number[];
}

/**
 * SGD from `start` (not changed) with the seed's 'batches' stream; stops once every rule has fired. The start is read
 * as epoch 0, so a rule already past its threshold there reads time 0 (it does not apply), as run-protocol.ts reads it.
 */
export function biasedEscapeRun(start: Network, data: BiasedData, reading: BiasReading, s: BiasedEscapeSettings, seed: number): BiasedEscape {
  const net = cloneNetwork(start);
  const probe = new MetricsProbe(net, data.train.moments, data.testMoments);
  const mid = new FirstCrossing(s.midpoint, 'below');
  const modes = net.shape.widths.at(-1)!;
  const sigma = Array.from({ length: modes }, () => new FirstCrossing(s.sigmaThreshold, 'above'));
  const watch = (epoch: number, view: EndToEndView): boolean => {
    const m = probe.watched(view);
    mid.observe(epoch, m.testMse);
    sigma.forEach((c, k) => c.observe(epoch, m.singularValues[k] ?? 0));
    return mid.crossed && sigma.every((c) => c.crossed);
  };
  if (!watch(0, prefixView(net))) {
    trainBiasedSgd(net, data.train, { lr: s.lr, batch: s.batch, beta: s.beta, epochs: s.epochs, flushBelow: s.flushBelow }, training(reading), createStream(seed, 'batches'), watch);
  }
  return { midpoint: mid.outcome(s.epochs), sigma: sigma.map((c) => c.outcome(s.epochs)), finalSingularValues: probe.singularValues() };
}

/** Test MSE of a network on the seed's test set. */
export function biasedTestMse(net: Network, data: BiasedData): number {
  return new MetricsProbe(net, data.train.moments, data.testMoments).testMse();
}

/** The trap protocol's settings for the biased network (its network and bias settings aside). */
export function biasedTrapSpec(protocol: Protocol): BiasedTrapSpec {
  return {
    teacher: protocol.teacher,
    data: protocol.data,
    widths: protocol.network.widths,
    initStd: protocol.initStd,
    checkpoint: protocol.checkpoint,
    flushBelow: numericsOf(protocol).flushBelow,
  };
}

/** A descended copy of a network: the escape rule's branch value (Appendix A's plateau or global minimum). */
export interface BiasedBranch {
  readonly testMse: number;
  readonly singularValues: number[];
  readonly gradientNorm: number;
}

/** One trap of one seed: its checkpoint's state and noise, its branch values and its continued run. */
export interface BiasedTrapRun {
  /** The trap protocol (rank1-trap, trivial-trap) whose checkpoint and continued run this follows. */
  readonly protocol: string;
  /** The rank the checkpoint is meant to have. */
  readonly rank: number;
  /** The checkpoint has that effective rank: only then is the run a sample of escape from the trap. */
  readonly trapped: boolean;
  readonly startTestMse: number;
  readonly noise: WeakModeNoise;
  readonly plateau: BiasedBranch;
  readonly threshold: number;
  readonly escape: BiasedEscape;
}

/** One seed under one reading: the global minimum's branch values and each trap's run. */
export interface BiasedTrapRecord {
  readonly seed: number;
  readonly global: BiasedBranch;
  readonly traps: BiasedTrapRun[];
}

/**
 * Appendix A's trapping runs on the network with biases, for one seed (data drawn per seed): the β = 0 checkpoint
 * descended at the run's β is the global minimum; each trap protocol's checkpoint (0 → 0.361, 0 → 0.43) is measured —
 * σ of the end-to-end map, residue off the rank-r set, mini-batch noise along the weak mode over `batches` batches —
 * descended for its plateau value and continued at the protocol's β for its epochs with both escape rules. The traps'
 * protocols share the teacher, data, network and the first annealing stage; the first one's β is the global's.
 */
export function biasedTrapSeed(reading: BiasReading, seed: number, traps: readonly { protocol: Protocol; rank: number }[], batches: number): BiasedTrapRecord {
  const first = traps[0]!.protocol;
  const spec = biasedTrapSpec(first);
  const data = biasedData(spec, seed);
  const cache = new Map<string, Network>();
  const descended = (start: Network, p: Protocol): BiasedBranch => {
    const net = cloneNetwork(start);
    const { gradientNorm } = descendBiased(net, data, p.beta, reading, p.referenceDescent.lr, p.referenceDescent.maxSteps, p.referenceDescent.gradientTolerance);
    return { testMse: biasedTestMse(net, data), singularValues: Array.from(singularValues(endToEndMatrix(net), spec.widths.at(-1)!, spec.widths[0]!)), gradientNorm };
  };
  const global = descended(biasedCheckpoint(spec, data, seed, reading, [0], cache), first);
  const runs = traps.map(({ protocol: p, rank }): BiasedTrapRun => {
    if (p.start.kind !== 'checkpoint') throw new RangeError(`protocol ${p.name}: a trap starts from a checkpoint`);
    const start = biasedCheckpoint(spec, data, seed, reading, p.start.betas, cache);
    const noise = weakModeNoise(start, data.train.data, rank, p.batch, batches, seed);
    const plateau = descended(start, p);
    const threshold = midpointThreshold(plateau.testMse, global.testMse);
    const escape = biasedEscapeRun(start, data, reading, { beta: p.beta, lr: p.lr, batch: p.batch, epochs: p.epochs, midpoint: threshold, sigmaThreshold: p.sigmaThreshold, flushBelow: spec.flushBelow }, seed);
    const trapped = effectiveRank(noise.singularValues, RANK_THRESHOLD) === rank;
    return { protocol: p.name, rank, trapped, startTestMse: biasedTestMse(start, data), noise, plateau, threshold, escape };
  });
  return { seed, global, traps: runs };
}
