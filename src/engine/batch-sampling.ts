import { uniformIndex, type RandomStream } from '../data/index.ts';

/**
 * How mini-batches are drawn. 'epoch-permutation' (the default, the paper's): a fresh permutation every epoch,
 * cut into ⌊N/B⌋ consecutive batches, so every sample is used once an epoch. 'with-replacement': every step draws
 * its B samples i.i.d. uniformly, the sampling under which the mini-batch gradient covariance is exactly C/B
 * (Section 2.2); the epoch is still ⌊N/B⌋ steps.
 */
export type BatchSampling = 'epoch-permutation' | 'with-replacement';

/** Fills out[0 .. batch) with indices drawn uniformly and independently from [0, n): one mini-batch with replacement. */
export function drawWithReplacement(rng: RandomStream, n: number, batch: number, out: Int32Array): void {
  for (let b = 0; b < batch; b++) out[b] = uniformIndex(rng, n);
}
