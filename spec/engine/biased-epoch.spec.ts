import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../../src/data/index.ts';
import { BIAS_DECAYS, biasedSgdKernel, initialiseBiases, trainBiasedSgd, type BiasedSgdSettings, type BiasTraining } from '../../src/engine/biased-network.ts';
import { cloneNetwork, type Network } from '../../src/engine/network.ts';
import type { TrainingSet } from '../../src/engine/training-set.ts';
import { normalProblem } from './normal-problem.ts';

/**
 * normalProblem's network with biases, its biases drawn as torch.nn.Linear draws them; `zeros`: every third parameter
 * set to +0 or −0 (as a trap's exact zeros), where only the sign of a zero tells the two paths apart.
 */
function problem(widths: number[], count: number, seed = 1, zeros = false): { net: Network; train: TrainingSet } {
  const out = normalProblem(widths, true, count, seed);
  initialiseBiases(out.net, 'torch-uniform', createStream(seed, 'init'));
  if (zeros) for (let k = 0; k < out.net.params.length; k += 3) out.net.params[k] = k % 2 === 0 ? -0 : 0;
  return out;
}

const bits = (a: Float64Array) => [...new Uint32Array(a.buffer, a.byteOffset, a.length * 2)];

/** Every bias training: both decays, learning and frozen biases. */
const TRAININGS: readonly BiasTraining[] = BIAS_DECAYS.flatMap((decay) => [true, false].map((learnBiases) => ({ decay, learnBiases })));

/** Weights and biases after training, the stream's state, the epochs run and the parameters every afterEpoch saw. */
function train(net: Network, set: TrainingSet, settings: BiasedSgdSettings, training: BiasTraining, seed: number, stopAt: number) {
  const copy = cloneNetwork(net);
  const rng = createStream(seed, 'batches');
  const seen: number[][] = [];
  const epochs = trainBiasedSgd(copy, set, settings, training, rng, (epoch) => {
    seen.push(bits(copy.params));
    return epoch >= stopAt;
  });
  return { params: bits(copy.params), state: rng.getState(), epochs, seen };
}

/** The same run on both kernels, asserting that the WebAssembly epoch is really taken: every bit the same. */
function expectSameBits(net: Network, set: TrainingSet, settings: BiasedSgdSettings, training: BiasTraining, seed = 7, stopAt = Infinity) {
  expect(biasedSgdKernel(net, set, settings, createStream(seed, 'batches'))).toBe('wasm');
  const wasm = train(net, set, settings, training, seed, stopAt);
  const js = train(net, set, { ...settings, kernel: 'js' }, training, seed, stopAt);
  expect(wasm).toEqual(js);
  return wasm;
}

/** Depths 2–4: widths, N and B (odd and even widths, input and output dimensions; B dividing N or not). */
const SHAPES: readonly (readonly [number[], number, number])[] = [
  [[1, 1, 1], 9, 2],
  [[3, 4, 1], 50, 7],
  [[2, 7, 3, 5], 33, 5],
  [[5, 3, 6, 2, 3], 40, 3],
  [[2, 10, 10, 2], 100, 16],
];

describe('trainBiasedSgd on the WebAssembly epoch, bit for bit against its JS loop', () => {
  const base = { lr: 0.05, beta: 0.1, epochs: 12, flushBelow: 1e-300 };

  it("the paper's network with biases (2 → 10 → 10 → 2, N = 512, B = 64): both decays, learning and frozen biases", () => {
    const { net, train: set } = problem([2, 10, 10, 2], 512);
    for (const training of TRAININGS) expectSameBits(net, set, { ...base, lr: 0.08, beta: 0.32, batch: 64 }, training);
  });

  it('depths 2–4, odd and even widths, input and output dimensions, ragged batches; exact zeros of either sign', () => {
    for (const [widths, count, batch] of SHAPES) {
      for (const zeros of [false, true]) {
        const { net, train: set } = problem(widths, count, 1, zeros);
        // No flush with the zeros: it would turn every −0 into +0 after the first epoch.
        for (const training of TRAININGS) expectSameBits(net, set, { ...base, batch, flushBelow: zeros ? 0 : base.flushBelow }, training);
      }
    }
  });

  it('a batch of N or more (one full-batch step a epoch, the stream untouched)', () => {
    for (const [count, batch] of [[40, 40], [25, 64]] as const) {
      const { net, train: set } = problem([2, 5, 4, 2], count);
      for (const training of TRAININGS) {
        const out = expectSameBits(net, set, { ...base, batch }, training);
        expect(out.state).toEqual(createStream(7, 'batches').getState());
      }
    }
  });

  it('a β that flushes every decayed parameter, and an afterEpoch that stops early', () => {
    const { net, train: set } = problem([2, 6, 3], 30);
    for (const training of TRAININGS) {
      expectSameBits(net, set, { lr: 0.1, beta: 5, batch: 8, epochs: 400, flushBelow: 1e-300 }, training);
      const out = expectSameBits(net, set, { ...base, batch: 8 }, training, 3, 5);
      expect(out.epochs).toBe(5);
      expect(out.seen).toHaveLength(5);
    }
  });

  it('an afterEpoch that changes a weight and a bias, then stops', () => {
    const { net, train: set } = problem([2, 5, 3, 2], 40);
    const bias = net.biasOffset[1]!;
    const run = (training: BiasTraining, kernel: 'wasm' | 'js') => {
      const copy = cloneNetwork(net);
      const rng = createStream(3, 'batches');
      const epochs = trainBiasedSgd(copy, set, { ...base, batch: 6, kernel }, training, rng, (epoch) => {
        if (epoch === 3) copy.params[0] = copy.params[bias] = 0.25;
        return epoch === 6;
      });
      return { epochs, params: bits(copy.params), state: rng.getState() };
    };
    expect(biasedSgdKernel(net, set, { ...base, batch: 6 }, createStream(3, 'batches'))).toBe('wasm');
    for (const training of TRAININGS) expect(run(training, 'wasm')).toEqual(run(training, 'js'));
  });

  it('random shapes of depth 2–4, data, batch sizes, zeros and bias trainings (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 5 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 48 }),
        fc.constantFrom(...TRAININGS),
        fc.boolean(),
        fc.integer({ min: 0, max: 1000 }),
        (widths, count, batch, training, zeros, seed) => {
          const { net, train: set } = problem(widths, count, seed, zeros);
          expectSameBits(net, set, { lr: 0.03, beta: 0.05, batch, epochs: 5, flushBelow: zeros ? 0 : 1e-300 }, training, seed, 4);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('settings the WebAssembly epoch does not implement, and the kernel forced, stay on the JS loop', () => {
    const { net, train: set } = problem([2, 4, 2], 20);
    const rng = createStream(1, 'batches');
    expect(biasedSgdKernel(net, set, { ...base, batch: 4, kernel: 'js' }, rng)).toBe('js');
    expect(biasedSgdKernel(net, set, { ...base, batch: 4, ...{ precision: 'float32' } }, rng)).toBe('js');
  });
});
