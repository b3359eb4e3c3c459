import { existsSync } from 'node:fs';
import { unitCacheKey, unitCachePath } from './unit-cache.ts';

// What a job costs before it runs, by one model of single-core rates; each job kind (jobs/) prices its own work.

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
  /** SGD steps of the trapping runs on the network with biases (JS moment path with per-epoch σ of every mode). */
  biasedStepsPerSecond: 1.2e5,
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

/** Whether a unit's entry is in the cache (its file exists; it is verified when read). */
export function inUnitCache(cacheDir: string | null, kind: string, task: unknown): boolean {
  return cacheDir !== null && existsSync(unitCachePath(cacheDir, kind, unitCacheKey(kind, task)));
}
