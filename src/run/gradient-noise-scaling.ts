import { createStream, makeTaskData, shuffleInPlace, uniformIndex } from '../data/index.ts';
import { batchGradientDeviation, createNetwork, initialiseGaussian, perSampleGradients, type BatchSampling } from '../engine/index.ts';
import type { Protocol } from '../protocols/index.ts';

// Section 2.2 / Eq. 4: "SGD mini-batch noise injects stochastic fluctuations into the gradient with covariance scaling
// as ηlr/B". The update is Δθ = −ηlr(g_B + βθ), so Cov(Δθ) = ηlr²·Cov(g_B): ηlr enters as a known factor and B is what
// has to be measured. With replacement Cov(g_B) = C/B exactly; a batch cut from a per-epoch permutation (what SGD does
// here and in the usual data loaders) is drawn without replacement, Cov(g_B) = (C/B)(N − B)/(N − 1).

export interface GradientNoiseOptions {
  /** The protocol whose data, network and initial scale are used (the random-init protocol of Section 3.1). */
  readonly protocol: Protocol;
  /** The data set and the initial weights ('init' stream) come from this seed. */
  readonly dataSeed: number;
  readonly batches: readonly number[];
  /** Mini-batches drawn per batch size and sampling. */
  readonly draws: number;
}

export interface GradientNoiseCell {
  readonly sampling: BatchSampling;
  readonly batch: number;
  /** Of q = B·|g_B − ḡ|²/tr C over the draws: E[q] = 1 with replacement, (N − B)/(N − 1) without. */
  readonly mean: number;
  readonly sd: number;
  readonly draws: number;
}

export interface GradientNoiseReport {
  readonly dataSeed: number;
  readonly trainCount: number;
  readonly parameterCount: number;
  /** tr C of the per-sample gradient covariance at the state (the fresh random-init weights). */
  readonly traceC: number;
  readonly cells: GradientNoiseCell[];
}

const SAMPLINGS: readonly BatchSampling[] = ['epoch-permutation', 'with-replacement'];

export function gradientNoiseScaling(options: GradientNoiseOptions): GradientNoiseReport {
  const p = options.protocol;
  const data = makeTaskData(p.teacher, p.data, options.dataSeed);
  const net = createNetwork(p.network);
  initialiseGaussian(net, createStream(options.dataSeed, 'init'), p.initStd);
  const { grads, mean } = perSampleGradients(net, data.train);
  const N = data.train.count;
  const D = mean.length;
  let traceC = 0;
  for (let s = 0; s < N; s++) for (let q = 0; q < D; q++) traceC += (grads[s * D + q]! - mean[q]!) ** 2 / N;
  const work = new Float64Array(D);
  const order = Int32Array.from({ length: N }, (_, i) => i);
  const cells: GradientNoiseCell[] = [];
  let setting = 0;
  for (const sampling of SAMPLINGS) {
    for (const B of options.batches) {
      // One independent stream per cell: the 'batches' stream of the data seed, jumped once more per cell.
      const rng = createStream(options.dataSeed, 'batches');
      for (let j = 0; j <= setting; j++) rng.jump();
      setting++;
      const batch = new Int32Array(B);
      let sum = 0;
      let sumSq = 0;
      for (let k = 0; k < options.draws; k++) {
        if (sampling === 'with-replacement') for (let b = 0; b < B; b++) batch[b] = uniformIndex(rng, N);
        else {
          shuffleInPlace(rng, order);
          batch.set(order.subarray(0, B));
        }
        const q = (B * batchGradientDeviation(grads, mean, batch, work)) / traceC;
        sum += q;
        sumSq += q * q;
      }
      const m = sum / options.draws;
      cells.push({ sampling, batch: B, mean: m, sd: Math.sqrt(Math.max(0, (sumSq - options.draws * m * m) / (options.draws - 1))), draws: options.draws });
    }
  }
  return { dataSeed: options.dataSeed, trainCount: N, parameterCount: D, traceC, cells };
}
