import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../../src/claims/evaluate.ts';
import { loadLedger } from '../../../src/claims/ledger.ts';
import { modeControlJobs, modeControlResult, type ExperimentResults, type ModeControlResult, type NetworkControlResult } from '../../../src/experiments/index.ts';
import { RunnerResults } from '../../../src/runner/index.ts';
import { modeControlRun } from '../../../src/run/index.ts';
import { censoredRuns, exponentialDraw, seededUniform } from '../../stats/simulate.ts';
import { recordedResults } from '../../fixtures/recorded.ts';
import { evidenceText, wordsOf, plainSentences } from '../evidence-words.ts';

const ledger = loadLedger();
const claim = (id: string) => ledger.claims.find((c) => c.id === id)!;

/** The recorded smoke control with every temperature's runs replaced by exponential draws of mean τ(T). */
function syntheticModeControl(seeds: number, meanOf: (p: ModeControlResult['points'][number]) => number): ModeControlResult {
  const base = recordedResults().modeControl();
  return {
    ...base,
    seeds,
    points: base.points.map((p, i) => ({ ...p, runs: censoredRuns(exponentialDraw(seededUniform(10 + i), meanOf(p)), seeds, 1e5) })),
  };
}

function withMode(control: ModeControlResult): ExperimentResults {
  return { ...recordedResults(), modeControl: () => control };
}

describe('the one-mode positive control (control-one-mode-kramers)', () => {
  it('is reproduced when escape times follow the exact mean first-passage time of the mode', () => {
    const e = evaluateClaim(claim('control-one-mode-kramers'), withMode(syntheticModeControl(50, (p) => p.exactMeanTime))).evaluation!;
    expect(e.verdict).toBe('reproduced');
    expect(Number(e.value)).toBeGreaterThan(0.8);
    expect(Number(e.value)).toBeLessThan(1.2);
    expect(plainSentences(e)).toEqual([]);
  });

  it('deviates when the simulated barrier is 0.7 ΔE (the engine run with the potential scaled by 0.7, 50 seeds)', async () => {
    const runner = new RunnerResults();
    for (const job of modeControlJobs('full', 0.7)) runner.set(job, job.seeds.map((seed) => modeControlRun(job.settings, job.barrierScale, seed)));
    const control = modeControlResult('full', runner, 0.7);
    const e = evaluateClaim(claim('control-one-mode-kramers'), withMode(control)).evaluation!;
    expect(e.verdict).toBe('deviates');
    expect(Number(e.value)).toBeLessThan(0.9);
  }, 60_000);

  it('is inconclusive with three seeds per temperature', () => {
    const e = evaluateClaim(claim('control-one-mode-kramers'), withMode(syntheticModeControl(3, (p) => p.exactMeanTime))).evaluation!;
    expect(e.verdict).toBe('inconclusive');
    expect(plainSentences(e)).toEqual([]);
  });

  it('says why there is no slope when nothing escapes, as a finding', () => {
    const e = evaluateClaim(claim('control-one-mode-kramers'), withMode(syntheticModeControl(5, () => 1e12))).evaluation!;
    expect(e.verdict).toBe('inconclusive');
    expect(evidenceText(e)[1]).toBe(`No slope: runs escaped at 0 of ${e.evidence.length - 2} settings: a slope needs two.`);
    expect(plainSentences(e)).toEqual([]);
    expect(wordsOf(e.wouldDecide)).toBe('escapes at two temperatures at least');
  });

  it('at scale 1 is the engine run modeLangevinEscape itself', async () => {
    const { modeLangevinEscape } = await import('../../../src/engine/index.ts');
    const job = modeControlJobs('smoke')[0]!;
    expect(modeControlRun(job.settings, 1, 5)).toEqual(modeLangevinEscape(job.settings, 5));
  });
});

