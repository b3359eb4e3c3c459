import { PHASE_DIAGRAM_FILE, phaseDiagramSeeds, type Profile } from '../protocols/index.ts';
import type { PhaseDiagramRecord } from '../run/index.ts';
import type { PhaseSweepsJob, RunnerResults } from '../runner/index.ts';
import { experiment, type NoParams } from './experiment.ts';

/**
 * Fig. 3 / Appendix B as the profile runs it (golden/protocols/phase-diagram.json): every data seed's quasi-static
 * sweeps, cached on disk per data seed by the runner like the SGD runs (a sharded run leaves them to no one).
 */
export function phaseDiagramJob(profile: Profile): PhaseSweepsJob {
  const seeds = phaseDiagramSeeds(PHASE_DIAGRAM_FILE, profile);
  const all = seeds.filter((s) => s.allSweeps).length;
  return {
    kind: 'phase-sweeps',
    label: `phase diagram (Fig. 3): ${all} data seeds × 3 quasi-static β sweeps, ${seeds.length - all} more × the up sweep`,
    protocol: PHASE_DIAGRAM_FILE.settings,
    seeds,
  };
}

export function phaseDiagramResult(profile: Profile, runner: RunnerResults): PhaseDiagramRecord[] {
  return runner.get(phaseDiagramJob(profile));
}

export const phaseDiagramExperiment = experiment({
  jobs: (_: NoParams, profile) => [phaseDiagramJob(profile)],
  readers: { phaseDiagram: (profile, runner) => phaseDiagramResult(profile, runner) },
});
