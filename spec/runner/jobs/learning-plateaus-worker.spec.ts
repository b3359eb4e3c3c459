import { describe, expect, it } from 'vitest';
import { PHASE_DIAGRAM_FILE } from '../../../src/protocols/index.ts';
import { learningPlateaus, stagedProtocol } from '../../../src/run/index.ts';
import plateauTask from '../../../src/runner/jobs/learning-plateaus-worker.ts';

describe('a learning-plateau task', () => {
  it('is the run of src/run/staged-transitions.ts with the data seed as its SGD seed', () => {
    const protocol = stagedProtocol(PHASE_DIAGRAM_FILE.settings, [0.9, 0.6]);
    const settings = { initStd: 0.04, lr: 0.08, batch: 64, beta: 0, epochs: 30, sampling: 'epoch-permutation' as const, learnedAbove: 0.1, traceEvery: 10 };
    const { result: run } = plateauTask({ protocol, settings, dataSeed: 44 });
    expect(run).toEqual(learningPlateaus(protocol, 44, settings, 44));
    expect(run.trace).toHaveLength(3);
    expect(run.sampleSigma).toHaveLength(2);
  });
});
