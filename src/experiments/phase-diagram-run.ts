import { fileURLToPath } from 'node:url';
import type { ExperimentStore } from './experiment-store.ts';
import type { PhaseDiagramRecord } from './phase-diagram.ts';
import { PHASE_DIAGRAM_FILE, phaseDiagramSeeds, type PhaseDiagramProtocol } from './phase-diagram-protocol.ts';
import sweepTask from './phase-diagram-worker.ts';
import { mapInWorkers } from './worker-pool.ts';

const WORKER = fileURLToPath(new URL('./phase-diagram-worker.ts', import.meta.url));

/** The sweeps of every data seed, in the order of `dataSeeds`, over `workers` processes (same records for any count). */
export function runPhaseDiagram(
  protocol: PhaseDiagramProtocol,
  dataSeeds: readonly number[],
  workers = 1,
  onDone?: (record: PhaseDiagramRecord, done: number, total: number) => void,
): Promise<PhaseDiagramRecord[]> {
  return mapInWorkers(WORKER, sweepTask, dataSeeds.map((dataSeed) => ({ protocol, dataSeed })), workers, onDone);
}

/**
 * The phase-diagram experiment as the store's profile runs it (golden/protocols/phase-diagram.json), once per
 * reproduce. Not cached on disk: a full profile takes seconds, and every sweep is deterministic.
 */
export function phaseDiagramExperiment(store: ExperimentStore): Promise<PhaseDiagramRecord[]> {
  const protocol = PHASE_DIAGRAM_FILE.settings;
  const seeds = phaseDiagramSeeds(PHASE_DIAGRAM_FILE, store.profile);
  return store.once(JSON.stringify(['phase-diagram', protocol, seeds]), () => {
    store.options.onProgress?.(`  running phase-diagram: ${seeds.length} data seeds × 3 sweeps`);
    return runPhaseDiagram(protocol, seeds, store.options.workers, (_record, done, total) => {
      if (done === total || done % 10 === 0) store.options.onProgress?.(`    phase-diagram: ${done}/${total} data seeds`);
    });
  });
}
