import { describe, expect, it } from 'vitest';
import {
  computePhaseDiagramSmoke,
  loadPhaseDiagramSmoke,
  phaseDiagramSummary,
} from '../../src/pins/phase-diagram-smoke.ts';
import { PHASE_DIAGRAM_FILE, phaseDiagramSeeds } from '../../src/protocols/phase-diagram-protocol.ts';

describe('phase-diagram smoke gate', () => {
  it('recomputes the pinned transitions of golden/smoke/phase-diagram.json exactly (no cache)', async () => {
    const pinned = loadPhaseDiagramSmoke();
    const now = await computePhaseDiagramSmoke(1);
    expect(now.seeds.map((s) => s.dataSeed)).toEqual(phaseDiagramSeeds(PHASE_DIAGRAM_FILE, 'smoke').map((s) => s.dataSeed));
    // toEqual on numbers is exact: a moved transition, however small, fails here (update: npm run golden).
    expect(now).toEqual({ profile: pinned.profile, seeds: pinned.seeds });
  });

  it('summarises each sweep by its transition brackets', () => {
    const summary = phaseDiagramSummary([
      {
        dataSeed: 7,
        spectrum: { raw: [], whitened: [], inputVariances: [] },
        criticalBeta: { population: [], raw: [], whitened: [] },
        sweeps: [{ direction: 'up', points: [], transitions: [{ level: 1, lower: 0.4, upper: 0.41, beta: 0.405, bisections: 0 }] }],
      },
    ]);
    expect(summary).toEqual({ profile: 'smoke', seeds: [{ dataSeed: 7, sweeps: { up: [{ level: 1, lower: 0.4, upper: 0.41 }] } }] });
  });
});