/** The recorded network control at temperatures with factor·ΔE/T = 2, 3, 4, 5, runs drawn with ln τ = ln 10 + factor·ΔE/T − 2. */
function syntheticNetwork(factor: number, seeds: number): NetworkControlResult {
  const base = recordedResults().networkControl();
  return {
    ...base,
    depths: base.depths.map((d) => ({
      ...d,
      points: [2, 3, 4, 5].map((r, i) => ({
        temperature: (factor * d.barrier) / r,
        ratio: d.barrier / ((factor * d.barrier) / r),
        records: d.points[0]!.records,
        runs: censoredRuns(exponentialDraw(seededUniform(40 + i), 10 * Math.exp(r - 2)), seeds, 1e6),
      })),
    })),
  };
}

describe('the network control against the factor 50 (control-network-barrier-factor)', () => {
  const withNetwork = (n: NetworkControlResult): ExperimentResults => ({ ...recordedResults(), networkControl: () => n });
  it('deviates when the slope is ΔE', () => {
    const r = evaluateClaim(claim('control-network-barrier-factor'), withNetwork(syntheticNetwork(1, 50)));
    expect(r.outcome).toBe('deviates');
    expect(plainSentences(r.evaluation!)).toEqual([]);
  });
  it('is reproduced when the slope is 50 ΔE', () => {
    expect(evaluateClaim(claim('control-network-barrier-factor'), withNetwork(syntheticNetwork(50, 200))).outcome).toBe('reproduced');
  });
  it('is inconclusive when nothing escapes', () => {
    const base = recordedResults().networkControl();
    const none = { ...base, depths: base.depths.map((d) => ({ ...d, points: d.points.map((p) => ({ ...p, runs: p.runs.map(() => ({ time: 100, escaped: false })) })) })) };
    const r = evaluateClaim(claim('control-network-barrier-factor'), withNetwork(none));
    expect(r.outcome).toBe('inconclusive');
    expect(plainSentences(r.evaluation!)).toEqual([]);
    expect(evidenceText(r.evaluation!)).toContain('Calibration: no slope, so none.');
    expect(wordsOf(r.evaluation!.wouldDecide)).toBe('escapes at two temperatures at least, and more seeds per temperature');
  });
  it('control-depth-escape-time on the same runs: every depth, its ranks and slopes as findings', () => {
    const e = evaluateClaim(claim('control-depth-escape-time'), withNetwork(syntheticNetwork(1, 50))).evaluation!;
    expect(plainSentences(e)).toEqual([]);
    expect(wordsOf(e.wouldDecide)).toBe('the quick or full profile (depths 3, 4, 5)');
  });
  it('control-depth-escape-time at three depths with a common temperature: the rank test and τ per depth as findings', () => {
    const base = syntheticNetwork(1, 20);
    const d = base.depths[0]!;
    const common = (i: number) => ({ ...d.points[0]!, runs: censoredRuns(exponentialDraw(seededUniform(70 + i), 10 * 20 ** i), 20, 1e6) });
    const deep = { ...base, commonTemperature: d.points[0]!.temperature, depths: [3, 4, 5].map((depth, i) => ({ ...d, depth, common: common(i) })) };
    const e = evaluateClaim(claim('control-depth-escape-time'), withNetwork(deep)).evaluation!;
    expect(e.verdict).toBe('reproduced');
    expect(plainSentences(e)).toEqual([]);
    expect(evidenceText(e).filter((l) => /^L = [45] later than L = [34] in /.test(l))).toHaveLength(2);
  });
  it('control-depth-escape-time undecided at the common temperature: what would decide it, as a finding', () => {
    const base = syntheticNetwork(1, 20);
    const d = base.depths[0]!;
    const common = (i: number) => ({ ...d.points[0]!, runs: censoredRuns(exponentialDraw(seededUniform(70 + i), 10), 20, 1e6) });
    const same = { ...base, commonTemperature: d.points[0]!.temperature, depths: [3, 4, 5].map((depth, i) => ({ ...d, depth, common: common(i) })) };
    const e = evaluateClaim(claim('control-depth-escape-time'), withNetwork(same)).evaluation!;
    expect(e.verdict).toBe('inconclusive');
    expect(plainSentences(e)).toEqual([]);
    expect(wordsOf(e.wouldDecide)).toBe('more noise seeds at the common temperature, or escapes at every depth within the budget');
  });
});
