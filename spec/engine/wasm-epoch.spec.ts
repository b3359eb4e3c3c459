import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZIGGURAT_STRIPS, createStream, uniformIndex, uniformUnit, zigguratWedgeAccepts, type RandomStream } from '../../src/data/index.ts';
import { cloneNetwork, type Network } from '../../src/engine/network.ts';
import { sgdKernel, trainSgd, type SgdSettings } from '../../src/engine/sgd.ts';
import { prefixView } from '../../src/engine/end-to-end-view.ts';
import type { TrainingSet } from '../../src/engine/training-set.ts';
import { EpochKernel, epochKernelSupported, epochModuleBytes, isXoroshiroStream, termsPerStep, type EpochConfig } from '../../src/engine/wasm-epoch.ts';
import { normalProblem as problem } from './normal-problem.ts';

interface Outcome {
  readonly params: Float64Array;
  readonly state: readonly number[];
  readonly epochs: number;
  /** The weights every afterEpoch call saw. */
  readonly seen: Float64Array[];
}

function train(net: Network, set: TrainingSet, settings: SgdSettings, seed: number, stopAt = Infinity): Outcome {
  const copy = cloneNetwork(net);
  const rng = createStream(seed, 'batches');
  const seen: Float64Array[] = [];
  const epochs = trainSgd(copy, set, settings, rng, (epoch) => {
    seen.push(Float64Array.from(copy.params));
    return epoch >= stopAt;
  });
  return { params: copy.params, state: rng.getState(), epochs, seen };
}

/** Depths 2–5: widths, biases, N and B (odd and even widths, input and output dimensions). */
const SHAPES: readonly (readonly [number[], boolean, number, number])[] = [
  [[1, 1, 1], false, 9, 2],
  [[3, 4, 1], true, 50, 7],
  [[2, 7, 3, 5], true, 33, 5],
  [[5, 3, 6, 2, 3], false, 40, 3],
  [[4, 6, 5, 7, 3, 2], true, 64, 16],
  [[3, 17, 2], false, 20, 6],
];

/** (N, B): a batch of N, one above N, and two that do not divide N. */
const SIZES = [
  [40, 40],
  [25, 64],
  [37, 36],
  [100, 33],
] as const;

const bits = (a: Float64Array) => [...new Uint32Array(a.buffer, a.byteOffset, a.length * 2)];

/** Runs the same training on both kernels (asserting the WebAssembly one is really taken) and compares every bit. */
function expectSameBits(net: Network, set: TrainingSet, settings: SgdSettings, seed = 7, stopAt = Infinity): Outcome {
  expect(sgdKernel(net, set, settings, createStream(seed, 'batches'))).toBe('wasm');
  const wasm = train(net, set, settings, seed, stopAt);
  const js = train(net, set, { ...settings, kernel: 'js' }, seed, stopAt);
  expect(wasm.epochs).toBe(js.epochs);
  expect(wasm.state).toEqual(js.state);
  expect(bits(wasm.params)).toEqual(bits(js.params));
  expect(wasm.seen.map(bits)).toEqual(js.seen.map(bits));
  return wasm;
}

/** Weights, epochs run and stream state of a run whose afterEpoch sets a weight at epoch 3 and stops at epoch 6. */
function editedMidRun(net: Network, set: TrainingSet, settings: SgdSettings, kernel: 'wasm' | 'js') {
  const copy = cloneNetwork(net);
  const rng = createStream(3, 'batches');
  const epochs = trainSgd(copy, set, { ...settings, kernel }, rng, (epoch) => {
    if (epoch === 3) copy.params[0] = 0.25;
    return epoch === 6;
  });
  return { epochs, params: bits(copy.params), state: rng.getState() };
}

/** expectSameBits on random shapes, data (seeded), batch sizes and a variant's settings (property, 40 runs). */
function sameBitsOnRandomProblems<V>(variants: readonly V[], settingsOf: (variant: V, seed: number) => Partial<SgdSettings>): void {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 3, maxLength: 6 }),
      fc.boolean(),
      fc.integer({ min: 1, max: 40 }),
      fc.integer({ min: 1, max: 48 }),
      fc.constantFrom(...variants),
      fc.integer({ min: 0, max: 1000 }),
      (widths, biases, count, batch, variant, seed) => {
        const { net, train: set } = problem(widths, biases, count, seed);
        expectSameBits(net, set, { lr: 0.03, beta: 0.05, batch, epochs: 5, flushBelow: 1e-300, ...settingsOf(variant, seed) }, seed);
      },
    ),
    { numRuns: 40 },
  );
}

