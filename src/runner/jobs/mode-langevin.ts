import { fileURLToPath } from 'node:url';
import { defaultAbsorbingPoint, meanFirstPassageTime, modePotential, type LangevinEscape, type ModeLangevinSettings } from '../../engine/index.ts';
import { COST_MODEL } from '../cost.ts';
import { runTasks, type JobKind, type Worker } from './job-kind.ts';
import modeTask, { type ModeTask } from './mode-langevin-worker.ts';

/** The one-mode positive control at one temperature (src/run/escape-controls.ts): one Langevin run per seed. */
export interface ModeLangevinJob {
  readonly kind: 'mode-langevin';
  readonly label: string;
  readonly settings: ModeLangevinSettings;
  /** 1: the mode's own potential; s: s·V (a spec's wrong barrier). */
  readonly barrierScale: number;
  readonly seeds: readonly number[];
}

/** Seeds per task: enough to amortise a task, few enough to spread a job over the workers. */
export const MODE_SLICE = 10;

const WORKER: Worker<ModeTask, LangevinEscape[]> = { file: fileURLToPath(new URL('./mode-langevin-worker.ts', import.meta.url)), run: modeTask };

/** Expected Euler–Maruyama steps of one run: the exact mean first-passage time, capped by the budget. */
function expectedModeSteps(job: ModeLangevinJob): number {
  const s = job.settings;
  const potential = modePotential(s.eta, s.beta, s.depth, s.convention);
  const value = job.barrierScale === 1 ? potential.value : (u: number) => job.barrierScale * potential.value(u);
  const tau = meanFirstPassageTime(value, { temperature: s.temperature, start: 0, upper: s.absorbAt ?? defaultAbsorbingPoint(potential), intervals: 2000 });
  return Math.min(s.maxSteps, Math.ceil(tau / s.dt));
}

/** The runs in seed order, in slices of MODE_SLICE seeds over the workers: the same for any number of workers. */
export const modeLangevinKind: JobKind<ModeLangevinJob, LangevinEscape[]> = {
  rate: { entry: 'langevinStepsPerSecond', is: 'rate' },
  units: (job) => Math.ceil(job.seeds.length / MODE_SLICE),
  cost(job) {
    const steps = expectedModeSteps(job) * job.seeds.length;
    return { runs: job.seeds.length, cached: 0, sgdSteps: 0, sweepPoints: 0, cpuSeconds: steps / COST_MODEL.langevinStepsPerSecond };
  },
  async run(job, context) {
    const tasks: ModeTask[] = [];
    for (let i = 0; i < job.seeds.length; i += MODE_SLICE) tasks.push({ settings: job.settings, barrierScale: job.barrierScale, seeds: job.seeds.slice(i, i + MODE_SLICE) });
    return (await runTasks(WORKER, tasks, context)).flat();
  },
};
