import { describe, expect, it } from 'vitest';
import { PHASE_DIAGRAM_FILE } from '../../src/protocols/index.ts';
import { learningPlateaus, stagedProtocol } from '../../src/run/staged-transitions.ts';

const protocol = { ...stagedProtocol(PHASE_DIAGRAM_FILE.settings, [0.9, 0.6, 0.3]), data: { kind: 'iid' as const, trainCount: 128, testCount: 16 } };

describe('stagedProtocol', () => {
  it('puts d features on a d → 10 → 10 → d network of the base depth', () => {
    expect(protocol.teacher).toEqual({ inputDim: 3, outputDim: 3, singularValues: [0.9, 0.6, 0.3] });
    expect(protocol.network.widths).toEqual([3, 10, 10, 3]);
  });
});

describe('learningPlateaus', () => {
  it('learns the modes from a small start one at a time, strongest first, and is deterministic', () => {
    const settings = { initStd: 0.05, lr: 0.1, batch: 128, beta: 0, epochs: 600, sampling: 'epoch-permutation' as const, learnedAbove: 0.05 };
    const a = learningPlateaus(protocol, 3, settings, 1);
    const rises = a.riseEpochs.map((t) => t ?? Infinity);
    expect(rises[0]).toBeLessThan(rises[1]!);
    expect(rises[1]).toBeLessThan(rises[2]!);
    expect(a.trace).toHaveLength(600);
    expect(learningPlateaus(protocol, 3, settings, 1).riseEpochs).toEqual(a.riseEpochs);
    expect(learningPlateaus(protocol, 3, { ...settings, epochs: 5 }, 1).riseEpochs).toEqual([null, null, null]);
  });
});
