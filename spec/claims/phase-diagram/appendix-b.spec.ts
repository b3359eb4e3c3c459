import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { decideRelearning, relearningCalibration } from '../../../src/claims/phase-diagram/decreasing-sweep.ts';
import type { Evaluation } from '../../../src/claims/index.ts';
import type { ExperimentResults } from '../../../src/experiments/index.ts';
import type { PhaseDiagramRecord, Sweep } from '../../../src/run/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { claimOf as claim } from '../claim-of.ts';
import { wordsOf } from '../evidence-words.ts';

// Appendix B's two statements apart from Eq. 3's value: the measured drops against Eq. 3, and the decreasing sweep as written.

const POPULATION = [0.4105486347012043, 0.3508821285855438];

/** Data seeds whose up sweep drops at Eq. 3 + shift (± spread), and whose plain down sweep re-learns each mode at `down` (null: never). */
function records(shift: number, spread: number, n: number, down: number | null): PhaseDiagramRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const at = POPULATION.map((p) => p + shift + spread * (i % 2 === 0 ? 1 : -1));
    const sweep = (direction: Sweep['direction'], betas: (number | null)[]): Sweep => ({
      direction,
      points: [{ beta: 0.6, testMse: 1, trainMse: 1, singularValues: [0, 0], effectiveRank: 0, lr: 0.2, steps: 1, gradientNorm: 0, converged: true }],
      transitions: betas.flatMap((beta, k) => (beta === null ? [] : [{ level: k + 1, lower: beta - 1e-4, upper: beta + 1e-4, beta, bisections: 4 }])),
    });
    return {
      dataSeed: 42 + i,
      criticalBeta: { population: POPULATION, raw: POPULATION, whitened: POPULATION },
      sweeps: [sweep('up', at), sweep('down', at.map((b) => (down === null ? null : b - down))), sweep('down-perturbed', at)],
    } as unknown as PhaseDiagramRecord;
  });
}
const withRecords = (r: PhaseDiagramRecord[]): ExperimentResults => ({ ...recordedResults(), phaseDiagram: () => r });

describe('the measured drops against Eq. 3 (beta-c-mode2-appendix-b)', () => {
  it('reproduces drops within one grid step of Eq. 3, deviates on drops 0.03 away, is inconclusive on few noisy seeds', () => {
    expect(evaluateClaim(claim('beta-c-mode2-appendix-b'), withRecords(records(-0.007, 0.02, 400, null))).outcome).toBe('reproduced');
    expect(evaluateClaim(claim('beta-c-mode2-appendix-b'), withRecords(records(0.03, 0.001, 400, null))).outcome).toBe('deviates');
    expect(evaluateClaim(claim('beta-c-mode2-appendix-b'), withRecords(records(0, 0.05, 4, null))).outcome).toBe('inconclusive');
  });
  it('heads with both modes combined and states its calibration', () => {
    const e = evaluateClaim(claim('beta-c-mode2-appendix-b'), withRecords(records(0, 0.02, 400, null))).evaluation!;
    expect(e.readings[0]!.label).toMatch(/both$/);
    expect(e.rule?.reproducedWhenTrue).toBe(1);
  });
});

describe('the decreasing sweep as Appendix B writes it (phase-diagram-decreasing-sweep)', () => {
  it('deviates, not reproducible as specified, when no data set leaves rank 0 on the way down', () => {
    const e = evaluateClaim(claim('phase-diagram-decreasing-sweep'), withRecords(records(0, 0.01, 50, null))).evaluation!;
    expect(e.verdict).toBe('deviates');
    expect(typeof e.notReproducible === 'string' ? e.notReproducible : wordsOf(e.notReproducible)).toMatch(/stays at rank 0/);
    expect(e.value).toBe('0');
  });
  it('reproduces when every decreasing sweep re-learns both modes', () => {
    expect(evaluateClaim(claim('phase-diagram-decreasing-sweep'), withRecords(records(0, 0.01, 50, 0.01))).outcome).toBe('reproduced');
  });
  it('reads the recorded smoke sweeps: none re-learns', () => {
    expect(evaluateClaim(claim('phase-diagram-decreasing-sweep'), recordedResults()).outcome).toBe('deviates');
  });
  it('calibrates its rule on binomial draws', () => {
    expect(decideRelearning(50, 50)).toBe('reproduced');
    expect(decideRelearning(0, 50)).toBe('deviates');
    expect(decideRelearning(40, 50)).toBe('inconclusive');
    const c = relearningCalibration(50);
    expect(c.reproducedWhenTrue).toBe(1);
    expect(c.size).toBe(0);
    expect(c.falseReproduce).toBe(0);
  });
});

describe('Appendix B\'s claims as findings', () => {
  /** Evidence lines, reading notes, what would decide, what was measured and why not reproducible, given as sentences rather than findings. */
  const sentences = (e: Evaluation) =>
    [...e.evidence, ...e.readings.map((r) => r.note), e.wouldDecide, e.measured, e.notReproducible].filter((x) => typeof x === 'string');
  const ids = ['phase-diagram-transitions', 'beta-c-mode2-appendix-b', 'phase-diagram-decreasing-sweep', 'figure3-offset-output-bias'];
  /** Half the data sets' decreasing sweeps re-learn both modes: the decreasing sweep is undecided. */
  const half = withRecords([...records(0, 0.05, 2, null), ...records(0, 0.05, 2, 0.01)]);
  it.each(ids)('%s gives every evidence line, reading note, hint and reason as a finding, none as a sentence', (id) => {
    for (const results of [recordedResults(), withRecords(records(0, 0.02, 400, null)), withRecords(records(0, 0.05, 4, 0.01)), withRecords(records(0, 0.05, 4, null)), half]) {
      expect(sentences(evaluateClaim(claim(id), results).evaluation!)).toEqual([]);
    }
  });
  it('reaches what would decide and why not reproducible on the cases above', () => {
    expect(evaluateClaim(claim('phase-diagram-decreasing-sweep'), half).evaluation!.wouldDecide).toBeDefined();
    expect(evaluateClaim(claim('phase-diagram-decreasing-sweep'), withRecords(records(0, 0.02, 400, null))).evaluation!.notReproducible).toBeDefined();
    expect(evaluateClaim(claim('beta-c-mode2-appendix-b'), withRecords(records(0, 0.05, 4, null))).evaluation!.wouldDecide).toBeDefined();
  });
});
