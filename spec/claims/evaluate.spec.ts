import { describe, expect, it } from 'vitest';
import { evaluateClaim, experimentsNeeded, needsOf, selectClaims } from '../../src/claims/evaluate.ts';
import { EVALUATORS } from '../../src/claims/evaluators.ts';
import { loadLedger, type Claim } from '../../src/claims/ledger.ts';
import { driftFromPinned, formatChange } from '../../src/pins/index.ts';
import { NO_EXPERIMENTS, evaluatedNonStochastic } from './without-experiments.ts';

const ledger = loadLedger();
const byId = (id: string): Claim => structuredClone(ledger.claims.find((c) => c.id === id)!);
const evaluate = (claim: Claim) => evaluateClaim(claim, NO_EXPERIMENTS);
const evaluateClaims = (claims: readonly Claim[]) => evaluatedNonStochastic(claims);

describe('the verdict engine gates on the pinned outcomes', () => {
  const analytic = ledger.claims.filter((c) => c.kind !== 'stochastic');

  it('every analytic and consistency claim matches its pinned verdict, value and readings', () => {
    for (const r of evaluateClaims(analytic)) expect(r.drift, r.claim.id).toEqual([]);
  });

  it('gives a verdict exactly to the claims whose evaluator exists; the rest are not evaluated', () => {
    for (const r of evaluateClaims(analytic)) {
      if (r.claim.evaluator in EVALUATORS) expect(r.evaluation, r.claim.id).not.toBeNull();
      else expect(r.outcome, r.claim.id).toBe('not evaluated');
    }
  });

  it('evaluates every reading of the regulariser where the claim depends on it, eq2 first', () => {
    for (const id of ['beta-c-mode1', 'lambda-saddle', 'delta-e-min', 'phase-structure-at-0-32']) {
      expect((evaluate(byId(id))).evaluation!.readings.map((r) => r.label)).toEqual(['Eq. 2', 'Eq. 1']);
    }
  });

  it('notices a moved value and a flipped verdict', () => {
    const claim = byId('beta-c-mode1');
    const evaluation = (evaluate(claim)).evaluation!;
    claim.pinned!.value = '0.4106';
    expect(driftFromPinned(claim, evaluation).map(formatChange).join()).toMatch(/value: 0\.4106 → 0\.41054863470120451248/);
    claim.pinned!.verdict = 'reproduced';
    expect(driftFromPinned(claim, evaluation).map(formatChange).join()).toMatch(/verdict: reproduced → deviates/);
  });

  it('would flip a numeric verdict when the printed number changes: the verdict follows the computation', () => {
    const claim = byId('beta-c-mode1');
    claim.paper.value = '0.411';
    expect((evaluate(claim)).evaluation!.verdict).toBe('reproduced');
    claim.paper.value = '0.40'; // ± 0.005: 0.4105 is outside
    expect((evaluate(claim)).evaluation!.verdict).toBe('deviates');
    claim.paper.value = '0.4'; // ± 0.05: the same 0.4105 is inside; fewer digits, wider tolerance
    expect((evaluate(claim)).evaluation!.verdict).toBe('reproduced');
  });

  it('names the two places for every inconsistent claim', () => {
    for (const r of (evaluateClaims(analytic)).filter((x) => x.outcome === 'inconsistent')) {
      expect(r.evaluation!.places, r.claim.id).toHaveLength(2);
    }
  });

  it('refuses unknown ids in --only', () => {
    expect(selectClaims(ledger, ['beta-c-mode1']).map((c) => c.id)).toEqual(['beta-c-mode1']);
    expect(() => selectClaims(ledger, ['beta-c-mode1', 'nope'])).toThrow(/unknown claim id\(s\): nope/);
  });

  it('names the claim and field when an evaluator input is missing', () => {
    const claim = byId('beta-c-mode1');
    delete claim.params.eta;
    expect(() => evaluate(claim)).toThrow(/claim 'beta-c-mode1' needs params\.eta for evaluator 'critical-beta'/);
  });

  it('a stochastic claim that reads no run is inconclusive and names what would decide; the others need at most the deterministic Appendix F analysis', () => {
    for (const c of ledger.claims) {
      if (c.kind === 'stochastic') {
        if (needsOf(c).length > 0) continue;
        // A stochastic statement read without runs can only say what would decide it.
        const e = evaluate(c).evaluation!;
        expect(e.verdict, c.id).toBe('inconclusive');
        expect(e.wouldDecide, c.id).toBeTruthy();
      } else for (const r of needsOf(c)) expect(r.experiment, c.id).toBe('kramers-langer');
    }
    const experiments = experimentsNeeded(ledger.claims).map((r) => r.experiment);
    expect(new Set(experiments)).toEqual(new Set(['trapping', 'diagnostics', 'sparse', 'arrhenius-sweeps', 'kramers-langer', 'phase-diagram', 'one-way-jumps', 'mode-control', 'network-control', 'network-kramers', 'init-variance', 'gradient-noise', 'staged', 'nonlinear', 'sgld-sweeps', 'premise-traps', 'biased-network']));
  });
});