function kernelFor(seed: number): { kernel: EpochKernel; rng: RandomStream } {
  const { net, train: set } = problem([2, 3, 2], false, 8);
  const cfg: EpochConfig = { net, features: set.features, batch: 4, steps: 2, precision: 'float64' };
  const kernel = new EpochKernel(cfg, set.features.rows, set.moments);
  const rng = createStream(seed, 'batches');
  if (!isXoroshiroStream(rng)) throw new Error('createStream is no longer pure-rand xoroshiro128+');
  kernel.takeStream(rng);
  return { kernel, rng };
}

describe('the WebAssembly xoroshiro128+', () => {
  it("follows pure-rand's stream output for output and hands its state back", () => {
    for (const seed of [0, 42, 2 ** 40 + 3]) {
      const { kernel, rng } = kernelFor(seed);
      const reference = rng.clone();
      const draws = (next: () => number) => Array.from({ length: 20_000 }, next);
      expect(draws(kernel.next)).toEqual(draws(() => reference.next()));
      if (!isXoroshiroStream(rng)) throw new Error('unreachable');
      kernel.giveStream(rng);
      expect(rng.getState()).toEqual(reference.getState());
    }
  });

  it('draws the bounded indices of uniformIndex, rejections included', () => {
    // n near 2^21 and n = 3·2^20 reject often enough to be exercised within these draws.
    for (const n of [1, 2, 3, 7, 512, 1000, 3 << 20, (1 << 21) - 1, 1 << 21]) {
      const { kernel, rng } = kernelFor(n);
      const reference = rng.clone();
      const draws = (index: () => number) => Array.from({ length: 2000 }, index);
      expect(draws(() => kernel.uniformIndex(n))).toEqual(draws(() => uniformIndex(reference, n)));
      expect(kernel.next()).toBe(reference.next());
    }
  });

  it('is recognised only on a pure-rand xoroshiro128+ with int32 state words', () => {
    const rng = createStream(1, 'batches');
    expect(isXoroshiroStream(rng)).toBe(true);
    const wrapped: RandomStream = { next: () => rng.next(), getState: () => rng.getState(), clone: () => rng.clone(), jump: () => rng.jump() };
    expect(isXoroshiroStream(wrapped)).toBe(false);
  });
});

describe('the WebAssembly ziggurat', () => {
  const { edges, ratios } = ZIGGURAT_STRIPS;
  const { kernel } = kernelFor(1);
  const same = (strip: number, x: number, uniform: number) => expect([strip, x, uniform, kernel.wedgeAccepts(strip, x, uniform)]).toEqual([strip, x, uniform, zigguratWedgeAccepts(strip, x, uniform) ? 1 : 0]);
  /** The f64 `steps` ulps above (below, for negative steps) a positive `value`. */
  const ulpsAway = (value: number, steps: number) => new Float64Array(new BigInt64Array([new BigInt64Array(new Float64Array([value]).buffer)[0]! + BigInt(steps)]).buffer)[0]!;

  it('decides the wedge as zigguratWedgeAccepts: draws outside every strip, and uniforms within ulps of the boundary (where Math.exp decides)', () => {
    const rng = createStream(5, 'langevin');
    for (let strip = 1; strip < ratios.length; strip++) {
      for (let t = 0; t < 200; t++) {
        const u = (ratios[strip]! + uniformUnit(rng) * (1 - ratios[strip]!)) * (t % 2 === 0 ? 1 : -1);
        const x = u * edges[strip]!;
        same(strip, x, uniformUnit(rng));
        if (t % 20 === 0) {
          // f1 + U (f0 − f1) = 1 at U*: the bounds cannot decide within ulps of it.
          const f0 = Math.exp(-0.5 * (edges[strip]! * edges[strip]! - x * x));
          const f1 = Math.exp(-0.5 * (edges[strip + 1]! * edges[strip + 1]! - x * x));
          const boundary = (f1 - 1) / (f1 - f0);
          if (boundary > 0 && boundary < 1) for (let d = -3; d <= 3; d++) same(strip, x, ulpsAway(boundary, d));
        }
      }
    }
  });
});

