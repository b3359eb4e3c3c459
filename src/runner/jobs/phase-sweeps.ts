import { fileURLToPath } from 'node:url';
import { gridBetas, type PhaseDiagramProtocol } from '../../protocols/index.ts';
import { SWEEP_DIRECTIONS, type PhaseDiagramRecord, type SweepDirection } from '../../run/index.ts';
import { COST_MODEL, inUnitCache } from '../cost.ts';
import { runTasks, type JobKind, type Worker } from './job-kind.ts';
import sweepTask, { PHASE_SWEEPS_KIND, phaseSweepTask, type PhaseDiagramTask } from './phase-sweeps-worker.ts';

/** Which data seeds to sweep: all three sweeps, or the up sweep alone. */
export interface SeedPlan {
  readonly dataSeed: number;
  readonly allSweeps: boolean;
}

/** Quasi-static β sweeps of Fig. 3 (src/run/phase-sweep.ts), one data seed each. */
export interface PhaseSweepsJob {
  readonly kind: 'phase-sweeps';
  readonly label: string;
  readonly protocol: PhaseDiagramProtocol;
  readonly seeds: readonly SeedPlan[];
}

const UP_ONLY: readonly SweepDirection[] = ['up'];

/** The sweeps a seed plan asks for. */
export function sweepDirections(plan: SeedPlan): readonly SweepDirection[] {
  return plan.allSweeps ? SWEEP_DIRECTIONS : UP_ONLY;
}

const WORKER: Worker<PhaseDiagramTask, PhaseDiagramRecord> = { file: fileURLToPath(new URL('./phase-sweeps-worker.ts', import.meta.url)), run: sweepTask };

/** Every data seed's sweeps in the order given: the same records for any number of workers, with or without a cache. */
export const phaseSweepsKind: JobKind<PhaseSweepsJob, PhaseDiagramRecord[]> = {
  rate: { entry: 'sweepPointsPerSecond', is: 'rate' },
  units: (job) => job.seeds.length,
  cost(job, cacheDir) {
    const grid = gridBetas(job.protocol.grid).length;
    const points = (s: SeedPlan) => grid * sweepDirections(s).length;
    const isCached = (s: SeedPlan) => inUnitCache(cacheDir, PHASE_SWEEPS_KIND, phaseSweepTask({ protocol: job.protocol, dataSeed: s.dataSeed, directions: sweepDirections(s) }));
    const sweepPoints = job.seeds.reduce((sum, s) => sum + points(s), 0);
    const uncached = job.seeds.filter((s) => !isCached(s));
    const cpuSeconds = uncached.reduce((sum, s) => sum + points(s), 0) / COST_MODEL.sweepPointsPerSecond;
    return { runs: job.seeds.length, cached: job.seeds.length - uncached.length, sgdSteps: 0, sweepPoints, cpuSeconds };
  },
  run: (job, context) =>
    runTasks(WORKER, job.seeds.map((s) => ({ protocol: job.protocol, dataSeed: s.dataSeed, directions: sweepDirections(s), cacheDir: context.cacheDir })), context),
  divisible: {
    parts: (job) => job.seeds.length,
    restrict(job, parts) {
      const seeds = parts.map((p) => job.seeds[p]!);
      return { ...job, label: `${job.label}; this shard: data seed(s) ${seeds.map((s) => s.dataSeed).join(', ')}`, seeds };
    },
    group: () => null,
  },
  recompute: { [PHASE_SWEEPS_KIND]: (task) => sweepTask({ ...(task as Omit<PhaseDiagramTask, 'cacheDir'>), cacheDir: null }).result },
};
