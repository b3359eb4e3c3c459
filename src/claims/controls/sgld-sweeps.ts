// The kinetic readings on the audit's SGLD positive control (its own isotropic noise, not the paper's SGD): escape
// time against β (Appendix C), Arrhenius against a power law in T (Appendix F.3), and whether SGD's own noise adds
// to the kick's temperature as ηlr/B (prediction 3, Eq. 4). Rules are pure functions of the runs, so specs can give each one
// synthetic runs that must come out reproduced, deviates and inconclusive.
import type { ExperimentRequest, ExperimentResults, NetworkControlDepthResult, NoiseSweepPoint } from '../../experiments/index.ts';
import { compareEscapeRateModels, DEFAULT_ALPHA, fitExponential, type EscapeRateFit, type EscapeRun, type RuleCalibration, type StatisticalVerdict } from '../../stats/index.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding, type Finding } from '../finding.ts';
import type { Claim } from '../ledger.ts';
import type { EvidenceFigure, Evaluation, Reading, Verdict } from '../verdict.ts';
import { arrheniusLine, designOf, hasSlope, tauOfRuns } from './escape-controls.ts';
import type { ControlsFindings } from './findings.ts';
import { censoredSlopeCalibration, lnTauAtCentre } from './slope-calibration.ts';
import { paperTrapInvariance } from '../trapping/invariant-trap.ts';
import type { TrapInvariance } from '../trapping/findings.ts';
import { formatNumber } from '../../text/index.ts';
import { SAMPLER_WORDS } from '../common/reading-words.ts';

/** Label prefix of every reading taken on the control: whose noise it is. */
export const CONTROL_NOISE = "SGLD control (an audit experiment: isotropic noise, not the paper's SGD)";

export interface RunGroup {
  readonly x: number;
  readonly runs: readonly EscapeRun[];
}

/** A reading with the evidence lines behind it. */
export interface ControlReading {
  readonly reading: Reading;
  readonly evidence: Finding[];
}

/** What the trend rule read: no slope, or the trend and its rule's calibration. */
export type TrendResult = ControlsFindings['controls.beta-rule']['result'];

/**
 * ln τ = a + b·x by the censored exponential likelihood of every run. `reproduced` when b's 1 − α interval lies above
 * 0 (τ grows with x), `deviates` when below, else (or with escapes at fewer than two settings) `inconclusive`.
 */
export function decideTauIncreasing(label: string, groups: readonly RunGroup[], alpha = DEFAULT_ALPHA): { reading: Reading; result: TrendResult; rule?: RuleCalibration } {
  const fit = arrheniusLine(groups, alpha);
  if (!hasSlope(fit)) return { reading: { label, value: null, verdict: 'inconclusive', note: finding('controls.no-slope', { label: null, noSlope: fit }) }, result: { noSlope: fit } };
  const verdict = slopeSign(fit);
  const trend = { slope: fit.slope, lower: fit.slopeInterval.lower, upper: fit.slopeInterval.upper, alpha, settings: fit.settings, linearityPValue: fit.linearityPValue };
  const rule = signCalibration('the censored slope of ln τ on x: reproduced when its 1 − α interval lies above 0, deviates when below', groups, fit, fit.slope, 24, slopeSign);
  return { reading: { label, value: fit.slope.toPrecision(6), verdict, note: finding('controls.trend', { trend }) }, result: { trend, calibration: calibration(rule) }, rule };
}

/** reproduced when the slope's 1 − α interval lies above 0, deviates when below. */
function slopeSign(fit: EscapeRateFit): StatisticalVerdict {
  return fit.slopeInterval.lower > 0 ? 'reproduced' : fit.slopeInterval.upper < 0 ? 'deviates' : 'inconclusive';
}

/**
 * A rule on the sign of the censored slope, calibrated on the runs' own design: the truth is `truth` (the claim's
 * direction with its size), the boundary 0 (shift 1), the alternative the truth reversed (shift 2).
 */
