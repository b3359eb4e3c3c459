import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { decideInverseB, finitePopulationFactor, inverseBCalibration, logLossBarrier } from '../../../src/claims/kinetics/sgd-noise.ts';
import { POWER_OF_B_OVER_LR } from '../../../src/report/words/kinetics.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import type { ExperimentResults } from '../../../src/experiments/index.ts';
import type { GradientNoiseCell, PhaseDiagramRecord, SgldEscapeRecord } from '../../../src/run/index.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText, wordsOf, plainSentences } from '../evidence-words.ts';
import { INVARIANCE_CALIBRATION, temperatureLawReadings } from '../../../src/claims/controls/sgld-sweeps.ts';
import { paperTrapGrown } from './grown-residue.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;

const cell = (batch: number, mean: number, sd: number, draws: number): GradientNoiseCell => ({ sampling: 'with-replacement', batch, mean, sd, draws });

describe('covariance ∝ 1/B', () => {
  it('reproduces a constant q measured precisely, deviates on disjoint intervals, is inconclusive when wide', () => {
    expect(decideInverseB([cell(8, 1, 1, 100_000), cell(256, 1.001, 1, 100_000)]).verdict).toBe('reproduced');
    expect(decideInverseB([cell(8, 1, 1, 100_000), cell(256, 0.5, 1, 100_000)]).verdict).toBe('deviates');
    expect(decideInverseB([cell(8, 1, 1, 100), cell(256, 0.9, 1, 100)]).verdict).toBe('inconclusive');
  });

  it('reads the recorded noise measurement: the B ≪ N statement heads, the batch sweep\'s reading beside it', () => {
    const e = evaluateClaim(claim('gradient-noise-inverse-batch'), recordedResults()).evaluation!;
    expect(e.readings.map((r) => r.label.split(':')[0])).toEqual(['B ≪ N', 'with replacement (1/B exact)', 'the batch-size sweep (B = 26, 43, 64, 128, 256 at fixed ηlr)']);
    expect(e.verdict).toBe(e.readings[0]!.verdict);
    expect(e.rule).toBeDefined();
    expect(e.figures!.map((f) => f.id)).toEqual(['fig-gradient-noise-vs-batch']);
  });

  /** A measurement of N = 512 with q as SGD's permutation gives it: (N − B)/(N − 1), or 1 with replacement. */
  function noiseResults(permutation: (b: number) => number, draws = 20_000): ExperimentResults {
    const cells = [8, 16, 32, 64, 128, 256].flatMap((batch): GradientNoiseCell[] => [
      { sampling: 'epoch-permutation', batch, mean: permutation(batch), sd: permutation(batch), draws },
      { sampling: 'with-replacement', batch, mean: 1, sd: 1, draws },
    ]);
    return { ...recordedResults(), gradientNoise: () => ({ dataSeed: 42, trainCount: 512, parameterCount: 140, traceC: 24, cells }) };
  }

  it('reproduces 1/B once the finite-population factor is taken out, and refutes ηlr/B alone across the batch sweep', () => {
    const e = evaluateClaim(claim('gradient-noise-inverse-batch'), noiseResults((b) => finitePopulationFactor(b, 512))).evaluation!;
    expect(e.readings.map((r) => r.verdict)).toEqual(['reproduced', 'reproduced', 'deviates']);
  });

  it('deviates when q falls with B beyond the finite-population factor (covariance ∝ 1/B^1.2)', () => {
    const e = evaluateClaim(claim('gradient-noise-inverse-batch'), noiseResults((b) => finitePopulationFactor(b, 512) * (b / 8) ** -0.2)).evaluation!;
    expect(e.verdict).toBe('deviates');
  });

  it('calibrates the rule: constant q reproduces, q off by ×1.1 across B is refuted', () => {
    const cells = [8, 64, 256].map((b) => cell(b, 1, 1, 20_000));
    const c = inverseBCalibration(cells);
    expect(c.reproducedWhenTrue).toBeGreaterThan(0.95);
    expect(c.size).toBe(0);
    expect(c.power).toBeGreaterThan(0.9);
    expect(inverseBCalibration([8, 64, 256].map((b) => cell(b, 1, 1, 500))).power).toBeLessThan(0.5);
  });
});

