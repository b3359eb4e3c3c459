import { fileURLToPath } from 'node:url';
import { SWEEP_DIRECTIONS, type PhaseDiagramRecord, type SweepDirection } from '../run/index.ts';
import type { PhaseDiagramProtocol } from '../protocols/index.ts';
import sweepTask from './phase-sweep-worker.ts';
import { mapInWorkers, type WorkerPool } from './worker-pool.ts';

const WORKER = fileURLToPath(new URL('./phase-sweep-worker.ts', import.meta.url));

/** Which data seeds to sweep: all three sweeps, or the up sweep alone. */
export interface SeedPlan {
  readonly dataSeed: number;
  readonly allSweeps: boolean;
}

const UP_ONLY: readonly SweepDirection[] = ['up'];

/**
 * The sweeps of every data seed (a plain seed list runs all three sweeps), in the order given, over `workers`
 * processes: the same records for any number of workers.
 */
export function runPhaseDiagram(
  protocol: PhaseDiagramProtocol,
  seeds: readonly (number | SeedPlan)[],
  workers = 1,
  onDone?: (record: PhaseDiagramRecord, done: number, total: number) => void,
  pool?: WorkerPool,
): Promise<PhaseDiagramRecord[]> {
  const tasks = seeds.map((seed) => {
    const plan = typeof seed === 'number' ? { dataSeed: seed, allSweeps: true } : seed;
    return { protocol, dataSeed: plan.dataSeed, directions: plan.allSweeps ? SWEEP_DIRECTIONS : UP_ONLY };
  });
  return mapInWorkers(WORKER, sweepTask, tasks, workers, onDone, pool);
}