function signCalibration(name: string, groups: readonly RunGroup[], fit: EscapeRateFit, truth: number, purpose: number, decide: (fit: EscapeRateFit) => StatisticalVerdict): RuleCalibration {
  const { design, budget } = designOf(groups);
  return censoredSlopeCalibration({
    name,
    alpha: fit.alpha,
    design,
    budget,
    lnTauAtCentre: lnTauAtCentre(fit, design.map((d) => d.x)),
    slopeAt: (shift) => truth * (1 - shift),
    decide,
    discrepancy: { scale: 'difference', size: 2 },
    grid: [0.5, 1, 2],
    oneSided: 'above',
    purpose,
  });
}

/** Why a verdict decided by the trap's invariance states no size or power. */
export const INVARIANCE_CALIBRATION: Finding = finding('controls.invariance-calibration', {});

/** The evaluation with INVARIANCE_CALIBRATION among its evidence where it is not reproducible as specified. */
export function statingInvariance(e: Evaluation): Evaluation {
  return e.notReproducible === undefined ? e : { ...e, evidence: [...e.evidence, INVARIANCE_CALIBRATION] };
}

/** What would decide the paper's SGD headline where the trap is not shown invariant. */
export const PAPER_SGD_LONGER_BUDGET: Finding = finding('controls.would-decide', { need: 'paper-sgd-longer-budget' });

/**
 * A kinetic statement of the paper about SGD: its headline is the paper's protocol, which from the invariant trap
 * gives no escape to read (then `deviates`, not reproducible as specified, for the reason `why` gives from the trap's
 * invariance; otherwise `inconclusive`, until escapes come under the paper's SGD within a longer budget). The readings
 * on the SGLD control follow as the audit's own, never the paper's verdict, then the rest as they were.
 */
export function headedBySgd(control: readonly ControlReading[], rest: Evaluation, results: ExperimentResults, why: (trap: TrapInvariance) => Finding): Evaluation {
  const trap = paperTrapInvariance(results);
  const reason = trap.invariant ? why(trap) : null;
  const headline: Reading = {
    label: "the paper's SGD, rank-1 trap",
    value: null,
    verdict: reason === null ? 'inconclusive' : 'deviates',
    note: finding('controls.paper-sgd', { notReproducible: reason !== null }),
  };
  const { wouldDecide: _theirs, notReproducible: _before, ...base } = rest;
  return statingInvariance({
    ...base,
    verdict: headline.verdict,
    value: null,
    readings: [headline, ...control.map((c) => c.reading), ...rest.readings],
    evidence: [...control.flatMap((c) => c.evidence), ...rest.evidence],
    ...(reason === null ? { wouldDecide: PAPER_SGD_LONGER_BUDGET } : { notReproducible: reason }),
  });
}

// ---- Appendix C: τ grows with β --------------------------------------------------------------------------------

export function betaSweepNeeds(): ExperimentRequest[] {
  return [{ experiment: 'sgld-sweeps' }];
}

/** The escape-time half of Appendix C on the control: τ against β at one temperature. */
export function betaControlReading(results: ExperimentResults): ControlReading {
  const s = results.sgldSweeps();
  const d = decideTauIncreasing(`${CONTROL_NOISE}: τ increases with β`, s.betas.map((b) => ({ x: b.beta, runs: b.point.runs })));
  return {
    reading: d.reading,
    evidence: [
      finding('controls.beta-setting', { noise: CONTROL_NOISE, depth: s.depth, betas: s.betas.map((b) => b.beta), temperature: s.temperature, baseBeta: s.baseBeta, barrierRatio: s.barrierRatio, epochs: s.epochs }),
      ...s.betas.map((b) => finding('controls.beta-point', { beta: b.beta, barrier: b.barrier, barrierRatio: b.barrier / s.temperature, tau: tauOfRuns(b.point.runs) })),
      finding('controls.beta-rule', { label: d.reading.label, result: d.result }),
    ],
  };
}

// ---- Appendix F.3: Arrhenius against a power law on the control's temperature sweep ------------------------------

/** AIC margin above which one law is preferred (kinetics/sgd-noise.ts's lawReading: a likelihood ratio of e). */
export const LAW_MARGIN = 2;

