import { fileURLToPath } from 'node:url';
import type { ExperimentStore } from '../experiments/experiment-store.ts';
import { SWEEP_DIRECTIONS, type PhaseDiagramRecord, type SweepDirection } from '../run/phase-sweep.ts';
import { PHASE_DIAGRAM_FILE, phaseDiagramSeeds, type PhaseDiagramProtocol } from '../protocols/phase-diagram-protocol.ts';
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

/**
 * The phase-diagram experiment as the store's profile runs it (golden/protocols/phase-diagram.json), once per
 * reproduce. Not cached on disk: a full profile takes seconds, and every sweep is deterministic.
 */
export function phaseDiagramExperiment(store: ExperimentStore): Promise<PhaseDiagramRecord[]> {
  const protocol = PHASE_DIAGRAM_FILE.settings;
  const seeds = phaseDiagramSeeds(PHASE_DIAGRAM_FILE, store.profile);
  return store.once(JSON.stringify(['phase-diagram', protocol, seeds]), () => {
    const all = seeds.filter((s) => s.allSweeps).length;
    store.options.onProgress?.(`  running phase-diagram: ${all} data seeds × 3 sweeps, ${seeds.length - all} more × the up sweep`);
    return runPhaseDiagram(protocol, seeds, store.options.workers, (_record, done, total) => {
      if (done === total || done % 200 === 0) store.options.onProgress?.(`    phase-diagram: ${done}/${total} data seeds`);
    }, store.workerPool());
  });
}
