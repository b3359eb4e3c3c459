import { distinctJobs, jobCost } from './job.ts';
import type { Divisible } from './jobs/job-kind.ts';
import { kindOf, type Job } from './jobs/kinds.ts';

// Sharding: the plan's work cut into (job, seed) units and dealt to N shards by estimated cost, so N machines (a CI
// matrix, a Slurm array) each run one slice into their own cache; merged, the caches hold every result. Runs of one
// seed that share a checkpoint are dealt together. Which shard a unit goes to depends only on the plan (its jobs,
// their order and the cost model), never on a cache or a machine.

/** The K-th of N slices, K counted from 1 as on the command line. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The most shards a plan is cut into: beyond this a slice is a few seeds and each machine mostly starts up. */
export const MAX_SHARDS = 1000;

/** Reads `K/N` (1 ≤ K ≤ N ≤ MAX_SHARDS); throws RangeError saying what is wrong. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new RangeError(`a shard is K/N, such as 1/4, got '${text}'`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!(count >= 1 && count <= MAX_SHARDS)) throw new RangeError(`the shard count N must be 1 to ${MAX_SHARDS}, got ${count}`);
  if (!(index >= 1 && index <= count)) throw new RangeError(`the shard K of ${count} must be 1 to ${count}, got ${index}`);
  return { index, count };
}

/** One unit of work: a seed (or data seed) of a job, or a whole job that has no seeds. */
export interface WorkUnit {
  /** Index into the distinct jobs. */
  readonly job: number;
  /** Index into the job's seeds, or null for the whole job. */
  readonly part: number | null;
  /** Estimated single-core seconds, with no cache (a shard's slice must not depend on what is cached). */
  readonly cost: number;
  /**
   * Units with the same group go to the same shard: SGD runs of one seed that anneal from the same first checkpoint
   * (rank1-trap, trivial-trap, random-init and their variants), so it is trained on one machine only.
   */
  readonly group: string;
}

/** How a job is cut (its kind's `divisible`: one cached result per seed), or null: it runs whole on one shard. */
function divisibleOf(job: Job): Divisible<Job> | null {
  return (kindOf(job).divisible as Divisible<Job> | undefined) ?? null;
}

/** The units of the distinct jobs, in plan order: each seed of a splittable job, each other job whole. */
export function workUnits(jobs: readonly Job[]): WorkUnit[] {
  return distinctJobs(jobs).flatMap((job, j): WorkUnit[] => {
    const divisible = divisibleOf(job);
    if (divisible === null) return [{ job: j, part: null, cost: jobCost(job, null).cpuSeconds, group: `job ${j}` }];
    return Array.from({ length: divisible.parts(job) }, (_, p) => ({
      job: j,
      part: p,
      cost: jobCost(divisible.restrict(job, [p]), null).cpuSeconds,
      group: divisible.group(job, p) ?? `job ${j} part ${p}`,
    }));
  });
}

/**
 * Longest processing time first: units by falling cost (plan order among equals) each go to the shard with the least
 * estimated load so far (the lowest-numbered among equals). Deterministic, and within 4/3 of the best balance.
 * Returns the 0-based shard of each unit.
 */
export function assignUnits(costs: readonly number[], count: number): number[] {
  const order = costs.map((cost, i) => ({ cost, i })).sort((a, b) => b.cost - a.cost || a.i - b.i);
  const load = new Array<number>(count).fill(0);
  const shardOf = new Array<number>(costs.length).fill(0);
  for (const { cost, i } of order) {
    let best = 0;
    for (let s = 1; s < count; s += 1) if (load[s]! < load[best]!) best = s;
    shardOf[i] = best;
    load[best] = load[best]! + cost;
  }
  return shardOf;
}

/** The 0-based shard of each unit: its group's, the groups (in order of their first unit) dealt by assignUnits. */
function unitShards(units: readonly WorkUnit[], count: number): number[] {
  const groups = new Map<string, number>();
  const groupOfUnit = units.map((u) => {
    if (!groups.has(u.group)) groups.set(u.group, groups.size);
    return groups.get(u.group)!;
  });
  const costs = new Array<number>(groups.size).fill(0);
  units.forEach((u, i) => (costs[groupOfUnit[i]!] = costs[groupOfUnit[i]!]! + u.cost));
  const shardOfGroup = assignUnits(costs, count);
  return groupOfUnit.map((g) => shardOfGroup[g]!);
}

/** The estimated single-core seconds of each shard, shard 1 first. */
export function shardLoads(jobs: readonly Job[], count: number): number[] {
  const units = workUnits(jobs);
  const shardOf = unitShards(units, count);
  const loads = new Array<number>(count).fill(0);
  units.forEach((u, i) => (loads[shardOf[i]!] = loads[shardOf[i]!]! + u.cost));
  return loads;
}

/**
 * The jobs of one shard, in plan order: each job restricted to the seeds dealt to this shard (with its label saying
 * so), jobs with nothing here left out. A unit's result depends only on the unit, so the union of the shards' results
 * is the single run's.
 */
export function shardJobs(jobs: readonly Job[], shard: Shard): Job[] {
  return shardSlices(jobs, shard).map((s) => s.job);
}

/** shardJobs, each slice beside the plan's job it was cut from. */
export function shardSlices(jobs: readonly Job[], shard: Shard): { job: Job; whole: Job }[] {
  const distinct = distinctJobs(jobs);
  const units = workUnits(distinct);
  const shardOf = unitShards(units, shard.count);
  const mine = units.filter((_, i) => shardOf[i] === shard.index - 1);
  return distinct.flatMap((whole, j) => {
    const parts = mine.filter((u) => u.job === j);
    if (parts.length === 0) return [];
    const divisible = divisibleOf(whole);
    const all = divisible === null || parts.length === divisible.parts(whole);
    return [{ job: all ? whole : divisible.restrict(whole, parts.map((u) => u.part!)), whole }];
  });
}
