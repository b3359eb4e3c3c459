import type { JobCost } from './cost.ts';
import { kindOf, type Job } from './jobs/kinds.ts';
import { canonicalJson } from './run-cache.ts';

// Operations on any job, through its kind's row (jobs/kinds.ts). The runner knows jobs, never the claims or
// experiments that asked for them.

/** A job's identity: everything but its label, as canonical JSON (equal jobs asked for twice run once). */
export function jobKey(job: Job): string {
  const { label: _label, ...identity } = job;
  return canonicalJson(identity);
}

/** The jobs in first-asked order, each identity once (the first label kept). */
export function distinctJobs(jobs: readonly Job[]): Job[] {
  const byKey = new Map<string, Job>();
  for (const job of jobs) if (!byKey.has(jobKey(job))) byKey.set(jobKey(job), job);
  return [...byKey.values()];
}

/** The units a job reports progress in: its seeds or tasks, or 1 for an analysis. */
export function jobUnits(job: Job): number {
  return kindOf(job).units(job);
}

/** What a job costs before it runs, counting the results `cacheDir` already holds. */
export function jobCost(job: Job, cacheDir: string | null): JobCost {
  return kindOf(job).cost(job, cacheDir);
}

/**
 * The jobs longest first by their estimated CPU time still to compute (what the cache does not hold), ties in the
 * given order: the worker pool takes units in the order they are submitted, so the longest jobs start at once rather
 * than leaving one core busy at the end (the longest-processing-time rule, as the shards are dealt).
 */
export function longestFirst<J extends Job>(jobs: readonly J[], cacheDir: string | null): J[] {
  const cost = new Map(jobs.map((job) => [job, jobCost(job, cacheDir).cpuSeconds]));
  return [...jobs].sort((a, b) => cost.get(b)! - cost.get(a)!);
}
