import { describe, expect, it } from 'vitest';
import {
  computePhaseDiagramSmoke,
  loadPhaseDiagramSmoke,
  phaseDiagramSummary,
} from '../../src/pins/phase-diagram-smoke.ts';
import { pinDifferences } from '../../src/pins/index.ts';
import { PHASE_DIAGRAM_FILE, phaseDiagramSeeds } from '../../src/protocols/phase-diagram-protocol.ts';

describe('phase-diagram smoke gate', () => {
  it('recomputes the pinned transitions of golden/smoke/phase-diagram.json exactly (no cache)', async () => {
    const pinned = loadPhaseDiagramSmoke();
    const now = await computePhaseDiagramSmoke(1);
    expect(now.seeds.map((s) => s.dataSeed)).toEqual(phaseDiagramSeeds(PHASE_DIAGRAM_FILE, 'smoke').map((s) => s.dataSeed));
    // Numbers compare exactly: a moved transition, however small, is named here (update: npm run golden).
    expect(pinDifferences(now, { profile: pinned.profile, seeds: pinned.seeds })).toEqual([]);
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