/**
 * One depth's temperatures: ln τ linear in 1/T (Arrhenius) against ln τ linear in ln(1/T) (τ a power of T — not Mori
 * et al.'s law, which is a power of the loss ratio), by AIC of the censored likelihood. Arrhenius by more than
 * LAW_MARGIN reproduces, the power of T deviates, else inconclusive.
 */
export function decideArrheniusInT(label: string, groups: readonly RunGroup[], alpha = DEFAULT_ALPHA): ControlReading {
  const line = arrheniusLine(groups, alpha);
  if (!hasSlope(line)) return { reading: { label, value: null, verdict: 'inconclusive', note: finding('controls.no-slope', { label: null, noSlope: line }) }, evidence: [finding('controls.no-slope', { label, noSlope: line })] };
  const usable = groups.filter((g) => g.runs.length > 0);
  const comparison = compareEscapeRateModels(
    usable.map((g) => g.runs),
    [
      { label: 'Arrhenius: ln τ linear in 1/T', x: usable.map((g) => g.x) },
      { label: 'a power of T: ln τ linear in ln(1/T) (not Mori et al.\'s law)', x: usable.map((g) => Math.log(g.x)) },
    ],
    alpha,
  );
  const margin = comparison.margin;
  const verdict: Verdict = margin <= LAW_MARGIN ? 'inconclusive' : comparison.better.startsWith('Arrhenius') ? 'reproduced' : 'deviates';
  const law = { better: comparison.better, margin, decisionMargin: LAW_MARGIN, temperatures: usable.length };
  return { reading: { label, value: margin.toPrecision(6), verdict, note: finding('controls.temperature-law', { label: null, ...law }) }, evidence: [finding('controls.temperature-law', { label, ...law })] };
}

/** Each depth of the control: its temperature sweep, Arrhenius against the power law. */
export function temperatureLawReadings(results: ExperimentResults): ControlReading[] {
  return results.networkControl().depths.map((d: NetworkControlDepthResult) =>
    decideArrheniusInT(`${CONTROL_NOISE}, L = ${d.depth}: temperature sweep`, d.points.map((p) => ({ x: 1 / p.temperature, runs: p.runs }))),
  );
}

// ---- Prediction 3, Eq. 4: does SGD's own noise add to T as ηlr/B? -------------------------------------------------

export function sgdNoiseNeeds(): ExperimentRequest[] {
  return [{ experiment: 'sgld-sweeps' }];
}

/** τ may change by at most this factor across the design's range of ηlr/B for SGD's noise to count as invisible. */
function materialFactor(claim: Claim): number {
  const f = Number(claim.params.materialFactor ?? '2');
  if (!(f > 1)) throw new RangeError(`claim ${claim.id}: params.materialFactor must be > 1`);
  return f;
}

/**
 * ln τ (Langevin time) = a + b·ηlr/B at fixed added T. SGD's noise adding T_SGD = c·ηlr/B (c > 0) makes b < 0.
 * `reproduced` when b's 1 − α interval lies below 0; `deviates` when it lies above 0, or inside ±ln(factor)/range
 * (τ moves by less than the factor across the design: the noise is invisible at the trap); else `inconclusive`.
 */
export function decideNoiseAddsToT(label: string, groups: readonly RunGroup[], factor: number, alpha = DEFAULT_ALPHA): ControlReading & { rule?: RuleCalibration } {
  const fit = arrheniusLine(groups, alpha);
  if (!hasSlope(fit)) return { reading: { label, value: null, verdict: 'inconclusive', note: finding('controls.no-slope', { label: null, noSlope: fit }) }, evidence: [finding('controls.no-slope-for', { label, noSlope: fit })] };
  const xs = groups.map((g) => g.x);
  const range = Math.max(...xs) - Math.min(...xs);
  const bound = Math.log(factor) / range;
  const { lower, upper } = fit.slopeInterval;
  const invisible = lower > -bound && upper < bound;
  const decide = (f: EscapeRateFit): StatisticalVerdict =>
    f.slopeInterval.upper < 0 ? 'reproduced' : f.slopeInterval.lower > 0 || (f.slopeInterval.lower > -bound && f.slopeInterval.upper < bound) ? 'deviates' : 'inconclusive';
  const verdict: Verdict = decide(fit);
  // Truth: SGD's noise moves τ by the material factor across the design (slope −ln(factor)/range); shift 1: invisible.
  const rule = signCalibration(`the censored slope of ln τ on ηlr/B: reproduced when its 1 − α interval lies below 0, deviates when above 0 or inside ± ln ${factor}/range`, groups, fit, -bound, 25, decide);
  const change = Math.exp(-fit.slope * range);
  const trend = { slope: fit.slope, lower, upper, alpha, tauChange: 1 / change, factor, range, bound, linearityPValue: fit.linearityPValue };
  return {
    reading: { label, value: fit.slope.toPrecision(6), verdict, note: finding('controls.noise-trend', { label: null, ...trend }) },
    evidence: [finding('controls.noise-trend', { label, ...trend }), finding('controls.noise-calibration', { calibration: calibration(rule), factor })],
    rule,
  };
}

