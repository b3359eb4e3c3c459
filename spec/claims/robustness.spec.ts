import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIMENSIONS, placeReading, robustnessOf } from '../../src/claims/robustness.ts';
import type { Reading, Verdict } from '../../src/claims/verdict.ts';

const reading = (label: string, verdict: Verdict): Reading => ({ label, verdict }) as Reading;

describe('placing a reading in the dimensions of ambiguity', () => {
  it('names the options its label carries and keeps the rest as the part of the claim it reads', () => {
    const p = placeReading(reading('rank-1 trap, a data set per seed, escaped runs', 'deviates'));
    expect(p.choices).toEqual({ data: 'per-seed' });
    expect(p.part).toBe('rank-1 trap, escaped runs');
    expect(placeReading(reading('Eq. 1', 'reproduced')).choices).toEqual({ regulariser: 'eq1' });
    expect(placeReading(reading('Eq. 2 (headline)', 'reproduced'))).toMatchObject({ choices: { regulariser: 'eq2' }, part: '' });
  });

  it('places two choices of one label on their two dimensions', () => {
    const p = placeReading(reading('Eq. 1, one data set, σk past the threshold', 'inconclusive'));
    expect(p.choices).toEqual({ regulariser: 'eq1', data: 'fixed', escape: 'sigma' });
  });
});

describe('the robustness of a verdict across the readings', () => {
  it('is robust when every combination of the headline part gives one verdict', () => {
    const r = robustnessOf({ readings: [reading('Eq. 2', 'deviates'), reading('Eq. 1', 'deviates')] });
    expect(r.status).toBe('robust');
    expect(r.dimensions.map((d) => d.id)).toEqual(['regulariser']);
    expect(r.possible).toBe(2);
    expect(r.flips).toEqual([]);
  });

  it('is fragile and names the one dimension whose change alone flips the verdict', () => {
    const r = robustnessOf({
      readings: [
        reading('Eq. 2, a data set per seed', 'deviates'),
        reading('Eq. 2, one data set', 'deviates'),
        reading('Eq. 1, a data set per seed', 'reproduced'),
        reading('Eq. 1, one data set', 'reproduced'),
      ],
    });
    expect(r.status).toBe('fragile');
    expect(r.flips).toEqual(['regulariser']);
    expect(r.possible).toBe(4);
    expect(r.combinations[0]).toEqual({ choices: { regulariser: 'eq2', data: 'per-seed' }, label: 'Eq. 2, a data set per seed', verdict: 'deviates' });
  });

  it('takes an unnamed dimension at its first option, so a bare label is the assumed reading', () => {
    const r = robustnessOf({ readings: [reading('escaped runs', 'reproduced'), reading('escaped runs, Eq. 1', 'deviates')] });
    expect(r.combinations.map((c) => c.choices)).toEqual([{ regulariser: 'eq2' }, { regulariser: 'eq1' }]);
    expect(r.flips).toEqual(['regulariser']);
  });

  it('compares only readings of the headline part, and calls a claim with one such reading single', () => {
    const r = robustnessOf({ readings: [reading('final MSE', 'deviates'), reading('plateau MSE, Eq. 1', 'reproduced')] });
    expect(r.status).toBe('single');
    expect(robustnessOf({ readings: [] }).status).toBe('single');
  });

  it('names every dimension that varies where no two combinations differ in one choice only', () => {
    const r = robustnessOf({ readings: [reading('Eq. 2, a data set per seed', 'deviates'), reading('Eq. 1, one data set', 'reproduced')] });
    expect(r.status).toBe('fragile');
    expect(r.flips).toEqual(['regulariser', 'data']);
  });
});

describe('the vocabulary holds every reading the ledger pins', () => {
  const ledger = JSON.parse(readFileSync('golden/claims.json', 'utf8')) as {
    claims: Array<{ id: string; pinned: null | { readings?: Record<string, { verdict: Verdict }> } }>;
  };
  const pinned = ledger.claims.flatMap((c) =>
    c.pinned?.readings ? [{ id: c.id, placed: Object.entries(c.pinned.readings).map(([label, r]) => placeReading(reading(label, r.verdict))) }] : [],
  );

  it('keeps two readings of one claim apart (no two labels fall on one part and one combination)', () => {
    const collapsed = pinned.flatMap(({ id, placed }) => {
      const keys = placed.map((p) => `${p.part} | ${JSON.stringify(Object.entries(p.choices).sort())}`);
      return keys.filter((k, i) => keys.indexOf(k) !== i).map((k) => `${id}: ${k}`);
    });
    expect(collapsed).toEqual([]);
  });

  it('names every choice in words: no pinned label carries a machine key of the runs (eq2, per-seed, sigma-threshold, …)', () => {
    const keys = /\beq[12]\b|\bper-seed\b|\bfixed( data|\/)|\/fixed\b|test-mse-midpoint|sigma-threshold|epoch-permutation|with-replacement|as-written|small-batch|random-init|rank1-trap|trivial-trap|test-MSE/;
    const machine = pinned.flatMap(({ id, placed }) => placed.filter((p) => keys.test(p.label)).map((p) => `${id}: ${p.label}`));
    expect(machine).toEqual([]);
  });

  it('has no option that no pinned reading names', () => {
    const used = new Set(pinned.flatMap(({ placed }) => placed.flatMap((p) => Object.entries(p.choices).map(([d, o]) => `${d}=${o}`))));
    const unused = DIMENSIONS.flatMap((d) => d.options.filter((o) => !used.has(`${d.id}=${o.id}`)).map((o) => `${d.id}=${o.id}`));
    expect(unused).toEqual([]);
  });
});
