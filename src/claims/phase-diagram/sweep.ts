import { SWEEP_DIRECTIONS, type ExperimentRequest, type ExperimentResults, type PhaseDiagramRecord, type Sweep, type SweepDirection } from '../../experiments/index.ts';
import { PHASE_DIAGRAM_FILE } from '../../protocols/index.ts';
import { phaseSweepFigure } from './phase-sweep.ts';
import { DEFAULT_ALPHA, REPRODUCE_ALPHA, calibrateRule, decideAgainstClaim, type RuleCalibration, tIntervalOfMean, twoSidedTCritical, type ClaimBand, type StatisticalVerdict } from '../../stats/index.ts';
import type { Claim } from '../ledger.ts';
import { halfUnitOfLastDigit } from '../tolerance.ts';
import { worstVerdict, type Evaluation, type Reading, type Verdict } from '../verdict.ts';
import { decimalListParam } from '../common/params.ts';
import { CALIBRATION_REPLICATIONS, normalSource, TRANSITION_DISCREPANCY } from '../common/calibrations.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding, type Finding } from '../finding.ts';
import type { MeanSd, SeedRange, SingleDataSet, TransitionMean } from './findings.ts';

// Appendix B / Fig. 3: "Two sharp drops mark the transitions at βc(1) = 0.36 and βc(2) = 0.42". The rule: for each
// transition, the mean over data seeds of the located β with its Student-t interval at the suite's α
// (DEFAULT_ALPHA) against the printed value ± half a unit of its last digit, by `decideAgainstClaim`. The paper
// shows one data set; the mean is what a quasi-static sweep of this protocol puts the transition at.

const DIRECTION_LABEL: Readonly<Record<SweepDirection, string>> = {
  up: 'up (App. A)',
  down: 'down (App. B)',
  'down-perturbed': 'down, perturbed (ours)',
};

/** One printed βc and the mode (level, 1 = largest η) it belongs to. */
export interface PrintedTransition {
  level: number;
  eta: number;
  band: ClaimBand;
}

/**
 * The printed values paired with modes by size: the larger βc belongs to the larger η (Eq. 3 rises with η), so
 * "βc(2) = 0.42" is the transition of η = 0.9 and "βc(1) = 0.36" that of η = 0.8 — the labels of Appendix B are
 * swapped relative to Appendix D.2 (the claim critical-beta-labels records it).
 */
export function printedTransitions(claim: Claim, etas: readonly number[]): PrintedTransition[] {
  const printed = [...decimalListParam(claim, 'printedBetaC')].sort((a, b) => Number(b) - Number(a));
  return printed.map((text, i) => ({
    level: i + 1,
    eta: etas[i]!,
    band: { value: Number(text), tolerance: halfUnitOfLastDigit(text).toNumber(), printed: text },
  }));
}

export function sweepOf(record: PhaseDiagramRecord, direction: SweepDirection): Sweep | undefined {
  return record.sweeps.find((s) => s.direction === direction);
}

/** The records that ran a sweep in this direction (every one runs up; the profile's dataSeeds run all three). */
export function withSweep(records: readonly PhaseDiagramRecord[], direction: SweepDirection): PhaseDiagramRecord[] {
  return records.filter((r) => sweepOf(r, direction) !== undefined);
}

function transitionAt(record: PhaseDiagramRecord, direction: SweepDirection, level: number): number | undefined {
  return sweepOf(record, direction)?.transitions.find((t) => t.level === level)?.beta;
}

export function located(records: readonly PhaseDiagramRecord[], direction: SweepDirection, level: number): number[] {
  return records.flatMap((r) => {
    const beta = transitionAt(r, direction, level);
    return beta === undefined ? [] : [beta];
  });
}

/** A reading from values over data seeds, by the t interval of their mean against the printed band. */
function meanReading(
  label: string,
  values: readonly number[],
  seeds: number,
  band: ClaimBand,
  mode: TransitionMean['mode'],
): { reading: Reading; line: Finding; wouldDecide?: Finding } {
  const base = { mode, printed: band.printed ?? null, seeds, located: values.length };
  const found = (mean: TransitionMean['mean']): { note: Finding; line: Finding } => {
    const data: TransitionMean = { ...base, mean };
    return { note: finding('phase-diagram.transition-mean-note', data), line: finding('phase-diagram.transition-mean', { label, ...data }) };
  };
  if (values.length === 0) {
    const { note, line } = found(null);
    return { reading: { label, value: null, verdict: 'deviates', note }, line };
  }
  if (values.length < seeds) {
    const { note, line } = found(null);
    return {
      reading: { label, value: null, verdict: 'inconclusive', note },
      wouldDecide: finding('phase-diagram.would-decide-grid', { label }),
      line,
    };
  }
  const estimate = tIntervalOfMean(values, DEFAULT_ALPHA);
  // Resolved to the stated discrepancy for transitions (0.02 in β), as its calibration assumes.
  const decision = decideAgainstClaim(band, estimate, { discrepancy: TRANSITION_DISCREPANCY });
  const difference = estimate.estimate - band.value;
  const { note, line } = found({
    estimate: estimate.estimate,
    sd: estimate.sd,
    min: Math.min(...values),
    max: Math.max(...values),
    verdict: decision.verdict,
    grounds: decision.grounds,
    wouldDecide: decision.wouldDecide ? decision.wouldDecide : null,
  });
  return {
    reading: {
      label,
      value: String(estimate.estimate),
      verdict: decision.verdict,
      difference: String(difference),
      toleranceUnits: Math.abs(difference) / band.tolerance,
      note,
    },
    line,
    ...(decision.wouldDecide ? { wouldDecide: finding('phase-diagram.would-decide', { label, decides: decision.wouldDecide }) } : {}),
  };
}

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!);
}

