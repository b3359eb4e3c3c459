import { stepsPerEpoch, type BatchSampling } from '../../engine/index.ts';
import { nonlinearTrapPlan, type ModeWatch, type NonlinearEscapesRecord, type NonlinearSweepSpec, type NonlinearTrapState, type TrapRule } from '../../run/index.ts';
import type { EscapeRun } from '../../stats/index.ts';
import { COST_MODEL } from '../cost.ts';
import { runTasks, type JobKind } from './job-kind.ts';
import { NONLINEAR_WORKER, nonlinearPointSeconds, sharedSweeps } from './nonlinear-sweeps.ts';
import { recomputeNonlinear, type NonlinearWorkerTask } from './nonlinear-worker.ts';

/**
 * SGD from a nonlinear network's trap (src/run/nonlinear-trap.ts): the trap β and rise threshold read off the same
 * spec's up sweep (the nonlinear-sweeps job's), the trap and its gradient noise, then one run per seed.
 */
export interface NonlinearEscapesJob {
  readonly kind: 'nonlinear-escapes';
  readonly label: string;
  readonly spec: NonlinearSweepSpec;
  readonly dataSeed: number;
  readonly rule: TrapRule;
  readonly noiseRank: number;
  readonly riseFraction: number;
  readonly escape: {
    readonly lr: number;
    readonly batch: number;
    readonly sampling: BatchSampling;
    readonly mode: number;
    readonly checkEvery: number;
    readonly budget: number;
  };
  readonly seeds: readonly number[];
}

/** The trap plan from the up sweep, the trap, then the seeds' runs: only from a rank-1 trap is there an escape to watch. */
export const nonlinearEscapesKind: JobKind<NonlinearEscapesJob, NonlinearEscapesRecord> = {
  rate: { entry: 'nonlinearSamplesPerSecond', is: 'rate' },
  units: (job) => job.seeds.length,
  cost(job) {
    // At most: every run to its budget, with a response check (a pass over the data) every checkEvery epochs;
    // the trap is three descents. The sweeps are the sweep job's.
    const e = job.escape;
    const n = job.spec.data.trainCount;
    const perRun = e.budget * stepsPerEpoch(n, e.batch);
    const samples = job.seeds.length * (perRun * Math.min(e.batch, n) + Math.floor(e.budget / e.checkEvery) * n);
    const cpuSeconds = samples / COST_MODEL.nonlinearSamplesPerSecond + 3 * nonlinearPointSeconds(job.spec);
    return { runs: job.seeds.length, cached: 0, sgdSteps: perRun * job.seeds.length, sweepPoints: 3, cpuSeconds };
  },
  async run(job, context) {
    const sweeps = (await sharedSweeps(job, context)).result;
    const plan = nonlinearTrapPlan(sweeps.up, job.rule, job.spec.rankThreshold, job.riseFraction);
    // With nothing to run, the job's units are done at once (progress counts them).
    const none = (record: NonlinearEscapesRecord) => {
      for (let i = 0; i < job.seeds.length; i++) context.unitDone(false);
      return record;
    };
    if (plan === null) return none({ plan, trap: null, runs: [] });
    const trapTask: NonlinearWorkerTask = {
      unit: { kind: 'nonlinear-trap', spec: job.spec, dataSeed: job.dataSeed, annealing: plan.annealing, beta: plan.beta, noiseRank: job.noiseRank },
      cacheDir: context.cacheDir,
    };
    const [trap] = (await runTasks(NONLINEAR_WORKER, [trapTask], context, false)) as [NonlinearTrapState];
    if (trap.response.filter((s) => s > job.spec.rankThreshold).length !== job.escape.mode - 1) return none({ plan, trap, runs: [] });
    const { budget, ...rest } = job.escape;
    const settings: ModeWatch = { ...rest, budget, beta: plan.beta, crossing: 'rise', threshold: plan.riseThreshold };
    const tasks = job.seeds.map((sgdSeed): NonlinearWorkerTask => ({
      unit: { kind: 'nonlinear-escape', spec: job.spec, dataSeed: job.dataSeed, trapParams: trap.params, settings, sgdSeed },
      cacheDir: context.cacheDir,
    }));
    const runs = (await runTasks(NONLINEAR_WORKER, tasks, context)) as EscapeRun[];
    return { plan, trap, runs };
  },
  recompute: { 'nonlinear-trap': recomputeNonlinear('nonlinear-trap'), 'nonlinear-escape': recomputeNonlinear('nonlinear-escape') },
};
