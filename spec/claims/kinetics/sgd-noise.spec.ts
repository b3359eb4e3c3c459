import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { decideInverseB } from '../../../src/claims/kinetics/sgd-noise.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ExperimentResults } from '../../../src/experiments/index.ts';
import type { GradientNoiseCell, PhaseDiagramRecord } from '../../../src/run/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;

const cell = (batch: number, mean: number, sd: number, draws: number): GradientNoiseCell => ({ sampling: 'with-replacement', batch, mean, sd, draws });

describe('covariance ∝ 1/B', () => {
  it('reproduces a constant q measured precisely, deviates on disjoint intervals, is inconclusive when wide', () => {
    expect(decideInverseB([cell(8, 1, 1, 100_000), cell(256, 1.001, 1, 100_000)]).verdict).toBe('reproduced');
    expect(decideInverseB([cell(8, 1, 1, 100_000), cell(256, 0.5, 1, 100_000)]).verdict).toBe('deviates');
    expect(decideInverseB([cell(8, 1, 1, 100), cell(256, 0.9, 1, 100)]).verdict).toBe('inconclusive');
  });

  it('reads the recorded noise measurement: without replacement deviates already at the smoke size', () => {
    const e = evaluateClaim(claim('gradient-noise-inverse-batch'), recordedResults()).evaluation!;
    expect(e.verdict).toBe('deviates');
    expect(e.figures!.map((f) => f.id)).toEqual(['fig-gradient-noise-vs-batch']);
  });
});

describe('Appendix B\'s output bias', () => {
  /** Data seeds whose Eq. 3 on the sample sits `shift` (± spread) from the population value, as the up sweep does. */
  function records(shift: number, spread: number, n: number): PhaseDiagramRecord[] {
    return Array.from({ length: n }, (_, i) => {
      const s = shift + spread * (i % 2 === 0 ? 1 : -1);
      const population = [0.4105, 0.3509];
      const moved = population.map((p) => p + s);
      return {
        dataSeed: 42 + i,
        criticalBeta: { population, raw: moved, whitened: moved },
        sweeps: [{ direction: 'up', points: [], transitions: [1, 2].map((level) => ({ level, lower: 0, upper: 0, beta: moved[level - 1]!, bisections: 0 })) }],
      } as unknown as PhaseDiagramRecord;
    });
  }
  const withRecords = (r: PhaseDiagramRecord[]): ExperimentResults => ({ ...recordedResults(), phaseDiagram: () => r });

  it('reproduces a shift towards the printed 0.36, deviates on one away from it, is inconclusive on noise', () => {
    expect(evaluateClaim(claim('figure3-offset-output-bias'), withRecords(records(0.009, 0.001, 200))).outcome).toBe('reproduced');
    expect(evaluateClaim(claim('figure3-offset-output-bias'), withRecords(records(-0.007, 0.001, 200))).outcome).toBe('deviates');
    expect(evaluateClaim(claim('figure3-offset-output-bias'), withRecords(records(0.001, 0.03, 10))).outcome).toBe('inconclusive');
  });
});

describe('claims that noise-driven escapes decide', () => {
  it('head with the paper\'s SGD, then the SGLD control labelled as the audit\'s noise, and keep the earlier readings beside it', () => {
    for (const id of ['escape-is-abrupt', 'multiplicative-noise-keeps-linear', 'escape-time-grows-with-beta', 'deeper-networks-longer-delays']) {
      const e = evaluateClaim(claim(id), recordedResults()).evaluation!;
      expect(e.readings[0]!.label).toBe("the paper's SGD, rank-1 trap");
      expect(e.readings[1]!.label).toMatch(/^SGLD control \(the harness's isotropic noise, not the paper's SGD\)/);
      expect(e.readings.length).toBeGreaterThan(2);
      expect(e.verdict).toBe(e.readings[0]!.verdict);
    }
  });
});
