import { gradientNoiseScaling, type GradientNoiseOptions, type GradientNoiseReport } from '../../run/index.ts';
import { COST_MODEL } from '../cost.ts';
import { taskDone, type JobKind } from './job-kind.ts';
import { computed } from './worker-result.ts';

/** The mini-batch gradient noise against B, with and without replacement (src/run/gradient-noise-scaling.ts). */
export interface GradientNoiseJob {
  readonly kind: 'gradient-noise';
  readonly label: string;
  readonly options: GradientNoiseOptions;
}

/** A few seconds of linear algebra in this process, like the Appendix F analysis; not cached. */
export const gradientNoiseKind: JobKind<GradientNoiseJob, GradientNoiseReport> = {
  rate: { entry: 'gradientNoiseDrawsPerSecond', is: 'rate' },
  units: () => 1,
  cost(job) {
    const draws = job.options.draws * job.options.batches.length * 2;
    return { runs: 1, cached: 0, sgdSteps: 0, sweepPoints: 0, cpuSeconds: draws / COST_MODEL.gradientNoiseDrawsPerSecond };
  },
  async run(job, context) {
    await Promise.resolve();
    const report = computed(() => gradientNoiseScaling(job.options));
    taskDone(context, report, true);
    return report.result;
  },
};
