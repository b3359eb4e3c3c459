import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defaultAbsorbingPoint, meanFirstPassageTime, modePotential, stepsPerEpoch } from '../engine/index.ts';
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
 * one Appendix F analysis (two Newton refinements, Hessian eigen-decompositions, gradient covariances); downward
 * jumps (B = 64 with an SVD of the end-to-end map every epoch, measured on the one-way-jumps protocol).
 */
export const COST_MODEL = {
  sgdStepsPerSecond: 5.0e5,
  sweepPointsPerSecond: 60,
  kramersLangerSeconds: 3,
  jumpStepsPerSecond: 1.4e5,
  /**
   * SGLD steps of the network control with its per-epoch escape watch (the WebAssembly epoch with the kick; the
   * ziggurat's normal per weight and step dominates): 1.1×10⁵ at L = 3 and 6×10⁴ at L = 5 measured; the slower one.
   */
  sgldStepsPerSecond: 6.0e4,
  /** Euler–Maruyama steps of the one-mode control. */
  langevinStepsPerSecond: 6.0e6,
  /** SGD steps of the learning-plateau runs (an SVD of the end-to-end map every epoch; measured on the staged protocol). */
  plateauStepsPerSecond: 1.0e5,
  /** Mini-batch gradient deviations of the gradient-noise measurement. */
  gradientNoiseDrawsPerSecond: 1.2e4,
  /** Per-sample gradients a second of a tanh or sigmoid 2→10→10→2 network on the batched kernel (8×10³ steps/s at B = 64). */
  nonlinearSamplesPerSecond: 5.1e5,
  /** Mean full-batch descent steps of one nonlinear sweep point (most points stop at the protocol's maxSteps, measured). */
  nonlinearSweepPointSteps: 3000,
} as const;

/** One nonlinear sweep point's descent: COST_MODEL's mean steps, each a pass over the training set. */
function nonlinearPointSeconds(spec: { readonly data: { readonly trainCount: number }; readonly convergence: { readonly maxSteps: number } }): number {
  return (Math.min(spec.convergence.maxSteps, COST_MODEL.nonlinearSweepPointSteps) * spec.data.trainCount) / COST_MODEL.nonlinearSamplesPerSecond;
}

/** Expected Euler–Maruyama steps of one one-mode run: the exact mean first-passage time, capped by the budget. */
function expectedModeSteps(job: Extract<Job, { kind: 'mode-langevin' }>): number {
  const s = job.settings;
  const potential = modePotential(s.eta, s.beta, s.depth, s.convention);
  const value = job.barrierScale === 1 ? potential.value : (u: number) => job.barrierScale * potential.value(u);
  const tau = meanFirstPassageTime(value, { temperature: s.temperature, start: 0, upper: s.absorbAt ?? defaultAbsorbingPoint(potential), intervals: 2000 });
  return Math.min(s.maxSteps, Math.ceil(tau / s.dt));
}

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
    case 'kramers-langer':
      return { runs: 1, cached: 0, sgdSteps: 0, sweepPoints: 0, cpuSeconds: COST_MODEL.kramersLangerSeconds };
    case 'jump-runs': {
      // At most: every run censored at its budget; the up sweep and the annealing once per data set and β.
      const sgdSteps = job.tasks.reduce((s, t) => s + t.sgdSeeds.length * t.settings.budget * stepsPerEpoch(t.protocol.data.trainCount, t.settings.batch), 0);
      const runs = job.tasks.reduce((s, t) => s + t.sgdSeeds.length, 0);
      const sweepPoints = new Set(job.tasks.map((t) => t.delta)).size * gridBetas(job.tasks[0]?.protocol.grid ?? { from: 0, to: 0, step: 1 }).length;
      return { runs, cached: 0, sgdSteps, sweepPoints, cpuSeconds: sgdSteps / COST_MODEL.jumpStepsPerSecond + sweepPoints / COST_MODEL.sweepPointsPerSecond };
    }
    case 'mode-langevin': {
      const steps = expectedModeSteps(job) * job.seeds.length;
      return { runs: job.seeds.length, cached: 0, sgdSteps: 0, sweepPoints: 0, cpuSeconds: steps / COST_MODEL.langevinStepsPerSecond };
    }
    case 'sgld-escapes': {
      // An upper bound: every run to its budget (most escape long before), and the checkpoint trained once per job.
      const p = job.protocol;
      const perRun = p.epochs * stepsPerEpoch(p.data.trainCount, p.batch);
      const checkpoint = p.start.kind === 'checkpoint' ? p.start.betas.length * p.checkpoint.epochsPerStage * stepsPerEpoch(p.data.trainCount, p.checkpoint.batch) : 0;
      const sgdSteps = perRun * job.noiseSeeds.length;
      return {
        runs: job.noiseSeeds.length,
        cached: 0,
        sgdSteps: sgdSteps + checkpoint,
        sweepPoints: 0,
        cpuSeconds: sgdSteps / COST_MODEL.sgldStepsPerSecond + checkpoint / COST_MODEL.sgdStepsPerSecond,
      };
    }
    case 'learning-plateaus': {
      const sgdSteps = job.dataSeeds.length * job.settings.epochs * stepsPerEpoch(job.protocol.data.trainCount, job.settings.batch);
      return { runs: job.dataSeeds.length, cached: 0, sgdSteps, sweepPoints: 0, cpuSeconds: sgdSteps / COST_MODEL.plateauStepsPerSecond };
    }
    case 'gradient-noise': {
      const draws = job.options.draws * job.options.batches.length * 2;
      return { runs: 1, cached: 0, sgdSteps: 0, sweepPoints: 0, cpuSeconds: draws / COST_MODEL.gradientNoiseDrawsPerSecond };
    }
    case 'nonlinear-sweeps': {
      const sweepPoints = 2 * job.spec.betas.length;
      const cached = inCache(cacheDir, job.kind, { spec: job.spec, dataSeed: job.dataSeed }) ? 1 : 0;
      return { runs: 1, cached, sgdSteps: 0, sweepPoints, cpuSeconds: cached ? 0 : sweepPoints * nonlinearPointSeconds(job.spec) };
    }
    case 'nonlinear-escapes': {
      // At most: every run to its budget, with a response check (a pass over the data) every checkEvery epochs;
      // the trap is three descents. The sweeps are the sweep job's.
      const e = job.escape;
      const n = job.spec.data.trainCount;
      const perRun = e.budget * stepsPerEpoch(n, e.batch);
      const samples = job.seeds.length * (perRun * Math.min(e.batch, n) + Math.floor(e.budget / e.checkEvery) * n);
      const cpuSeconds = samples / COST_MODEL.nonlinearSamplesPerSecond + 3 * nonlinearPointSeconds(job.spec);
      return { runs: job.seeds.length, cached: 0, sgdSteps: perRun * job.seeds.length, sweepPoints: 3, cpuSeconds };
    }
  }
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
