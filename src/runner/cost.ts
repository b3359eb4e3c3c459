import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { stepsPerEpoch } from '../engine/index.ts';
import { applyOverrides, gridBetas } from '../protocols/index.ts';
import { SWEEP_DIRECTIONS } from '../run/index.ts';
import type { Job } from './job.ts';
import { runCacheKey } from './run-cache.ts';

/** What one job costs before it runs: its units of work and an estimate of their CPU time. */
export interface JobCost {
  /** Seeds (SGD runs, or data seeds of β sweeps); 1 for an analysis. */
  readonly runs: number;
  /** Of these, runs whose record is already in the run cache (SGD runs only). */
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
export const COST_MODEL = { sgdStepsPerSecond: 5.0e5, sweepPointsPerSecond: 60, kramersLangerSeconds: 3, gradientNoiseDrawsPerSecond: 2.0e4 } as const;

/** The annealing stages a seed trains before its continued run (shared checkpoints are counted once per run). */
function checkpointSteps(job: Extract<Job, { kind: 'seed-runs' }>): number {
  const p = job.protocol;
  if (p.start.kind !== 'checkpoint') return 0;
  return p.start.betas.length * p.checkpoint.epochsPerStage * stepsPerEpoch(p.data.trainCount, p.checkpoint.batch);
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
      const sweepPoints = job.seeds.reduce((sum, s) => sum + grid * (s.allSweeps ? SWEEP_DIRECTIONS.length : 1), 0);
      return { runs: job.seeds.length, cached: 0, sgdSteps: 0, sweepPoints, cpuSeconds: sweepPoints / COST_MODEL.sweepPointsPerSecond };
    }
    case 'kramers-langer':
      return { runs: 1, cached: 0, sgdSteps: 0, sweepPoints: 0, cpuSeconds: COST_MODEL.kramersLangerSeconds };
    case 'gradient-noise': {
      const draws = job.options.draws * job.options.batches.length * 2;
      return { runs: 1, cached: 0, sgdSteps: 0, sweepPoints: 0, cpuSeconds: draws / COST_MODEL.gradientNoiseDrawsPerSecond };
    }
  }
}
