import { describe, expect, it } from 'vitest';
import { driftFromPinned, evaluateClaim, evaluateClaims, selectClaims } from '../../src/claims/evaluate.ts';
import { EVALUATORS } from '../../src/claims/evaluators/index.ts';
import { loadLedger, type Claim } from '../../src/claims/ledger.ts';
import { specContext } from './context.ts';

const ledger = loadLedger();
const byId = (id: string): Claim => structuredClone(ledger.claims.find((c) => c.id === id)!);
const context = specContext('full');
const evaluate = (claim: Claim) => evaluateClaim(claim, context);

describe('the verdict engine gates on the pinned outcomes', () => {
  const analytic = ledger.claims.filter((c) => c.kind !== 'stochastic');

  it('every analytic and consistency claim matches its pinned verdict, value and readings', async () => {
    for (const r of await evaluateClaims(analytic, context)) expect(r.drift, r.claim.id).toEqual([]);
  });

  it('gives a verdict exactly to the claims whose evaluator exists; the rest are not evaluated', async () => {
    for (const r of await evaluateClaims(analytic, context)) {
      if (r.claim.evaluator in EVALUATORS) expect(r.evaluation, r.claim.id).not.toBeNull();
      else expect(r.outcome, r.claim.id).toBe('not evaluated');
    }
  });

  it('evaluates every reading of the regulariser where the claim depends on it, eq2 first', async () => {
    for (const id of ['beta-c-mode1', 'lambda-saddle', 'delta-e-min', 'phase-structure-at-0-32']) {
      expect((await evaluate(byId(id))).evaluation!.readings.map((r) => r.label)).toEqual(['eq2', 'eq1']);
    }
  });

  it('notices a moved value and a flipped verdict', async () => {
    const claim = byId('beta-c-mode1');
    const evaluation = (await evaluate(claim)).evaluation!;
    claim.pinned!.value = '0.4106';
    expect(driftFromPinned(claim, evaluation).join()).toMatch(/value 0\.41054863470120451248, pinned 0\.4106/);
    claim.pinned!.verdict = 'reproduced';
    expect(driftFromPinned(claim, evaluation).join()).toMatch(/verdict deviates, pinned reproduced/);
  });

  it('would flip a numeric verdict when the printed number changes: the verdict follows the computation', async () => {
    const claim = byId('beta-c-mode1');
    claim.paper.value = '0.411';
    expect((await evaluate(claim)).evaluation!.verdict).toBe('reproduced');
    claim.paper.value = '0.40'; // ± 0.005: 0.4105 is outside
    expect((await evaluate(claim)).evaluation!.verdict).toBe('deviates');
    claim.paper.value = '0.4'; // ± 0.05: the same 0.4105 is inside; fewer digits, wider tolerance
    expect((await evaluate(claim)).evaluation!.verdict).toBe('reproduced');
  });

  it('names the two places for every inconsistent claim', async () => {
    for (const r of (await evaluateClaims(analytic, context)).filter((x) => x.outcome === 'inconsistent')) {
      expect(r.evaluation!.places, r.claim.id).toHaveLength(2);
    }
  });

  it('refuses unknown ids in --only', () => {
    expect(selectClaims(ledger, ['beta-c-mode1']).map((c) => c.id)).toEqual(['beta-c-mode1']);
    expect(() => selectClaims(ledger, ['beta-c-mode1', 'nope'])).toThrow(/unknown claim id\(s\): nope/);
  });

  it('names the claim and field when an evaluator input is missing', async () => {
    const claim = byId('beta-c-mode1');
    delete claim.params.eta;
    await expect(evaluate(claim)).rejects.toThrow(/claim 'beta-c-mode1' needs params\.eta for evaluator 'critical-beta'/);
  });
});
