import { describe, expect, it } from 'vitest';
import { claimSeconds } from '../../src/cli/reproduce.ts';
import { loadLedger } from '../../src/claims/index.ts';
import { planAudit } from '../../src/pipeline/index.ts';
import { jobKey } from '../../src/runner/index.ts';

describe('each claim\'s seconds for JUnit', () => {
  const ledger = loadLedger();
  const analytic = ledger.claims.find((c) => c.kind === 'analytic')!;
  const stochastic = ledger.claims.find((c) => c.id === 'tau-rank1-trap')!;
  const plan = planAudit([analytic, stochastic], 'smoke', null);

  it('are a claim\'s own evaluation plus the own time of every job it needed', () => {
    const jobSeconds = new Map(plan.jobs.map(({ job }) => [jobKey(job), 2]));
    const evaluation = new Map([[analytic.id, 0.25], [stochastic.id, 0.5]]);
    const times = claimSeconds(plan, jobSeconds, evaluation);
    const needed = plan.jobs.filter((j) => j.neededBy.includes(stochastic.id)).length;
    expect(times.get(analytic.id)).toBe(0.25 + 2 * plan.jobs.filter((j) => j.neededBy.includes(analytic.id)).length);
    expect(times.get(stochastic.id)).toBe(0.5 + 2 * needed);
  });

  it('give a claim without runs its evaluation time, not 0', () => {
    const times = claimSeconds(planAudit([analytic], 'smoke', null), new Map(), new Map([[analytic.id, 0.125]]));
    expect(times.get(analytic.id)).toBe(0.125);
  });
});
