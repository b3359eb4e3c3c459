import { describe, expect, it } from 'vitest';
import { createStream, sampleTeacher } from '../../src/data/index.ts';
import { balancedAlignedNetwork, cloneNetwork, effectiveRank, prepareTrainingSet, datasetMoments } from '../../src/engine/index.ts';
import { PROTOCOLS, type Protocol } from '../../src/protocols/index.ts';
import { RANK_THRESHOLD } from '../../src/run/run-protocol.ts';
import { BIAS_READINGS, biasedCheckpoint, biasedEscapeRun, biasedTrapSeed, weakModeNoise, type BiasedData, type BiasedTrapSpec } from '../../src/run/biased-trap.ts';

const teacher = { inputDim: 2, outputDim: 2, singularValues: [0.9, 0.8] };
const train = sampleTeacher(createStream(7, 'data'), teacher, 128);
const shape = { widths: [2, 5, 5, 2], biases: true };

describe('weakModeNoise', () => {
  it('is exactly 0 off the rank-1 set at an aligned rank-1 state with zero biases, and not with a hidden bias off it', () => {
    const net = balancedAlignedNetwork(shape, [0.5]);
    const clean = weakModeNoise(net, train, 1, 16, 200, 1);
    expect(clean.singularValues[1]).toBe(0);
    expect(clean.residue).toEqual({ first: 0, last: 0 });
    expect(clean.offSetNoise.mean).toBeLessThan(1e-30);
    expect(Math.abs(clean.weakDrive.mean) + clean.weakDrive.sd).toBeLessThan(1e-15);
    const biased = cloneNetwork(net);
    biased.params[biased.biasOffset[1]! + 3] = 0.3;
    const open = weakModeNoise(biased, train, 1, 16, 200, 1);
    expect(open.offSetNoise.mean).toBeGreaterThan(1e-4);
    // The first-order pull on σ2 stays 0: the bias moves no weight off rank 1, only its gradient noise is off the set.
    expect(Math.abs(open.weakDrive.mean) + open.weakDrive.sd).toBeLessThan(1e-15);
  });

  it('a different seed draws different batches, the same seed the same', () => {
    const net = balancedAlignedNetwork(shape, [0.5]);
    net.params[net.biasOffset[1]! + 3] = 0.3;
    const a = weakModeNoise(net, train, 1, 16, 50, 1);
    expect(weakModeNoise(net, train, 1, 16, 50, 1)).toEqual(a);
    expect(weakModeNoise(net, train, 1, 16, 50, 2).offSetNoise.mean).not.toBe(a.offSetNoise.mean);
  });
});

describe('biasedCheckpoint and biasedEscapeRun', () => {
  const spec: BiasedTrapSpec = {
    teacher,
    data: { kind: 'iid', trainCount: 128, testCount: 128 },
    widths: [2, 5, 5, 2],
    initStd: 0.3,
    checkpoint: { lr: 0.08, batch: 16, epochsPerStage: 40 },
    flushBelow: 1e-300,
  };
  const test = sampleTeacher(createStream(8, 'data'), teacher, 128);
  const data: BiasedData = { train: prepareTrainingSet(train, true), testMoments: datasetMoments(test, true) };
  const reading = BIAS_READINGS['weights-only/torch-init']!;

  it('a cached β prefix gives the same chain as training it afresh', () => {
    const cache = new Map();
    biasedCheckpoint(spec, data, 3, reading, [0], cache);
    const viaCache = biasedCheckpoint(spec, data, 3, reading, [0, 0.4], cache);
    expect(Array.from(biasedCheckpoint(spec, data, 3, reading, [0, 0.4]).params)).toEqual(Array.from(viaCache.params));
  });

  it('reports no escape within a zero budget, and a rule past its threshold at the start at time 0', () => {
    const start = biasedCheckpoint(spec, data, 3, reading, [0]);
    const s = { beta: 0.1, lr: 0.08, batch: 16, epochs: 0, midpoint: -1, sigmaThreshold: 2, flushBelow: 0 };
    const none = biasedEscapeRun(start, data, reading, s, 1);
    expect(none.midpoint).toEqual({ time: 0, escaped: false });
    expect(none.sigma).toEqual([{ time: 0, escaped: false }, { time: 0, escaped: false }]);
    const already = biasedEscapeRun(start, data, reading, { ...s, epochs: 5, midpoint: 10, sigmaThreshold: -1 }, 1);
    expect(already.midpoint).toEqual({ time: 0, escaped: true });
    expect(already.sigma).toEqual([{ time: 0, escaped: true }, { time: 0, escaped: true }]);
  });

  it('watches every σ_k: the first crossings come in order of the modes, σ1 first, from a zero start', () => {
    const zero = cloneNetwork(biasedCheckpoint(spec, data, 3, reading, [0]));
    // A small random start near the origin: both modes grow at β = 0 and the strong one first.
    for (let l = 0; l < zero.weightOffset.length; l++) {
      const from = zero.weightOffset[l]!;
      const to = from + spec.widths[l]! * spec.widths[l + 1]!;
      for (let i = from; i < to; i++) zero.params[i] = zero.params[i]! * 0.1;
    }
    const run = biasedEscapeRun(zero, data, reading, { beta: 0, lr: 0.08, batch: 16, epochs: 400, midpoint: -1, sigmaThreshold: 0.2, flushBelow: 0 }, 1);
    expect(run.sigma.every((r) => r.escaped)).toBe(true);
    expect(run.sigma[0]!.time).toBeLessThanOrEqual(run.sigma[1]!.time);
    expect(run.sigma[0]!.time).toBeGreaterThan(0);
  });
});

describe('biasedTrapSeed', () => {
  const base = PROTOCOLS['rank1-trap'];
  const small = (name: 'rank1-trap' | 'trivial-trap', betas: number[]): Protocol => ({
    ...PROTOCOLS[name],
    data: { kind: 'iid', trainCount: 128, testCount: 128 },
    network: { widths: [2, 5, 5, 2], biases: false },
    epochs: 30,
    start: { kind: 'checkpoint', betas },
    checkpoint: { ...base.checkpoint, epochsPerStage: 60 },
    referenceDescent: { ...base.referenceDescent, maxSteps: 5000 },
  });
  const traps = [
    { protocol: small('rank1-trap', [0, 0.361]), rank: 1 },
    { protocol: small('trivial-trap', [0, 0.43]), rank: 0 },
  ];

  it('is a pure function of its inputs: the same seed gives the same record, bit for bit', () => {
    const a = biasedTrapSeed(BIAS_READINGS['weights-only/torch-init']!, 5, traps, 20);
    expect(biasedTrapSeed(BIAS_READINGS['weights-only/torch-init']!, 5, traps, 20)).toEqual(a);
    expect(a.traps.map((t) => [t.protocol, t.rank])).toEqual([['rank1-trap', 1], ['trivial-trap', 0]]);
    expect(a.traps[1]!.threshold).toBe((a.traps[1]!.plateau.testMse + a.global.testMse) / 2);
  });

  it('counts a trap only where its checkpoint has the intended rank', () => {
    const r = biasedTrapSeed(BIAS_READINGS['decay-all/torch-init']!, 5, traps, 20);
    for (const t of r.traps) expect(t.trapped).toBe(effectiveRank(t.noise.singularValues, RANK_THRESHOLD) === t.rank);
  });
});
