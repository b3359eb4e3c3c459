import { describe, expect, it } from 'vitest';
import { PROTOCOLS } from '../../src/protocols/index.ts';
import { convergenceEpoch, outcomeOf, primaryOutcome, runProtocol } from '../../src/run/index.ts';

describe('a run read by its own rule', () => {
  it('is the same whether read from the record headline or from the rule, and never starts past the threshold', () => {
    for (const name of ['random-init', 'rank1-trap', 'sparse'] as const) {
      const p = { ...PROTOCOLS[name], checkpoint: { ...PROTOCOLS[name].checkpoint, epochsPerStage: 30 } };
      for (const seed of [42, 43]) {
        const { record } = runProtocol(p, seed, { epochs: 30 });
        // The epoch of a run that did not start trapped is not read (the record's headline leaves it null).
        const [headline, byRule] = [primaryOutcome(record), outcomeOf(record, record.escapeRule)];
        expect(headline.trapped).toBe(byRule.trapped);
        if (byRule.trapped) expect(headline.escapeEpoch).toBe(byRule.escapeEpoch);
        for (const rule of ['test-mse-midpoint', 'sigma-threshold'] as const) {
          const o = outcomeOf(record, rule);
          if (o.trapped) expect(o.escapeEpoch).not.toBe(0);
        }
      }
    }
  });
});

describe('convergenceEpoch (Appendix A: convergence by monitoring test MSE)', () => {
  const record = (early: number[] | undefined, final: number, trace: { epoch: number; testMse: number }[] = []) =>
    ({ earlyTestMse: early, final: { testMse: final }, trace }) as unknown as Parameters<typeof convergenceEpoch>[0];

  it('is the first epoch from which test MSE stays within the band of its final value', () => {
    expect(convergenceEpoch(record([1, 0.5, 0.31, 0.35, 0.305, 0.3], 0.3), 0.01)).toEqual({ epoch: 4, censored: false });
    expect(convergenceEpoch(record([0.3, 0.3], 0.3), 0.01)).toEqual({ epoch: 0, censored: false });
  });

  it('is censored at the window when test MSE has not settled in it, or leaves the band later', () => {
    expect(convergenceEpoch(record([1, 0.9, 0.8], 0.3), 0.01)).toEqual({ epoch: 2, censored: true });
    expect(convergenceEpoch(record([1, 0.3, 0.3], 0.3, [{ epoch: 100, testMse: 0.5 }]), 0.01)).toEqual({ epoch: 2, censored: true });
  });

  it('is null without per-epoch test MSE', () => {
    expect(convergenceEpoch(record(undefined, 0.3), 0.01)).toBeNull();
  });
});
