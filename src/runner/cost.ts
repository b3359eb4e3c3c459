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
 * Single-core rates behind the estimate, fitted to measured CPU time: each job reports the CPU seconds its computed
 * units took (timings.json beside the report, README "Commands"), and `npm run cost-model` gives per kind the ratio
 * of measured to estimated and the entry that makes them match. Set from one cold quick-profile run on the reference
 * 2-core machine (144 CPU s measured in 81 s; 1053 s estimated by the rates before); the per-step work is the full
 * profile's, so the rates hold for it. The kinds that were off by more than 20 % on a cold full-profile run after the
 * WebAssembly epoch took in batches with replacement and the SGLD kick's normals (seed runs, downward jumps, plateaus,
 * nonlinear sweeps, Appendix F analyses), and the biased trapping runs once they ran there too, were refitted to it:
 * pooled over each kind's jobs the estimates of that run are within 7 % of what it measured (593 CPU s in all);
 * single jobs scatter more where the estimate is a budget the runs mostly stop short of (seed runs, SGLD escapes,
 * downward jumps: the rates are then per step of the budget, not of the run) or where jobs of one kind differ in
 * shape (β sweeps: ratios 0.7–3.3, Appendix F analyses 0.2–2.9). After a run's watch read the end-to-end map from the
 * module and the full-batch descents moved into it, every kind off by more than 5 % pooled was refitted to a cold
 * full-profile run (437 CPU s measured, 605 s estimated by the rates before).
 */
export const COST_MODEL = {
  /** Budget steps of the SGD seed runs (escape rule ends most runs early; 2.9×10⁶ fitted on the full profile, was 2.1×10⁶). */
  sgdStepsPerSecond: 2.9e6,
  /** Converged β points of a phase sweep, descended in the WebAssembly module (2900 fitted, was 880 in JS). */
  sweepPointsPerSecond: 2900,
  /** One Appendix F analysis (two Newton refinements, Hessian eigen-decompositions, gradient covariances): 0.4 s fitted, was 0.5. */
  kramersLangerSeconds: 0.4,
  /** Budget steps of the downward jumps (B = 64, an SVD of the end-to-end map every epoch; most runs fall early; batches drawn with replacement in WebAssembly too): 8.9×10⁶ fitted, was 7.9×10⁶. */
  jumpStepsPerSecond: 8.9e6,
  /**
   * Budget steps of the SGLD network control with its per-epoch escape watch (most runs escape long before it): 1.9×10⁶
   * fitted, was 1.4×10⁶ (the measured rate of a run that goes to its budget: `npm run bench`).
   */
  sgldStepsPerSecond: 1.9e6,
  /** SGD steps of the trapping runs on the network with biases (the WebAssembly epoch, per-epoch σ of every mode): 1.7×10⁶ fitted on the full profile, was 3.7×10⁵ on the JS loop. */
  biasedStepsPerSecond: 1.7e6,
  /** Euler–Maruyama steps of the one-mode control: 3.9×10⁷ fitted, was 3.5×10⁷. */
  langevinStepsPerSecond: 3.9e7,
  /** SGD steps of the learning-plateau runs (an SVD of the end-to-end map every epoch): 7.5×10⁵ fitted, was 6.3×10⁵. */
  plateauStepsPerSecond: 7.5e5,
  /** Mini-batch gradient deviations of the gradient-noise measurement: 6.2×10⁴ fitted, was 1.2×10⁴. */
  gradientNoiseDrawsPerSecond: 6.2e4,
  /** Per-sample gradients a second of a tanh or sigmoid 2→10→10→2 network on the batched kernel: 2.1×10⁶ fitted (from the escape runs), was 1.9×10⁶. */
  nonlinearSamplesPerSecond: 2.1e6,
  /** Mean full-batch descent steps of one nonlinear sweep point, capped by the protocol's maxSteps (measured: most points reach it): 4000 fitted at the rate above, was 3000. */
  nonlinearSweepPointSteps: 4000,
} as const;

/** Whether a unit's entry is in the cache (its file exists; it is verified when read). */
export function inUnitCache(cacheDir: string | null, kind: string, task: unknown): boolean {
  return cacheDir !== null && existsSync(unitCachePath(cacheDir, kind, unitCacheKey(kind, task)));
}