function noiseFigure(points: readonly NoiseSweepPoint[], temperature: number): EvidenceFigure {
  const values = points.flatMap((p) => {
    if (p.timeRuns.length === 0) return [];
    const f = fitExponential(p.timeRuns, 0.05);
    const tau = f.meanTime ?? f.interval.lower;
    return [{ lrOverBatch: p.lrOverBatch, lnTau: Math.log(tau), setting: `B = ${p.batch}, ηlr = ${p.lr}`, sampling: p.sampling, bound: f.meanTime === null }];
  });
  return {
    id: 'control-sgld-noise-vs-lr-over-b',
    title: 'SGD\'s own noise on the SGLD control: escape time against ηlr/B at fixed added T (an audit experiment)',
    caption: `ln τ̂ in Langevin time (steps·ηlr) against ηlr/B at T = ${formatNumber(temperature)}, per batch drawing. Flat: SGD's own noise does not add to T at the trap.`,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      data: { values },
      mark: { type: 'point', filled: true },
      encoding: {
        x: { field: 'lrOverBatch', type: 'quantitative', title: 'ηlr / B' },
        y: { field: 'lnTau', type: 'quantitative', title: 'ln τ (Langevin time)', scale: { zero: false } },
        color: { field: 'sampling', type: 'nominal', title: 'batches' },
        shape: { field: 'setting', type: 'nominal', title: '(B, ηlr)' },
      },
    },
  };
}

export function evaluateSgdNoiseAddsToT(claim: Claim, results: ExperimentResults): Evaluation {
  const s = results.sgldSweeps();
  const factor = materialFactor(claim);
  const samplings = [...new Set(s.noise.map((p) => p.sampling))];
  const decisions = samplings.map((sampling) =>
    decideNoiseAddsToT(
      sampling === 'epoch-permutation' ? `${SAMPLER_WORDS[sampling]} (the paper’s SGD)` : SAMPLER_WORDS[sampling],
      s.noise.filter((p) => p.sampling === sampling).map((p) => ({ x: p.lrOverBatch, runs: p.timeRuns })),
      factor,
    ),
  );
  const headline = decisions[0]!.reading;
  const rule = decisions[0]!.rule;
  return {
    verdict: headline.verdict,
    value: headline.value,
    ...(rule === undefined ? {} : { rule }),
    readings: decisions.map((d) => d.reading),
    evidence: [
      finding('controls.noise-setting', { noise: CONTROL_NOISE, depth: s.depth, baseBeta: s.baseBeta, temperature: s.temperature, barrierRatio: s.barrierRatio, epochs: s.epochs }),
      ...s.noise.map((p) => finding('controls.noise-point', { sampling: p.sampling, batch: p.batch, lr: p.lr, lrOverBatch: p.lrOverBatch, timePerEpoch: p.timePerEpoch, tau: tauOfRuns(p.timeRuns) })),
      ...decisions.flatMap((d) => d.evidence),
      finding('controls.noise-rule', { factor }),
    ],
    ...(headline.verdict === 'inconclusive' ? { wouldDecide: finding('controls.would-decide', { need: 'seeds-per-noise-setting' }) } : {}),
    figures: [noiseFigure(s.noise, s.temperature)],
  };
}