describe('prediction 2 under the SGLD control', () => {
  it('is one claim: deeper-networks-longer-delays names control-depth-escape-time instead of repeating its evidence', () => {
    const results = recordedResults();
    const paper = evaluateClaim(claim('deeper-networks-longer-delays'), results).evaluation!;
    const control = evaluateClaim(claim('control-depth-escape-time'), results).evaluation!;
    expect(paper.readings.some((r) => r.label.startsWith('SGLD control'))).toBe(false);
    expect(paper.evidence.filter((l) => control.evidence.includes(l))).toEqual([]);
    expect(evidenceText(paper).some((l) => l.includes('control-depth-escape-time'))).toBe(true);
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
    for (const [id, at] of [['escape-is-abrupt', 1], ['multiplicative-noise-keeps-linear', 2], ['escape-time-grows-with-beta', 1]] as const) {
      const e = evaluateClaim(claim(id), recordedResults()).evaluation!;
      expect(e.readings[0]!.label).toBe("the paper's SGD, rank-1 trap");
      expect(e.readings[at]!.label).toMatch(/^SGLD control \(an audit experiment: isotropic noise, not the paper's SGD\)/);
      expect(e.readings.length).toBeGreaterThan(2);
      expect(e.verdict).toBe(e.readings[0]!.verdict);
    }
  });
});

describe('Appendix F.3 on its own terms (multiplicative-noise-keeps-linear)', () => {
  it('computes Mori et al.\'s logarithmised barrier at the trap from the analytic losses', () => {
    const b = logLossBarrier(0.32, [0.9, 0.8], 3);
    expect(b.floor).toBeCloseTo(0.275, 12);
    expect(b.deltaE).toBeCloseTo(0.0284534617, 9);
    expect(b.logTotal).toBeCloseTo(Math.log1p(b.deltaE / b.trap.total), 12);
    expect(b.logTotal).toBeGreaterThan(0);
    // The saddle fits the data better than the trap: on the MSE alone the ratio is below 1.
    expect(b.logData).toBeLessThan(0);
    expect(() => logLossBarrier(0.4, [0.9, 0.8], 3)).toThrow(/no rank-1 trap/);
  });
  it('reads F.3 after the paper\'s SGD and names the alternative fitted on the sweeps a power of B/ηlr', () => {
    const e = evaluateClaim(claim('multiplicative-noise-keeps-linear'), recordedResults()).evaluation!;
    expect(e.readings[1]!.label).toMatch(/^Appendix F.3 on its own terms/);
    expect(e.readings[1]!.verdict).toBe('reproduced');
    expect(evidenceText(e).join(' ')).not.toMatch(/power law of Mori/);
    expect(POWER_OF_B_OVER_LR).toMatch(/not Mori et al.'s law/);
  });
});

describe('escape-is-abrupt on the SGLD control, against the paper\'s τ', () => {
  /** σ2 around an escape: 200 epochs at the trap, a linear rise over `span` epochs, 200 after; null: no trace. */
  function record(seed: number, span: number | null): SgldEscapeRecord {
    const rise =
      span === null
        ? null
        : { start: 800, sigma: [...Array.from({ length: 200 }, () => 0.01), ...Array.from({ length: span }, (_, i) => 0.02 + (0.35 * (i + 1)) / span), ...Array.from({ length: 200 }, () => 0.37)] };
    return { noiseSeed: seed, temperature: 1e-3, epochs: 1000, escapeEpoch: 1000, trapped: true, sigmaCrossings: [0, 1000], modeCrossings: [0, 1000], checkpointSigma: [0.7, 0], rise };
  }
  function withRises(span: number | null): ExperimentResults {
    const base = recordedResults();
    const s = base.sgldSweeps();
    const records = Array.from({ length: 50 }, (_, i) => record(i, span));
    const betas = s.betas.map((b) => (b.beta === s.baseBeta ? { ...b, point: { ...b.point, records } } : b));
    return { ...base, sgldSweeps: () => ({ ...s, betas }) };
  }
  const controlReading = (r: ExperimentResults) => evaluateClaim(claim('escape-is-abrupt'), r).evaluation!.readings[1]!;
  it('reproduces short transits, and fails where the rise is longer than the traced window (the rule can fail)', () => {
    expect(controlReading(withRises(20)).verdict).toBe('reproduced');
    expect(controlReading(withRises(null)).verdict).toBe('deviates');
  });
});

describe('the noise claims\' evidence as findings', () => {
  it('leaves no sentence of this subject: the measurement of 1/B in full, and F.3 apart from the SGLD control\'s lines and the SGD headline (controls)', () => {
    const results = recordedResults();
    const noise = evaluateClaim(claim('gradient-noise-inverse-batch'), results).evaluation!;
    expect(plainSentences(noise)).toEqual([]);
    expect(plainSentences(noise)).toEqual([]);
    const e = evaluateClaim(claim('multiplicative-noise-keeps-linear'), results).evaluation!;
    const control = temperatureLawReadings(results).map((c) => ({ evidence: c.evidence, readings: [c.reading] }));
    expect(plainSentences(e)).toEqual([]);
    expect(wordsOf(e.notReproducible)).toMatch(/^under the paper's SGD from the rank-1 trap none of the \d+ trapped runs left the trap .* so no budget and no seed count produces the escapes whose law F\.3 describes\.$/);
    expect(plainSentences(e)).toEqual([]);
    const undecided = evaluateClaim(claim('multiplicative-noise-keeps-linear'), paperTrapGrown(results)).evaluation!;
    expect(undecided.verdict).toBe('inconclusive');
    expect(wordsOf(undecided.wouldDecide)).toBe("escapes from the rank-1 trap under the paper's SGD within a longer budget");
    expect(plainSentences(undecided)).toEqual([]);
    for (const c of control) expect(plainSentences(c)).toEqual([]);
  });
});
