import { describe, expect, it } from 'vitest';
import { deterministicPart, runProtocol } from '../../src/experiments/run-protocol.ts';
import runTask from '../../src/experiments/run-worker.ts';
import { tinyProtocol } from './tiny-protocol.ts';

describe('runTask', () => {
  it('runs the task it is given', () => {
    const p = tinyProtocol('random-init');
    const record = runTask({ protocol: p, seed: 5, overrides: { epochs: 3 }, cacheDir: null });
    expect(deterministicPart(record)).toEqual(deterministicPart(runProtocol(p, 5, { epochs: 3 }).record));
  });
});
