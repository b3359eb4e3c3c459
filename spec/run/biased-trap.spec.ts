import { describe, expect, it } from 'vitest';
import { createStream, sampleTeacher } from '../../src/data/index.ts';
import { balancedAlignedNetwork, cloneNetwork, prepareTrainingSet, datasetMoments } from '../../src/engine/index.ts';
import { BIAS_READINGS, biasedCheckpoint, biasedEscapeRun, weakModeNoise, type BiasedData, type BiasedTrapSpec } from '../../src/run/biased-trap.ts';

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

  it('reports no escape within a zero budget, and an escape as soon as a rule fires', () => {
    const start = biasedCheckpoint(spec, data, 3, reading, [0]);
    const s = { beta: 0.1, lr: 0.08, batch: 16, epochs: 0, midpoint: -1, sigmaMode: 2, sigmaThreshold: 0.2, flushBelow: 0 };
    expect(biasedEscapeRun(start, data, reading, s, 1).midpoint).toEqual({ time: 0, escaped: false });
    const run = biasedEscapeRun(start, data, reading, { ...s, epochs: 5, midpoint: 10, sigmaThreshold: -1 }, 1);
    expect(run.midpoint).toEqual({ time: 1, escaped: true });
    expect(run.sigma).toEqual({ time: 1, escaped: true });
  });
});
