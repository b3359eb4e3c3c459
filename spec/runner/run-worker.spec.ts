import { describe, expect, it } from 'vitest';
import { deterministicPart, runProtocol } from '../../src/run/run-protocol.ts';
import runTask from '../../src/runner/run-worker.ts';
import { tinyProtocol } from '../run/tiny-protocol.ts';

describe('runTask', () => {
  it('runs the task it is given', () => {
    const p = tinyProtocol('random-init');
    const record = runTask({ protocol: p, seed: 5, overrides: { epochs: 3 }, cacheDir: null });
    expect(deterministicPart(record)).toEqual(deterministicPart(runProtocol(p, 5, { epochs: 3 }).record));
  });
});
