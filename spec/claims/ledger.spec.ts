import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GoldenFileError } from '../../src/io/validated-json.ts';
import { CLAIMS_PATH, loadLedger, parseLedger } from '../../src/claims/ledger.ts';

const text = readFileSync(CLAIMS_PATH, 'utf8');
const mutate = (change: (data: { claims: Record<string, unknown>[] }) => void): string => {
  const data = JSON.parse(text) as { claims: Record<string, unknown>[] };
  change(data);
  return JSON.stringify(data);
};

describe('golden/claims.json', () => {
  const ledger = loadLedger();

  it('records the claims a referee checks, of all three kinds', () => {
    const ids = ledger.claims.map((c) => c.id);
    for (const id of ['beta-c-mode1', 'beta-c-mode2-appendix-a', 'lambda-saddle', 'delta-e-min', 'phase-structure-at-0-32',
      'hysteresis-window-open', 'no-bifurcation-depth-2', 'barrier-grows-with-beta', 'critical-beta-ordering',
      'depth-critical-beta-falls', 'depth-barrier-grows', 'eq3-from-eq2', 'regulariser-factor-l', 'parameter-count-170',
      'figure-1a-beta', 'critical-beta-labels', 'sparse-batch-noise', 'phase-diagram-transitions', 'tau-random-init',
      'tau-rank1-trap', 'tau-trivial-trap-first', 'tau-trivial-trap-total', 'arrhenius-r2', 'delta-e-eff',
      'barrier-factor-50', 'sparse-escape', 'sparse-gap-closes']) {
      expect(ids).toContain(id);
    }
    expect(new Set(ledger.claims.map((c) => c.kind))).toEqual(new Set(['analytic', 'stochastic', 'consistency', 'arithmetic']));
  });

  it('keeps every printed number as the paper printed it', () => {
    const printed = Object.fromEntries(ledger.claims.map((c) => [c.id, c.paper.value]));
    expect(printed['beta-c-mode2-appendix-a']).toBe('0.360');
    expect(printed['beta-c-mode1']).toBe('0.42');
    expect(printed['lambda-saddle']).toBe('0.41');
    expect(printed['delta-e-min']).toBe('0.003');
    expect(printed['arrhenius-r2']).toBe('0.991');
  });

  it('rejects a claim with a missing field, naming the entry', () => {
    const broken = mutate((d) => delete d.claims[3]!.source);
    expect(() => parseLedger(broken)).toThrow(GoldenFileError);
    expect(() => parseLedger(broken)).toThrow(/\/claims\/3 must have required property 'source'/);
  });

  it('rejects a field of the wrong type, naming the field', () => {
    const broken = mutate((d) => ((d.claims[0]!.paper as Record<string, unknown>).value = 0.36));
    expect(() => parseLedger(broken)).toThrow(/\/claims\/0\/paper\/value/);
    const badKind = mutate((d) => (d.claims[1]!.kind = 'empirical'));
    expect(() => parseLedger(badKind)).toThrow(/\/claims\/1\/kind must be equal to one of the allowed values/);
  });

  it('rejects a duplicate id, naming both entries', () => {
    const broken = mutate((d) => (d.claims[5]!.id = d.claims[2]!.id));
    expect(() => parseLedger(broken)).toThrow(/\/claims\/5 repeats the id 'beta-c-mode1' of \/claims\/2/);
  });

  it('rejects a pinned verdict that is not one of the four', () => {
    const broken = mutate((d) => ((d.claims[0]!.pinned as Record<string, unknown>).verdict = 'passed'));
    expect(() => parseLedger(broken)).toThrow(/\/claims\/0\/pinned/);
  });
});