/**
 * The per-data-set reading: Fig. 3 is one data set, so is the printed βc where a single data set's transition falls?
 * `reproduced` when the printed band meets the central 95 % range of the data sets' transitions (REPRODUCE_ALPHA,
 * empirical quantiles); `deviates` when it lies outside the 1 − α normal prediction interval for one more data set
 * (mean ± t·sd·√(1 + 1/n)); otherwise `inconclusive` — a single data set would print it with probability between α
 * and 5 %. Needs two values.
 */
export function decideSingleDataSet(values: readonly number[], band: ClaimBand, alpha: number): SingleDataSet | null {
  if (values.length < 2) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const range: [number, number] = [quantile(sorted, REPRODUCE_ALPHA / 2), quantile(sorted, 1 - REPRODUCE_ALPHA / 2)];
  const { estimate, sd } = tIntervalOfMean(sorted, alpha);
  const half = twoSidedTCritical(alpha, sorted.length - 1) * sd * Math.sqrt(1 + 1 / sorted.length);
  const lower = band.value - band.tolerance;
  const upper = band.value + band.tolerance;
  const verdict: StatisticalVerdict =
    upper < estimate - half || lower > estimate + half ? 'deviates' : upper >= range[0] && lower <= range[1] ? 'reproduced' : 'inconclusive';
  return {
    verdict,
    band: { value: band.value, tolerance: band.tolerance, printed: band.printed ?? null },
    count: sorted.length,
    alpha,
    reproduceAlpha: REPRODUCE_ALPHA,
    range,
    prediction: [estimate - half, estimate + half],
  };
}

function singleDataSetReading(label: string, values: readonly number[], band: ClaimBand): { reading: Reading; line: Finding; rule?: RuleCalibration } {
  const decided = decideSingleDataSet(values, band, DEFAULT_ALPHA);
  const note = finding('phase-diagram.single-data-set', { decision: decided, of: 'transitions' });
  if (decided === null) return { reading: { label, value: null, verdict: 'inconclusive', note }, line: finding('phase-diagram.one-data-set', { label, single: null }) };
  const median = quantile([...values].sort((a, b) => a - b), 0.5);
  const rule = singleDataSetCalibration(values.length, tIntervalOfMean(values, DEFAULT_ALPHA).sd, band, DEFAULT_ALPHA);
  return {
    rule,
    reading: { label, value: String(median), verdict: decided.verdict, note },
    line: finding('phase-diagram.one-data-set', { label, single: { median, decision: decided, calibration: calibration(rule) } }),
  };
}

function meanAndSd(values: readonly number[]): MeanSd {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, n - 1));
  return { mean, sd };
}

/** Does the up sweep put each transition where Eq. 3 on the sample's own singular values does (Appendix B's "bias")? */
function sampleBasisEvidence(records: readonly PhaseDiagramRecord[], modes: readonly PrintedTransition[]): Finding[] {
  return modes.flatMap(({ level, eta, band }) => {
    const up = records.map((r) => transitionAt(r, 'up', level) ?? Number.NaN);
    const population = records[0]!.criticalBeta.population[level - 1]!;
    return (['raw', 'whitened'] as const).map((basis) => {
      const eq3 = records.map((r) => r.criticalBeta[basis][level - 1]!);
      const gaps = up.map((u, i) => u - eq3[i]!).filter((g) => Number.isFinite(g));
      const within = gaps.filter((g) => Math.abs(g) <= band.tolerance).length;
      const bias = eq3.map((b) => b - population);
      return finding('phase-diagram.sample-basis', {
        eta,
        basis,
        gap: meanAndSd(gaps),
        maxGap: Math.max(...gaps.map(Math.abs)),
        within,
        seeds: gaps.length,
        tolerance: band.tolerance,
        population,
        bias: meanAndSd(bias),
        printed: band.printed ?? null,
        offset: band.value - population,
      });
    });
  });
}

