import { kramersLanger, type KramersLangerOptions, type KramersLangerReport } from '../../run/index.ts';
import { COST_MODEL, inUnitCache } from '../cost.ts';
import { taskDone, type JobKind } from './job-kind.ts';
import { throughUnitCache } from './worker-result.ts';

/** The Appendix F analysis at one β (src/run/kramers-langer.ts): Hessians, zero modes, Eq. 11/12, gradient noise. */
export interface KramersLangerJob {
  readonly kind: 'kramers-langer';
  readonly label: string;
  readonly options: KramersLangerOptions;
}

/** The unit-cache kind of the analysis (engine-fingerprint.ts keys it by run/kramers-langer.ts). */
const KIND = 'kramers-langer';

/** Deterministic linear algebra in this process, while the pool works on the SGD runs; cached whole. */
export const kramersLangerKind: JobKind<KramersLangerJob, KramersLangerReport> = {
  rate: { entry: 'kramersLangerSeconds', is: 'time' },
  units: () => 1,
  cost(job, cacheDir) {
    const cached = inUnitCache(cacheDir, KIND, job.options) ? 1 : 0;
    return { runs: 1, cached, sgdSteps: 0, sweepPoints: 0, cpuSeconds: cached ? 0 : COST_MODEL.kramersLangerSeconds };
  },
  async run(job, context) {
    await Promise.resolve();
    const analysis = throughUnitCache(context.cacheDir, KIND, job.options, () => kramersLanger(job.options));
    for (const line of analysis.cacheProblems) context.cacheProblem(line);
    taskDone(context, analysis, true);
    return analysis.result;
  },
  recompute: { [KIND]: (task) => kramersLanger(task as KramersLangerOptions) },
};
