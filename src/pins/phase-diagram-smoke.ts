import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/index.ts';
import { loadValidatedJson } from '../io/index.ts';
import { phaseDiagramJob } from '../experiments/index.ts';
import type { PhaseDiagramRecord, SweepDirection } from '../run/index.ts';
import { executeJobs } from '../runner/index.ts';

// The gate of the phase diagram: the smoke profile's located transitions, per data seed and sweep direction,
// pinned in golden/smoke/phase-diagram.json and compared exactly (the sweeps are deterministic).

const SMOKE_DIR = fileURLToPath(new URL('../../golden/smoke', import.meta.url));
export const PHASE_DIAGRAM_SMOKE_PATH = join(SMOKE_DIR, 'phase-diagram.json');
export const PHASE_DIAGRAM_SMOKE_SCHEMA = join(SMOKE_DIR, 'phase-diagram.schema.json');

export interface PinnedTransition {
  level: number;
  lower: number;
  upper: number;
}

export interface PhaseDiagramSmoke {
  profile: 'smoke';
  seeds: { dataSeed: number; sweeps: Partial<Record<SweepDirection, PinnedTransition[]>> }[];
}

/** The transition brackets of every sweep of every data seed, in seed order. */
export function phaseDiagramSummary(records: readonly PhaseDiagramRecord[]): PhaseDiagramSmoke {
  return {
    profile: 'smoke',
    seeds: records.map((r) => ({
      dataSeed: r.dataSeed,
      sweeps: Object.fromEntries(r.sweeps.map((s) => [s.direction, s.transitions.map(({ level, lower, upper }) => ({ level, lower, upper }))])),
    })),
  };
}

/** Recomputes the smoke profile from scratch (no cache) and summarises it. */
export async function computePhaseDiagramSmoke(workers = 1): Promise<PhaseDiagramSmoke> {
  const job = phaseDiagramJob('smoke');
  const runner = await executeJobs([job], { workers, cacheDir: null });
  return phaseDiagramSummary(runner.get(job));
}

export function loadPhaseDiagramSmoke(path = PHASE_DIAGRAM_SMOKE_PATH): PhaseDiagramSmoke {
  return loadValidatedJson<PhaseDiagramSmoke & { $schema?: string }>(path, PHASE_DIAGRAM_SMOKE_SCHEMA);
}

export function writePhaseDiagramSmoke(summary: PhaseDiagramSmoke, path = PHASE_DIAGRAM_SMOKE_PATH): void {
  writeFileAtomic(path, `${JSON.stringify({ $schema: './phase-diagram.schema.json', ...summary }, null, 2)}\n`);
}