function hysteresisEvidence(all: readonly PhaseDiagramRecord[], modes: readonly PrintedTransition[]): Finding[] {
  const records = withSweep(withSweep(all, 'down'), 'down-perturbed');
  const n = records.length;
  const downCrossings = records.filter((r) => sweepOf(r, 'down')!.transitions.length > 0).length;
  const lines = [finding('phase-diagram.hysteresis-plain', { relearned: downCrossings, seeds: n, top: PHASE_DIAGRAM_FILE.settings.grid.to })];
  for (const { level, eta } of modes) {
    const gaps = records.flatMap((r) => {
      const up = transitionAt(r, 'up', level);
      const back = transitionAt(r, 'down-perturbed', level);
      return up !== undefined && back !== undefined ? [back - up] : [];
    });
    if (gaps.length > 0) {
      lines.push(finding('phase-diagram.hysteresis-kick', { eta, std: PHASE_DIAGRAM_FILE.settings.relearnPerturbation.std, gap: meanAndSd(gaps), located: gaps.length, seeds: n }));
    }
  }
  return lines;
}

function spreadEvidence(records: readonly PhaseDiagramRecord[], modes: readonly PrintedTransition[]): Finding[] {
  return modes.map(({ level, eta, band }) => {
    const values = located(records, 'up', level).sort((a, b) => a - b);
    const inBand = values.filter((v) => Math.abs(v - band.value) <= band.tolerance).length;
    return finding('phase-diagram.spread', {
      eta,
      printed: band.printed ?? null,
      tolerance: band.tolerance,
      min: values[0]!,
      max: values[values.length - 1]!,
      central: [quantile(values, 0.025), quantile(values, 0.975)],
      inBand,
      seeds: values.length,
      sd: tIntervalOfMean(values, DEFAULT_ALPHA).sd,
    });
  });
}

/** Appendix B: "At each transition the effective rank of the end-to-end weight matrix increases by one". */
function rankStepEvidence(records: readonly PhaseDiagramRecord[]): Finding {
  const oneAtATime = records.filter((r) => {
    const ranks = sweepOf(r, 'up')!.points.map((p) => p.effectiveRank);
    return ranks.every((rank, i) => i === 0 || ranks[i - 1]! - rank === 0 || ranks[i - 1]! - rank === 1);
  }).length;
  return finding('phase-diagram.rank-steps', { oneAtATime, seeds: records.length });
}

/** The data seeds of these records, by count and first and last. */
export function seedRange(records: readonly PhaseDiagramRecord[]): SeedRange {
  return { count: records.length, first: records[0]?.dataSeed ?? null, last: records.at(-1)?.dataSeed ?? null };
}

export function protocolEvidence(records: readonly PhaseDiagramRecord[]): Finding {
  const s = PHASE_DIAGRAM_FILE.settings;
  const points = records.flatMap((r) => r.sweeps.flatMap((sw) => sw.points));
  return finding('phase-diagram.protocol', {
    up: seedRange(records),
    down: seedRange(withSweep(records, 'down')),
    grid: { from: s.grid.from, step: s.grid.step, to: s.grid.to },
    lr: s.convergence.lr,
    gradientTolerance: s.convergence.gradientTolerance,
    points: points.length,
    unconverged: points.filter((p) => !p.converged).length,
    maxSteps: Math.max(...points.map((p) => p.steps)),
    halved: points.filter((p) => p.lr < s.convergence.lr).length,
    rankThreshold: s.rankThreshold,
    bisections: s.refinement.bisections,
    alpha: DEFAULT_ALPHA,
  });
}

/** Every data seed's quasi-static sweeps. */
export function phaseDiagramNeeds(): ExperimentRequest[] {
  return [{ experiment: 'phase-diagram' }];
}