describe('epochModuleBytes', () => {
  it('is a pure function of the configuration and validates', () => {
    const { net, train: set } = problem([3, 5, 4, 2], true, 30);
    const cfg: EpochConfig = { net, features: set.features, batch: 7, steps: 4, precision: 'float32' };
    const bytes = epochModuleBytes(cfg);
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect([...epochModuleBytes({ ...cfg, net: cloneNetwork(net) })]).toEqual([...bytes]);
  });

  it('leaves shapes whose straight-line step would be huge to the JS kernels', () => {
    const { net, train: set } = problem([2, 200, 200, 2], false, 4);
    const cfg: EpochConfig = { net, features: set.features, batch: 2, steps: 2, precision: 'float64' };
    expect(termsPerStep(cfg)).toBeGreaterThan(40_000);
    expect(epochKernelSupported(cfg)).toBe(false);
    expect(sgdKernel(net, set, { lr: 0.01, batch: 2, beta: 0, epochs: 1 }, createStream(1, 'batches'))).toBe('js');
  });
});

describe('trainSgd on the WebAssembly epoch, bit for bit against the JS kernels', () => {
  const base = { lr: 0.05, beta: 0.1, epochs: 40, flushBelow: 1e-300 };

  it("the paper's network (Appendix A: 2 → 10 → 10 → 2, N = 512, B = 64), float64 and float32", () => {
    const { net, train: set } = problem([2, 10, 10, 2], false, 512);
    expectSameBits(net, set, { ...base, lr: 0.08, beta: 0.32, batch: 64 });
    expectSameBits(net, set, { ...base, lr: 0.08, beta: 0.32, batch: 64, precision: 'float32' });
  });

  it('depths 2–5, odd and even widths, input and output dimensions, with and without biases', () => {
    for (const [widths, biases, count, batch] of SHAPES) {
      const { net, train: set } = problem(widths, biases, count);
      expectSameBits(net, set, { ...base, batch });
      expectSameBits(net, set, { ...base, batch, precision: 'float32' });
    }
  });

  it('a batch of N or more (one full-batch step, the stream untouched) and one that does not divide N', () => {
    for (const [count, batch] of SIZES) {
      const { net, train: set } = problem([2, 5, 4, 2], true, count);
      const out = expectSameBits(net, set, { ...base, batch });
      if (batch >= count) expect(out.state).toEqual(createStream(7, 'batches').getState());
    }
  });

  it('a β that drives every weight below the flush level (no biases: the output bias would learn the mean), and an afterEpoch that changes the weights and stops', () => {
    const { net, train: set } = problem([2, 6, 3], false, 30);
    const out = expectSameBits(net, set, { lr: 0.1, beta: 5, batch: 8, epochs: 600, flushBelow: 1e-300 });
    expect(out.params.every((v) => Object.is(v, 0))).toBe(true);
    expect(editedMidRun(net, set, { ...base, batch: 8 }, 'wasm')).toEqual(editedMidRun(net, set, { ...base, batch: 8 }, 'js'));
  });

  it('random shapes, data, batch sizes and precision (property)', () => {
    sameBitsOnRandomProblems(['float64', 'float32'] as const, (precision) => ({ precision }));
  });

  it('SGLD over 10^5 normals (about 3000 wedge and 70 tail draws): every epoch the same bits', () => {
    const { net, train: set } = problem([2, 10, 10, 2], false, 512);
    expectSameBits(net, set, { lr: 0.08, beta: 0.32, batch: 64, epochs: 100, flushBelow: 1e-300, langevin: { temperature: 0.05, seed: 3 } });
  });

  it('a long run: 10^5 steps of 2 → 10 → 10 → 2 at B = 4', () => {
    const { net, train: set } = problem([2, 10, 10, 2], false, 512);
    const settings = { lr: 0.02, beta: 0.05, batch: 4, epochs: 800, flushBelow: 1e-300 };
    expect(sgdKernel(net, set, settings, createStream(7, 'batches'))).toBe('wasm');
    const wasm = cloneNetwork(net);
    const js = cloneNetwork(net);
    const rw = createStream(7, 'batches');
    const rj = createStream(7, 'batches');
    trainSgd(wasm, set, settings, rw);
    trainSgd(js, set, { ...settings, kernel: 'js' }, rj);
    expect(800 * 128).toBeGreaterThanOrEqual(1e5);
    expect(rw.getState()).toEqual(rj.getState());
    expect(bits(wasm.params)).toEqual(bits(js.params));
  });
});

