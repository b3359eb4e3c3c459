import { describe, expect, it } from 'vitest';
import { deterministicPart, runProtocol } from '../../src/run/run-protocol.ts';
import { tinyProtocol } from './tiny-protocol.ts';

describe('runProtocol', () => {
  it('gives bit-identical records (minus timing) for the same seed, different ones for another', () => {
    const p = tinyProtocol('rank1-trap');
    const a = runProtocol(p, 42).record;
    const b = runProtocol(p, 42).record;
    const c = runProtocol(p, 43).record;
    expect(deterministicPart(a)).toEqual(deterministicPart(b));
    expect(JSON.stringify(deterministicPart(a))).toBe(JSON.stringify(deterministicPart(b)));
    expect(deterministicPart(c)).not.toEqual(deterministicPart(a));
    expect(a.stepsPerSecond).toBeGreaterThan(0);
  });

  it('reports escape epochs consistent with its own trace', () => {
    const p = tinyProtocol('random-init');
    const { record, trace } = runProtocol(p, 7, {}, { trace: true });
    expect(trace).toHaveLength(p.epochs + 1);
    const mid = record.escape.testMseMidpoint;
    const expected = trace!.find((row) => row.testMse < mid.threshold)?.epoch ?? null;
    expect(mid.epoch).toBe(expected);
    expect(record.trapped).toBe(mid.trapped);
    expect(record.escapeEpoch).toBe(mid.trapped ? mid.epoch : null);
    const sigma = trace!.find((row) => row.singularValues[1]! > p.sigmaThreshold)?.epoch ?? null;
    expect(record.escape.sigma.epoch).toBe(sigma);
    expect(mid.threshold).toBeCloseTo((mid.plateau.testMse + mid.globalMinimum.testMse) / 2, 15);
    expect(record.final.testMse).toBe(trace!.at(-1)!.testMse);
  });

  it('fills the record of the command-line contract', () => {
    const { record } = runProtocol(tinyProtocol('sparse'), 3, { epochs: 5 });
    expect(record).toMatchObject({ protocol: 'sparse', seed: 3, epochs: 5, escapeRule: 'sigma-threshold', parameterCount: 140 });
    expect(record.settings).toMatchObject({ trainCount: 25, testCount: 500, effectiveBatch: 25, stepsPerEpoch: 1 });
    expect(record.final.singularValues).toHaveLength(2);
    expect(record.escapeEpoch).toBe(record.escape.sigma.trapped ? record.escape.sigma.epoch : null);
    expect(record.start.kind).toBe('checkpoint');
  });

  it('marks a rule that cannot apply and then reports no escape epoch', () => {
    // Plateau branch = global branch: there is nothing to escape from.
    const same = runProtocol({ ...tinyProtocol('rank1-trap'), plateauBranch: [0] }, 1, { epochs: 3 }).record;
    expect(same.escape.testMseMidpoint.trapped).toBe(false);
    expect(same.trapped).toBe(false);
    expect(same.escapeEpoch).toBeNull();
    // σ rule with a threshold the start already exceeds.
    const above = runProtocol({ ...tinyProtocol('random-init'), sigmaThreshold: 0, primaryEscapeRule: 'sigma-threshold' }, 1, { epochs: 3 }).record;
    expect(above.escape.sigma).toMatchObject({ epoch: 0, trapped: false });
    expect(above.escapeEpoch).toBeNull();
  });

  it('applies overrides to the run and refuses bad settings', () => {
    const { record } = runProtocol(tinyProtocol('random-init'), 1, { lr: 0.01, batch: 32, beta: 0.1, epochs: 3 });
    expect(record.settings).toMatchObject({ lr: 0.01, batch: 32, beta: 0.1, stepsPerEpoch: 4 });
    expect(() => runProtocol(tinyProtocol(), 1, { lr: -1 })).toThrow(/lr/);
    expect(() => runProtocol(tinyProtocol(), 1, { batch: 0 })).toThrow(/batch/);
    expect(() => runProtocol(tinyProtocol(), 1.5)).toThrow(/seed/);
  });

  it('keeps a downsampled trace on request, equal to the full trace at its epochs', () => {
    const p = tinyProtocol('rank1-trap');
    const { record, trace } = runProtocol(p, 42, { traceEvery: 10 }, { trace: true });
    expect(record.trace!.map((row) => row.epoch)).toEqual([0, 10, 20, 30, 40]);
    for (const row of record.trace!) expect(row.testMse).toBe(trace![row.epoch]!.testMse);
    expect(runProtocol(p, 42).record.trace).toBeUndefined();
  });

  it('records its arithmetic, and a float32 run is deterministic and differs from the float64 one', () => {
    const p = tinyProtocol('rank1-trap');
    const f32 = { ...p, numerics: { precision: 'float32' as const, flushBelow: 1e-300 } };
    const a = runProtocol(f32, 42).record;
    expect(a.numerics).toEqual({ precision: 'float32', flushBelow: 1e-300 });
    expect(JSON.stringify(deterministicPart(runProtocol(f32, 42).record))).toBe(JSON.stringify(deterministicPart(a)));
    const b = runProtocol(p, 42).record;
    expect(b.numerics).toEqual({ precision: 'float64', flushBelow: 1e-300 });
    expect(a.final.testMse).not.toBe(b.final.testMse);
  });
});
