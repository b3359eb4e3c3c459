import { describe, expect, it } from 'vitest';
import { checkThesis, judgePart, judgeThesis, loadLedger, loadThesis, type Outcome, type ThesisDefinition } from '../../src/claims/index.ts';
import { GoldenFileError } from '../../src/io/index.ts';

const ledger = loadLedger();
const definition = loadThesis(ledger);
const pinned = (): Map<string, Outcome> => new Map(ledger.claims.map((c) => [c.id, c.pinned?.verdict ?? 'not evaluated']));
const part = (needs: string[]) => ({ id: 'p', claim: 'a part of the thesis', quote: 'the paper says so', source: 'Section 1', needs, caveats: [] });

describe('judgePart: the worst verdict among the needs decides, and names them', () => {
  it('holds only when every need is reproduced', () => {
    expect(judgePart(part(['a', 'b']), () => 'reproduced')).toMatchObject({ verdict: 'reproduced', reasons: ['a', 'b'] });
  });
  it('one deviation refutes, whatever else holds', () => {
    const outcomes: Record<string, Outcome> = { a: 'reproduced', b: 'deviates', c: 'inconsistent', d: 'inconclusive' };
    expect(judgePart(part(['a', 'b', 'c', 'd']), (id) => outcomes[id] ?? null)).toMatchObject({ verdict: 'deviates', reasons: ['b'] });
  });
  it('a self-contradiction bars support before an undecided need', () => {
    const outcomes: Record<string, Outcome> = { a: 'inconclusive', b: 'inconsistent' };
    expect(judgePart(part(['a', 'b']), (id) => outcomes[id] ?? null)).toMatchObject({ verdict: 'inconsistent', reasons: ['b'] });
  });
  it('a need not evaluated in this run is undecided, never a pass', () => {
    const verdict = judgePart(part(['a', 'b']), (id) => (id === 'a' ? 'reproduced' : null));
    expect(verdict).toMatchObject({ verdict: 'inconclusive', reasons: ['b'], needs: [{ id: 'a', outcome: 'reproduced' }, { id: 'b', outcome: null }] });
    expect(judgePart(part(['a']), () => 'not evaluated').verdict).toBe('inconclusive');
  });
});

describe('judgeThesis over the ledger', () => {
  it('composes the whole from its parts, in order', () => {
    const thesis = judgeThesis(definition, pinned());
    const whole = thesis.parts.at(-1)!;
    expect(whole.id).toBe('mechanism');
    expect(whole.needs.map((n) => n.id)).toEqual(thesis.parts.slice(0, -1).map((p) => p.id));
    for (const n of whole.needs) expect(n.outcome).toBe(thesis.parts.find((p) => p.id === n.id)!.verdict);
  });

  it('moves when one supporting verdict moves: nothing in it is written by hand', () => {
    // Every claim reproduced: every part holds. Then one need of the escape part deviates: that part and the whole fall.
    const all = new Map<string, Outcome>(ledger.claims.map((c) => [c.id, 'reproduced']));
    const holds = judgeThesis(definition, all);
    expect(holds.parts.map((p) => p.verdict)).toEqual(holds.parts.map(() => 'reproduced'));
    const escape = definition.parts.find((p) => p.id === 'arrhenius-escape')!;
    const moved = judgeThesis(definition, new Map([...all, [escape.needs[0]!, 'deviates']]));
    expect(moved.parts.find((p) => p.id === 'arrhenius-escape')).toMatchObject({ verdict: 'deviates', reasons: [escape.needs[0]] });
    expect(moved.parts.find((p) => p.id === 'mechanism')).toMatchObject({ verdict: 'deviates', reasons: ['arrhenius-escape'] });
    expect(moved.parts.find((p) => p.id === 'phase-transitions')!.verdict).toBe('reproduced');
  });
});

describe('checkThesis: every id it names is known, before anything runs', () => {
  const base: ThesisDefinition = { rule: 'the worst verdict decides', parts: [part(['eq3-from-eq2'])], headline: ['delta-e-min'] };
  it('accepts the golden definition and a minimal one', () => {
    expect(() => checkThesis(base, ledger)).not.toThrow();
    expect(definition.headline.length).toBeLessThanOrEqual(12);
  });
  it('refuses an unknown need, a part needing a later part, a non-paper headline and a part named like a claim', () => {
    expect(() => checkThesis({ ...base, parts: [part(['no-such-claim'])] }, ledger)).toThrow(/needs\/0 names 'no-such-claim'/);
    expect(() => checkThesis({ ...base, parts: [part(['q']), { ...part(['eq3-from-eq2']), id: 'q' }] }, ledger)).toThrow(GoldenFileError);
    expect(() => checkThesis({ ...base, headline: ['control-one-mode-kramers'] }, ledger)).toThrow(/group 'audit'/);
    expect(() => checkThesis({ ...base, parts: [{ ...part(['eq3-from-eq2']), id: 'delta-e-min' }] }, ledger)).toThrow(/'delta-e-min' of a claim/);
  });
});