describe('trainSgd with batches drawn with replacement on the WebAssembly epoch, bit for bit against the JS loop', () => {
  const base = { lr: 0.05, beta: 0.1, epochs: 30, flushBelow: 1e-300, batchSampling: 'with-replacement' as const };
  const kick = { temperature: 0.02, seed: 11 };

  it("the paper's network (2 → 10 → 10 → 2, N = 512, B = 64): float64, float32, and float64 with the Langevin kick", () => {
    const { net, train: set } = problem([2, 10, 10, 2], false, 512);
    const settings = { ...base, lr: 0.08, beta: 0.32, batch: 64 };
    expectSameBits(net, set, settings);
    expectSameBits(net, set, { ...settings, precision: 'float32' });
    expectSameBits(net, set, { ...settings, langevin: kick });
  });

  it('depths 2–5, odd and even widths, with and without biases and the kick', () => {
    for (const [widths, biases, count, batch] of SHAPES) {
      const { net, train: set } = problem(widths, biases, count);
      expectSameBits(net, set, { ...base, batch });
      expectSameBits(net, set, { ...base, batch, precision: 'float32' });
      expectSameBits(net, set, { ...base, batch, langevin: kick });
    }
  });

  it('a batch of N or more (one step of N draws an epoch, never the full moments) and one that does not divide N', () => {
    for (const [count, batch] of [...SIZES, [1, 4] as const]) {
      const { net, train: set } = problem([2, 5, 4, 2], true, count);
      const out = expectSameBits(net, set, { ...base, batch });
      // Every epoch draws its batches, even when one batch is the whole set: the stream moves.
      if (count > 1) expect(out.state).not.toEqual(createStream(7, 'batches').getState());
      expectSameBits(net, set, { ...base, batch, langevin: kick });
    }
  });

  it('an afterEpoch that changes the weights and stops', () => {
    const { net, train: set } = problem([2, 6, 3], false, 30);
    expect(sgdKernel(net, set, { ...base, batch: 8 }, createStream(3, 'batches'))).toBe('wasm');
    expect(editedMidRun(net, set, { ...base, batch: 8 }, 'wasm')).toEqual(editedMidRun(net, set, { ...base, batch: 8 }, 'js'));
    expectSameBits(net, set, { ...base, batch: 8, epochs: 20 }, 3, 6);
  });

  it('random shapes, data, batch sizes, precision and kick (property)', () => {
    sameBitsOnRandomProblems(['float64', 'float32', 'kick'] as const, (variant, seed) => ({
      batchSampling: 'with-replacement',
      ...(variant === 'kick' ? { langevin: { temperature: 0.01, seed } } : { precision: variant }),
    }));
  });
});

describe('the end-to-end map a run watches, read from the WebAssembly module', () => {
  it('is the JS prefixes of the same weights, bit for bit, every epoch, on any layout with or without biases', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 3, maxLength: 5 }),
        fc.boolean(),
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 0, max: 1000 }),
        (widths, biases, count, seed) => {
          const { net, train: set } = problem(widths, biases, count, seed);
          const settings: SgdSettings = { lr: 0.03, beta: 0.05, batch: Math.max(1, count >> 1), epochs: 4 };
          fc.pre(sgdKernel(net, set, settings, createStream(seed, 'batches')) === 'wasm');
          const copy = cloneNetwork(net);
          const js = prefixView(copy);
          trainSgd(copy, set, settings, createStream(seed, 'batches'), (_, view) => {
            // The weights were copied out for the watch: the JS prefixes of them are the module's, bit for bit.
            expect(bits(view.endToEndT())).toEqual(bits(js.endToEndT()));
          });
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });
});
