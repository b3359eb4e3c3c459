import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criticalBeta, float64 } from '../../src/analytic/index.ts';
import {
  PHASE_DIAGRAM_FILE,
  PHASE_DIAGRAM_PATH,
  gridBetas,
  loadPhaseDiagramFile,
  phaseDiagramSeeds,
  type PhaseDiagramProtocol,
} from '../../src/protocols/phase-diagram-protocol.ts';
import { executeJobs, type PhaseSweepsJob } from '../../src/runner/index.ts';
import { eq3CriticalBetas, sweepDataSeed } from '../../src/run/phase-sweep.ts';

/** The paper's sweep on a coarse grid around the transitions, so a spec runs in a fraction of a second. */
const coarse: PhaseDiagramProtocol = {
  ...PHASE_DIAGRAM_FILE.settings,
  grid: { from: 0.3, to: 0.48, step: 0.03 },
  refinement: { bisections: 3 },
};

describe('gridBetas', () => {
  it('lists the grid as printed: 0, 0.01, …, 0.6', () => {
    const betas = gridBetas(PHASE_DIAGRAM_FILE.settings.grid);
    expect(betas).toHaveLength(61);
    expect(betas[7]).toBe(0.07);
    expect(betas[60]).toBe(0.6);
    expect(() => gridBetas({ from: 0.5, to: 0.1, step: 0.01 })).toThrow(/empty/);
  });
});

describe('the phase-diagram protocol file', () => {
  it('is schema-checked: an unknown setting names the file and the field', () => {
    const file = JSON.parse(readFileSync(PHASE_DIAGRAM_PATH, 'utf8'));
    file.settings.momentum = 0.9;
    const path = join(mkdtempSync(join(tmpdir(), 'phase-')), 'phase-diagram.json');
    writeFileSync(path, JSON.stringify(file));
    expect(() => loadPhaseDiagramFile(path)).toThrow(/momentum/);
  });

  it('runs every dataSeed with all sweeps and the further upSweepSeeds with the up sweep alone, in seed order', () => {
    const full = phaseDiagramSeeds(PHASE_DIAGRAM_FILE, 'full');
    expect(full).toHaveLength(1200);
    expect(full.filter((s) => s.allSweeps).map((s) => s.dataSeed)).toEqual(Array.from({ length: 50 }, (_, i) => 42 + i));
    expect(full.map((s) => s.dataSeed)).toEqual([...full.map((s) => s.dataSeed)].sort((a, b) => a - b));
    expect(phaseDiagramSeeds(PHASE_DIAGRAM_FILE, 'smoke')).toEqual([42, 43, 44].map((dataSeed) => ({ dataSeed, allSweeps: true })));
  });
});

describe('eq3CriticalBetas', () => {
  it('is Eq. 3 under eq2 per η', () => {
    expect(eq3CriticalBetas([0.9, 0.8], 3)).toEqual([0.9, 0.8].map((eta) => criticalBeta(float64, { eta, depth: 3, convention: 'eq2' })));
  });
});

describe('sweepDataSeed', () => {
  const record = sweepDataSeed(coarse, 42);
  const [up, down, perturbed] = record.sweeps;

  it('runs up, down and down-perturbed over the grid, the down sweeps from the up sweep’s last state', () => {
    expect(record.sweeps.map((s) => s.direction)).toEqual(['up', 'down', 'down-perturbed']);
    expect(up!.points.map((p) => p.beta)).toEqual(gridBetas(coarse.grid));
    expect(down!.points.map((p) => p.beta)).toEqual(gridBetas(coarse.grid).reverse());
    for (const sweep of record.sweeps) expect(sweep.points.every((p) => p.converged)).toBe(true);
  });

  it('loses one mode at a time going up, each inside its refined bracket, and never re-learns one going down', () => {
    const ranks = up!.points.map((p) => p.effectiveRank);
    expect(ranks[0]).toBe(2);
    expect(ranks[ranks.length - 1]).toBe(0);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i]!).toBeLessThanOrEqual(ranks[i - 1]!);
    expect(up!.transitions.map((t) => t.level)).toEqual([1, 2]);
    for (const t of up!.transitions) {
      expect(t.upper - t.lower).toBeCloseTo(0.03 / 2 ** 3, 12);
      expect(t.beta).toBe((t.lower + t.upper) / 2);
    }
    // Mode 2 (the weaker) goes first: the lower β.
    expect(up!.transitions[1]!.beta).toBeLessThan(up!.transitions[0]!.beta);
    expect(down!.transitions).toEqual([]);
    expect(down!.points.every((p) => p.effectiveRank === 0)).toBe(true);
    // The relearnable perturbation lets both modes back in, at the grid's resolution.
    expect(perturbed!.transitions.map((t) => [t.level, t.bisections, t.upper - t.lower > 0.029])).toEqual([
      [1, 0, true],
      [2, 0, true],
    ]);
  });

  it('puts the up sweep’s transitions near Eq. 3 on the sample’s own singular values', () => {
    for (const t of up!.transitions) {
      const raw = record.criticalBeta.raw[t.level - 1]!;
      const whitened = record.criticalBeta.whitened[t.level - 1]!;
      expect(t.beta).toBeGreaterThan(Math.min(raw, whitened) - 0.01);
      expect(t.beta).toBeLessThan(Math.max(raw, whitened) + 0.01);
    }
  });

  it('restarts a diverging descent at half the step size and says so', () => {
    // From fresh weights at β = 0.3, lr 3 and 1.5 blow up; 0.75 converges.
    const unstable = { ...coarse, grid: { from: 0.3, to: 0.33, step: 0.03 }, convergence: { ...coarse.convergence, lr: 3, maxSteps: 20_000 } };
    const first = sweepDataSeed(unstable, 42, ['up']).sweeps[0]!.points[0]!;
    expect([first.lr, first.converged, Number.isFinite(first.testMse)]).toEqual([0.75, true, true]);
  });

  it('is bit-identical for a seed, and the same for 1 worker and for 2, in seed order', async () => {
    expect(JSON.stringify(sweepDataSeed(coarse, 42))).toBe(JSON.stringify(record));
    const seeds = [43, 42, 44];
    const job: PhaseSweepsJob = { kind: 'phase-sweeps', label: 'spec', protocol: coarse, seeds: seeds.map((dataSeed) => ({ dataSeed, allSweeps: true })) };
    const one = (await executeJobs([job], { workers: 1, cacheDir: null })).get(job);
    const two = (await executeJobs([job], { workers: 2, cacheDir: null })).get(job);
    expect(one.map((r) => r.dataSeed)).toEqual(seeds);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(JSON.stringify(one[1])).toBe(JSON.stringify(record));
  });
});
