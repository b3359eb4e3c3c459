import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stepsPerEpoch } from '../engine/index.ts';
import { applyOverrides, gridBetas } from '../protocols/index.ts';
import type { Job } from './job.ts';
import { phaseSweepTask } from './phase-sweep-worker.ts';
import { sweepDirections, type SeedPlan } from './phase-sweeps.ts';
import { runCacheKey } from './run-cache.ts';
import { unitCacheKey, unitCachePath } from './unit-cache.ts';

/** What one job costs before it runs: its units of work and an estimate of their CPU time. */
export interface JobCost {
  /** Seeds (SGD runs, or data seeds of β sweeps); 1 for an analysis. */
  readonly runs: number;
  /** Of these, runs whose result is already in the cache (the cost counts only the others). */
  readonly cached: number;
  /** SGD steps of the continued runs and their checkpoints' annealing stages (0 for other jobs). */
  readonly sgdSteps: number;
  /** Full-batch descent points of β sweeps (grid points × sweeps; 0 for other jobs). */
  readonly sweepPoints: number;
  /** Estimated single-core seconds of the work not cached. */
  readonly cpuSeconds: number;
}

/**
 * Single-core rates behind the estimate, measured with `npm run bench` and a cold full profile on the reference
 * 2-core machine (REPRODUCE.md, "Time"): mini-batch SGD with per-epoch metrics; one converged β point of a sweep;
 * one Appendix F analysis (two Newton refinements, Hessian eigen-decompositions, gradient covariances).
 */
export const COST_MODEL = { sgdStepsPerSecond: 5.0e5, sweepPointsPerSecond: 60, kramersLangerSeconds: 3 } as const;

/** The annealing stages a seed trains before its continued run (shared checkpoints are counted once per run). */
function checkpointSteps(job: Extract<Job, { kind: 'seed-runs' }>): number {
  const p = job.protocol;
  if (p.start.kind !== 'checkpoint') return 0;
  return p.start.betas.length * p.checkpoint.epochsPerStage * stepsPerEpoch(p.data.trainCount, p.checkpoint.batch);
}

/** Whether a unit's entry is in the cache (its file exists; it is verified when read). */
function inCache(cacheDir: string | null, kind: string, task: unknown): boolean {
  return cacheDir !== null && existsSync(unitCachePath(cacheDir, kind, unitCacheKey(kind, task)));
}

export function jobCost(job: Job, cacheDir: string | null): JobCost {
  switch (job.kind) {
    case 'seed-runs': {
      const p = applyOverrides(job.protocol, job.overrides);
      const perSeed = p.epochs * stepsPerEpoch(p.data.trainCount, p.batch) + checkpointSteps(job);
      const cached = cacheDir === null ? 0 : job.seeds.filter((seed) => existsSync(join(cacheDir, `${runCacheKey(job.protocol, seed, job.overrides)}.json`))).length;
      const sgdSteps = perSeed * job.seeds.length;
      return { runs: job.seeds.length, cached, sgdSteps, sweepPoints: 0, cpuSeconds: (perSeed * (job.seeds.length - cached)) / COST_MODEL.sgdStepsPerSecond };
    }
    case 'phase-sweeps': {
      const grid = gridBetas(job.protocol.grid).length;
      const points = (s: SeedPlan) => grid * sweepDirections(s).length;
      const isCached = (s: SeedPlan) => inCache(cacheDir, job.kind, phaseSweepTask({ protocol: job.protocol, dataSeed: s.dataSeed, directions: sweepDirections(s) }));
      const sweepPoints = job.seeds.reduce((sum, s) => sum + points(s), 0);
      const uncached = job.seeds.filter((s) => !isCached(s));
      const cpuSeconds = uncached.reduce((sum, s) => sum + points(s), 0) / COST_MODEL.sweepPointsPerSecond;
      return { runs: job.seeds.length, cached: job.seeds.length - uncached.length, sgdSteps: 0, sweepPoints, cpuSeconds };
    }
    case 'kramers-langer': {
      const cached = inCache(cacheDir, job.kind, job.options) ? 1 : 0;
      return { runs: 1, cached, sgdSteps: 0, sweepPoints: 0, cpuSeconds: cached ? 0 : COST_MODEL.kramersLangerSeconds };
    }
  }
}