export function evaluatePhaseDiagramSweep(claim: Claim, results: ExperimentResults): Evaluation {
  const records = results.phaseDiagram();
  if (records.length < 2) throw new Error(`claim '${claim.id}': the phase diagram needs at least 2 data seeds, got ${records.length}`);
  const modes = printedTransitions(claim, PHASE_DIAGRAM_FILE.settings.teacher.singularValues);
  const evidence: Finding[] = [protocolEvidence(records)];
  const readings: Reading[] = [];
  const wouldDecide: Finding[] = [];

  // The plain down sweep as Appendix B writes it is the claim phase-diagram-decreasing-sweep; Eq. 3's values are
  // beta-c-mode2-appendix-a and beta-c-mode1, the measured drops against Eq. 3 beta-c-mode2-appendix-b: each is judged
  // once, there. Here they stand as evidence without a verdict.
  for (const direction of ['up', 'down-perturbed'] as const) {
    for (const mode of modes) {
      const label = `${DIRECTION_LABEL[direction]}: η = ${mode.eta} vs ${mode.band.printed}`;
      const seeds = withSweep(records, direction).length;
      const { reading, line, wouldDecide: decides } = meanReading(label, located(records, direction, mode.level), seeds, mode.band, { direction, eta: mode.eta });
      readings.push(reading);
      evidence.push(line);
      if (direction === 'up' && decides) wouldDecide.push(decides);
    }
  }
  for (const basis of ['population', 'raw', 'whitened'] as const) {
    for (const mode of modes) {
      const values = records.map((r) => r.criticalBeta[basis][mode.level - 1]!);
      const t = tIntervalOfMean(values, DEFAULT_ALPHA);
      const printed = mode.band.printed ?? null;
      evidence.push(
        basis === 'population'
          ? finding('phase-diagram.eq3-population', { eta: mode.eta, value: values[0]!, printed, judgedIn: mode.eta === 0.8 ? 'beta-c-mode2-appendix-a' : 'beta-c-mode1' })
          : finding('phase-diagram.eq3-sample', { basis, eta: mode.eta, mean: t.estimate, sd: t.sd, seeds: values.length, printed }),
      );
    }
  }
  evidence.push(finding('phase-diagram.judged-elsewhere', {}));
  // Fig. 3 is one sweep on one data set (Appendix B): the printed drops are a single data set's, so that reading heads;
  // the means over data sets stand beside it.
  const single: Reading[] = [];
  let rule: RuleCalibration | undefined;
  for (const mode of modes) {
    const { reading, line, rule: calibration } = singleDataSetReading(`${DIRECTION_LABEL.up}, one data set: η = ${mode.eta} vs ${mode.band.printed}`, located(records, 'up', mode.level), mode.band);
    single.push(reading);
    evidence.push(line);
    rule ??= calibration;
  }
  readings.push(...single);
  evidence.push(rankStepEvidence(records), ...sampleBasisEvidence(records, modes), ...spreadEvidence(records, modes), ...hysteresisEvidence(records, modes));

  const verdict = worstVerdict(single.map((r) => r.verdict));
  const headline: Reading = {
    label: 'up (App. A), one data set: both transitions',
    value: null,
    verdict,
    note: finding('phase-diagram.parts', { parts: single.map((r) => ({ label: r.label, verdict: r.verdict })) }),
  };
  const evaluation: Evaluation = {
    verdict,
    value: null,
    readings: [headline, ...readings],
    evidence,
    ...(rule === undefined ? {} : { rule }),
    figures: [phaseSweepFigure(withSweep(records, 'down'), modes.map((m) => ({ eta: m.eta, printed: m.band.printed! })))],
    perSeed: SWEEP_DIRECTIONS.flatMap((direction) =>
      modes.map((mode) => {
        const swept = withSweep(records, direction);
        return {
          label: `${DIRECTION_LABEL[direction]}: η = ${mode.eta}`,
          meaning: 'located transition β per data seed; null: none on the grid',
          seeds: swept.map((r) => r.dataSeed),
          values: swept.map((r) => transitionAt(r, direction, mode.level) ?? null),
        };
      }),
    ),
  };
  if (verdict === 'inconclusive') evaluation.wouldDecide = finding('phase-diagram.would-decide-each', { parts: wouldDecide });
  return evaluation;
}

/**
 * The per-data-set reading of the phase diagram (decideSingleDataSet): `count` data sets whose transitions scatter
 * normally with spread `sd` around the printed value moved by a difference. It asks whether one data set could print
 * the value, so its stated discrepancy is three of those sd (a printed value at z = 3 of the data sets), not ± 0.02.
 */
export function singleDataSetCalibration(count: number, sd: number, band: ClaimBand, alpha: number): RuleCalibration {
  const normal = normalSource(5);
  const trial = (shift: number): StatisticalVerdict =>
    decideSingleDataSet(Array.from({ length: count }, () => band.value + shift + sd * normal()), band, alpha)?.verdict ?? 'inconclusive';
  return calibrateRule(
    {
      name: `reproduced: the printed value meets the central ${100 * (1 - REPRODUCE_ALPHA)} % range of single-data-set transitions; deviates: outside the 1 − α prediction interval`,
      alpha,
      reproduceAlpha: REPRODUCE_ALPHA,
      seeds: count,
      replications: CALIBRATION_REPLICATIONS,
      // Rounded as data to two significant digits (the calibration's discrepancy), not text.
      discrepancy: { scale: 'difference', size: Number((3 * sd).toPrecision(2)) },
      grid: [0.01, 0.05, 0.1, 0.15, 0.2, 0.3],
    },
    trial,
  );
}
