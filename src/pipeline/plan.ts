import { needsOf, type Claim } from '../claims/index.ts';
import { distinctRequests, jobsOf, type ExperimentRequest } from '../experiments/index.ts';
import type { Profile } from '../protocols/index.ts';
import { jobCost, jobKey, shardLoads, shardSlices, type Job, type JobCost, type Shard } from '../runner/index.ts';

/** One job of the plan: what it costs and which claims need it. */
export interface PlannedJob {
  readonly job: Job;
  readonly cost: JobCost;
  readonly neededBy: readonly string[];
}

/** Selected claims → the experiments they need → the distinct jobs those need, costed before anything runs. */
export interface Plan {
  readonly profile: Profile;
  readonly claims: readonly Claim[];
  readonly requests: readonly ExperimentRequest[];
  readonly jobs: readonly PlannedJob[];
  /** Set when the jobs are one shard's slice of the plan: which, and every shard's estimated single-core seconds. */
  readonly shard?: { readonly shard: Shard; readonly loads: readonly number[]; readonly planJobs: number };
}

/**
 * Collects what each claim needs (as data), de-duplicates experiments and then jobs (experiments share runs: the
 * diagnostics reuse the main runs' seeds, Fig. 1(a) reads all three protocols), and costs each job, counting the runs
 * already in `cacheDir`.
 */
export function planAudit(claims: readonly Claim[], profile: Profile, cacheDir: string | null): Plan {
  const byKey = new Map<string, { job: Job; neededBy: string[] }>();
  for (const claim of claims) {
    for (const request of needsOf(claim)) {
      for (const job of jobsOf(request, profile)) {
        const key = jobKey(job);
        const entry = byKey.get(key) ?? { job, neededBy: [] };
        if (!entry.neededBy.includes(claim.id)) entry.neededBy.push(claim.id);
        byKey.set(key, entry);
      }
    }
  }
  const jobs = [...byKey.values()].map(({ job, neededBy }) => ({ job, neededBy, cost: jobCost(job, cacheDir) }));
  return { profile, claims, requests: distinctRequests(claims.flatMap(needsOf)), jobs };
}

/**
 * One shard's slice of a plan: its jobs restricted to the (job, seed) units dealt to this shard by estimated cost
 * (src/runner/shard.ts), each costed against `cacheDir`. The slice depends on the plan alone, not on the cache.
 */
export function shardPlan(plan: Plan, shard: Shard, cacheDir: string | null): Plan {
  const all = plan.jobs.map((j) => j.job);
  const neededBy = new Map(plan.jobs.map((j) => [jobKey(j.job), j.neededBy]));
  const jobs = shardSlices(all, shard).map(({ job, whole }) => ({ job, cost: jobCost(job, cacheDir), neededBy: neededBy.get(jobKey(whole)) ?? [] }));
  return { ...plan, jobs, shard: { shard, loads: shardLoads(all, shard.count), planJobs: all.length } };
}

export interface PlanTotals {
  readonly runs: number;
  readonly cached: number;
  readonly sgdSteps: number;
  readonly cpuSeconds: number;
}

export function planTotals(plan: Plan): PlanTotals {
  const sum = (f: (c: JobCost) => number) => plan.jobs.reduce((s, j) => s + f(j.cost), 0);
  return { runs: sum((c) => c.runs), cached: sum((c) => c.cached), sgdSteps: sum((c) => c.sgdSteps), cpuSeconds: sum((c) => c.cpuSeconds) };
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function steps(n: number): string {
  return n === 0 ? '—' : n >= 1e9 ? `${(n / 1e9).toFixed(2)} G` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} M` : `${Math.round(n / 1e3)} k`;
}

/** The plan as text: one line per job (runs, cached, SGD steps, estimated CPU time, claims), then the totals. */
export function formatPlan(plan: Plan, workers: number): string {
  const t = planTotals(plan);
  const slice = plan.shard;
  const lines = [
    `Plan: ${plan.claims.length} claim(s), profile ${plan.profile}: ${plan.requests.length} experiment(s), ${slice?.planJobs ?? plan.jobs.length} job(s).`,
    ...(slice === undefined
      ? []
      : [
          `Shard ${slice.shard.index}/${slice.shard.count}: ${plan.jobs.length} job(s) or parts of jobs; estimated single-core load by shard, ` +
            `without cache: ${slice.loads.map(duration).join(', ')}.`,
        ]),
    '',
    ...plan.jobs.map(({ job, cost, neededBy }, i) => {
      const work = job.kind === 'phase-sweeps' ? `${cost.sweepPoints} β points` : `${steps(cost.sgdSteps)} SGD steps`;
      const cached = cost.cached > 0 ? `, ${cost.cached} cached` : '';
      return `${String(i + 1).padStart(3)}. ${job.label}\n     ${cost.runs} run(s)${cached}, ${work}, ~${duration(cost.cpuSeconds)} CPU; for ${neededBy.join(', ')}`;
    }),
    '',
    `Total: ${t.runs} runs (${t.cached} cached), ${steps(t.sgdSteps)} SGD steps, ~${duration(t.cpuSeconds)} CPU; ` +
      `about ${duration(t.cpuSeconds / Math.max(1, workers))} on ${workers} worker(s) (estimate; claims without experiments take seconds).`,
  ];
  return `${lines.join('\n')}\n`;
}
