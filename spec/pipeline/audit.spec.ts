import { describe, expect, it } from 'vitest';
import { loadLedger, type FigureId } from '../../src/claims/index.ts';
import { jobsOf } from '../../src/experiments/index.ts';
import { collectFigures, evaluatePlan, planAudit } from '../../src/pipeline/index.ts';
import { RunnerResults, jobKey, type Job } from '../../src/runner/index.ts';
import { recordedRunnerResults } from '../fixtures/recorded.ts';

const ledger = loadLedger();

/** Runner results holding only the given jobs, read from the recorded smoke results. */
function onlyJobs(jobs: readonly Job[]): RunnerResults {
  const recorded = recordedRunnerResults();
  const results = new RunnerResults();
  for (const job of jobs) results.set(job, recorded.get(job));
  return results;
}

describe('evaluate stage', () => {
  it('each claim reads only the experiments its plan asked for', () => {
    for (const claim of ledger.claims) {
      const plan = planAudit([claim], 'smoke', null);
      const audit = evaluatePlan(plan, onlyJobs(plan.jobs.map((j) => j.job)));
      expect(audit.results[0]!.evaluation, claim.id).not.toBeNull();
    }
  });

  it('evaluates the whole ledger from the recorded smoke results: pure, the same twice', () => {
    const plan = planAudit(ledger.claims, 'smoke', null);
    const runner = recordedRunnerResults();
    const a = evaluatePlan(plan, runner);
    const b = evaluatePlan(plan, runner);
    expect(a.results.map((r) => r.outcome)).toEqual(b.results.map((r) => r.outcome));
    expect(JSON.stringify(a.figures)).toEqual(JSON.stringify(b.figures));
    // Stochastic pins apply to the full profile only; the others match their pins.
    for (const r of a.results) expect(r.drift, r.claim.id).toEqual([]);
    // Each claim's evaluation time is measured beside the results (for JUnit), never inside them.
    expect([...a.evaluationSeconds.keys()]).toEqual(plan.claims.map((c) => c.id));
    for (const t of a.evaluationSeconds.values()) expect(t).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(a.results)).not.toMatch(/evaluationSeconds/);
  });

  it('collects the analytic figures, then each evaluation figure once, by id', () => {
    const fig = (id: FigureId) => ({ id, title: id, caption: '', spec: { mark: 'point' as const, data: { values: [] } } });
    const evaluation = (ids: FigureId[]) => ({ verdict: 'deviates' as const, value: null, readings: [], evidence: [], figures: ids.map(fig) });
    const results = [{ evaluation: evaluation(['fig-1a-trapping', 'jump-survival']) }, { evaluation: evaluation(['fig-1a-trapping']) }, { evaluation: null }] as unknown as Parameters<typeof collectFigures>[1];
    expect(collectFigures([fig('bifurcation')], results).map((f) => f.id)).toEqual(['bifurcation', 'fig-1a-trapping', 'jump-survival']);
  });
});

describe('plan stage', () => {
  it('de-duplicates the jobs that experiments share and records which claims need each', () => {
    const plan = planAudit(ledger.claims, 'smoke', null);
    const keys = plan.jobs.map((j) => jobKey(j.job));
    expect(new Set(keys).size).toBe(keys.length);
    const asked = plan.requests.flatMap((r) => jobsOf(r, 'smoke'));
    expect(asked.length).toBeGreaterThan(plan.jobs.length);
    expect(new Set(asked.map(jobKey))).toEqual(new Set(keys));
    for (const j of plan.jobs) expect(j.neededBy.length, j.job.label).toBeGreaterThan(0);
  });

  it('plans no SGD for the claims that are not stochastic: at most the Appendix F analysis', () => {
    const plan = planAudit(ledger.claims.filter((c) => c.kind !== 'stochastic'), 'full', null);
    expect(plan.jobs.map((j) => j.job.kind)).toEqual(['kramers-langer']);
    expect(planAudit(ledger.claims.filter((c) => c.id === 'beta-c-mode1'), 'full', null).jobs).toEqual([]);
  });

  it('costs a job by its runs and SGD steps: the full rank-1 trap runs 50 seeds × 2×10⁴ epochs × 8 steps plus two annealing stages', () => {
    const plan = planAudit(ledger.claims.filter((c) => c.id === 'tau-rank1-trap'), 'full', null);
    const main = plan.jobs.find((j) => j.job.label.startsWith('rank-1 trap (Sec. 3.1 ii), data drawn per seed'))!;
    expect(main.cost.runs).toBe(50);
    expect(main.cost.sgdSteps).toBe(50 * (20_000 * 8 + 2 * 5000 * 8));
  });
});
