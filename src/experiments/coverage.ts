// Audit experiments that the coverage claims need (REPRODUCE.md, "Coverage of the remaining
// statements"): Appendix A's random initialisation with N(0, 1/√w) read as a variance, and the mini-batch gradient
// noise against B (Section 2.2, Eq. 4).
import type { Profile } from '../protocols/index.ts';
import { protocolVariant } from '../protocols/index.ts';
import type { RunRecord, GradientNoiseReport } from '../run/index.ts';
import type { GradientNoiseJob, RunnerResults, SeedRunsJob } from '../runner/index.ts';
import { experiment, type NoParams } from './experiment.ts';
import { seedRunsJob } from './seed-runs.ts';
import { FIXED_DATA_SEED } from './trapping.ts';

/** Appendix A's hidden width w = 10: N(0, 1/√w) as mean and variance has standard deviation w^(−1/4). */
export const VARIANCE_READING_STD = 10 ** -0.25;

/** Random initialisation (Section 3.1 i) with weights of variance 1/√w, data drawn per seed, no trace. */
export function initVarianceJob(profile: Profile): SeedRunsJob {
  return seedRunsJob('random-init', profile, { initStd: VARIANCE_READING_STD, dataSeed: { kind: 'per-seed' } }, 'weights of variance 1/√w (N(0, 1/√w) read as a variance), data drawn per seed');
}

export function initVarianceResult(profile: Profile, runner: RunnerResults): RunRecord[] {
  return runner.get(initVarianceJob(profile));
}

/** Batch sizes of the noise measurement: the paper's B = 64 and the batch sweep's range, by powers of two. */
export const NOISE_BATCHES = [8, 16, 32, 64, 128, 256] as const;
const NOISE_DRAWS: Readonly<Record<Profile, number>> = { full: 20_000, quick: 5000, smoke: 500 };

export function gradientNoiseJob(profile: Profile): GradientNoiseJob {
  const draws = NOISE_DRAWS[profile];
  return {
    kind: 'gradient-noise',
    label: `mini-batch gradient noise against B (Eq. 4): B ∈ {${NOISE_BATCHES.join(', ')}} × ${draws} draws, with and without replacement`,
    options: { protocol: protocolVariant('random-init', profile), dataSeed: FIXED_DATA_SEED, batches: NOISE_BATCHES, draws },
  };
}

export function gradientNoiseResult(profile: Profile, runner: RunnerResults): GradientNoiseReport {
  return runner.get(gradientNoiseJob(profile));
}

/** Random initialisation with N(0, 1/√w) read as a variance (per-seed data). */
export const initVarianceExperiment = experiment({
  jobs: (_: NoParams, profile) => [initVarianceJob(profile)],
  readers: { initVariance: (profile, runner) => initVarianceResult(profile, runner) },
});

/** Mini-batch gradient noise against B, with and without replacement. */
export const gradientNoiseExperiment = experiment({
  jobs: (_: NoParams, profile) => [gradientNoiseJob(profile)],
  readers: { gradientNoise: (profile, runner) => gradientNoiseResult(profile, runner) },
});
