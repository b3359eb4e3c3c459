import { describe, expect, it } from 'vitest';
import { createStream, makeTaskData } from '../../src/data/index.ts';
import { drawWithReplacement } from '../../src/engine/batch-sampling.ts';
import { cloneNetwork, createNetwork, initialiseGaussian } from '../../src/engine/network.ts';
import { trainSgd } from '../../src/engine/sgd.ts';
import { prepareTrainingSet } from '../../src/engine/training-set.ts';

describe('drawWithReplacement', () => {
  it('draws in range, repeats samples within a batch, and covers them uniformly', () => {
    const rng = createStream(3, 'batches');
    const counts = new Array<number>(8).fill(0);
    const batch = new Int32Array(64);
    let repeats = 0;
    for (let t = 0; t < 500; t++) {
      drawWithReplacement(rng, 8, 64, batch);
      for (const s of batch) counts[s]!++;
      if (new Set(batch.subarray(0, 8)).size < 8) repeats++;
    }
    // 32 000 draws: each count is 4000 ± 59 (sd); 6 sd is a false-failure rate below 1e-8 per count.
    for (const c of counts) expect(Math.abs(c - 4000)).toBeLessThan(6 * Math.sqrt(32000 * (1 / 8) * (7 / 8)));
    expect(repeats).toBeGreaterThan(400);
  });
});

describe('trainSgd with sampling "with-replacement"', () => {
  const data = makeTaskData({ inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] }, { kind: 'iid', trainCount: 64, testCount: 8 }, 2);
  const train = prepareTrainingSet(data.train, false);
  const start = createNetwork({ widths: [2, 10, 10, 2], biases: false });
  initialiseGaussian(start, createStream(2, 'init'), 0.3);
  const run = (sampling: 'epoch-permutation' | 'with-replacement', batch: number, seed: number, gradientPath: 'moments' | 'backprop' = 'moments') => {
    const net = cloneNetwork(start);
    trainSgd(net, train, { lr: 0.08, batch, beta: 0.3, epochs: 20, batchSampling: sampling, gradientPath }, createStream(seed, 'batches'));
    return [...net.params];
  };

  it('is deterministic for a seed, and both gradient paths agree on it', () => {
    const a = run('with-replacement', 16, 1);
    expect(run('with-replacement', 16, 1)).toEqual(a);
    expect(run('with-replacement', 16, 2)).not.toEqual(a);
    run('with-replacement', 16, 1, 'backprop').forEach((v, k) => expect(Math.abs(v - a[k]!)).toBeLessThan(1e-12));
  });

  it('differs from the per-epoch permutation, also at B = N where the permutation is the full batch', () => {
    expect(run('with-replacement', 16, 1)).not.toEqual(run('epoch-permutation', 16, 1));
    expect(run('epoch-permutation', 64, 1)).toEqual(run('epoch-permutation', 64, 2));
    expect(run('with-replacement', 64, 1)).not.toEqual(run('with-replacement', 64, 2));
  });
});
