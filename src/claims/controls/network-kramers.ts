import type { ExperimentRequest, ExperimentResults, KramersControlDataSet, KramersControlResult } from '../../experiments/index.ts';
import { DEFAULT_ALPHA, decideAgainstClaim, fitExponential, twoSidedNormalCritical, type EscapeRateFit, type StatisticalVerdict } from '../../stats/index.ts';
import { formatNumber } from '../../text/index.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding, type Finding } from '../finding.ts';
import type { Claim } from '../ledger.ts';
import { worstVerdict, type Evaluation, type Reading, type Verdict } from '../verdict.ts';
import { controlArrheniusSpec, type ControlPlotPoint } from './control-plots.ts';
import { arrheniusLine, designOf, hasSlope, langerGroups, lineRows, measuredRows, resolutionOf, slopeRatio, type Group } from './escape-controls.ts';
import type { DataSetSlope, NoSlope, PooledSlope } from './findings.ts';
import { censoredSlopesCalibration, lnTauAtCentre } from './slope-calibration.ts';

// The full-batch Langevin control (an audit experiment): on the paper's network with the full-batch gradient and an
// isotropic kick of known T, Appendix F.1's Kramers–Langer formula applies as written, so the censored fit of ln τ on
// 1/T must recover each data set's own barrier — slope/ΔE = 1 — in Langer's form with the saddle's extra zero modes.

export function networkKramersNeeds(): ExperimentRequest[] {
  return [{ experiment: 'network-kramers' }];
}

type DataSetAnalysis = KramersControlDataSet['analysis'];

/**
 * ln τ of Appendix F.1's formula with Langer's treatment of the symmetry zero modes, in Langevin time, on the data set's
 * own Hessians: ln[(2π/|ω1|)(Π′|ω^sad|/Π′ω^min)^{1/2}] + (Δn0/2)·ln(2πT) + ln(Vol_min/Vol_sad) + ΔE/T.
 */
export function langerLnTau(analysis: DataSetAnalysis, temperature: number): number {
  const l = analysis.langer;
  return l.logPrefactorEq11 + (l.zeroModeExcess / 2) * Math.log(2 * Math.PI * temperature) + l.logOrbitVolumeRatio + analysis.lossDifference / temperature;
}

/**
 * Kramers' law is asymptotic: it describes escapes that take long against the dynamics' own time at the saddle. A
 * temperature is in its regime when Langer's τ is at least `factor` times 1/|ω1| — decided by theory alone, before
 * any escape time is read.
 */
export function inKramersRegime(analysis: DataSetAnalysis, temperature: number, factor: number): boolean {
  return langerLnTau(analysis, temperature) >= Math.log(factor / Math.abs(analysis.langer.negativeEigenvalue));
}

interface Form {
  readonly label: string;
  readonly langer: boolean;
  readonly regimeOnly: boolean;
}

function formsOf(control: KramersControlResult, excess: number): Form[] {
  const regime = `Kramers regime (Langer's τ ≥ ${control.regimeFactor}/|ω1|)`;
  const ratios = control.dataSets[0]?.points.map((p) => p.ratio) ?? [];
  const every = `every temperature (Eq. 10's ΔE/T ${Math.min(...ratios)}–${Math.max(...ratios)})`;
  const langer = `Langer: ln τ = a + (${excess}/2)·ln T + ΔE_eff/T`;
  const plain = 'plain Arrhenius: ln τ = a + ΔE_eff/T';
  return [
    { label: `${langer}, ${regime}`, langer: true, regimeOnly: true },
    { label: `${plain}, ${regime}`, langer: false, regimeOnly: true },
    { label: `${langer}, ${every}`, langer: true, regimeOnly: false },
    { label: `${plain}, ${every}`, langer: false, regimeOnly: false },
  ];
}

function groupsOf(control: KramersControlResult, d: KramersControlDataSet, form: Form): Group[] {
  const points = form.regimeOnly ? d.points.filter((p) => inKramersRegime(d.analysis, p.temperature, control.regimeFactor)) : d.points;
  return form.langer ? langerGroups(points, d.analysis.langer.zeroModeExcess) : points.map((p) => ({ x: 1 / p.temperature, runs: p.runs }));
}

const UNIT = { value: 1, tolerance: 0, printed: '1' };

/** One data set under one form: the censored line and slope/ΔE of its own barrier against 1 at the resolution. */
interface DataSetDecision {
  readonly fit: EscapeRateFit | NoSlope;
  readonly verdict: Verdict;
  /** slope/ΔE with its 1 − α interval; null without a slope. */
  readonly ratio: { readonly estimate: number; readonly lower: number; readonly upper: number } | null;
  readonly line: DataSetSlope;
}

function decideDataSet(control: KramersControlResult, d: KramersControlDataSet, form: Form, resolution: number): DataSetDecision {
  const fit = arrheniusLine(groupsOf(control, d, form));
  if (!hasSlope(fit)) return { fit, verdict: 'inconclusive', ratio: null, line: { dataSeed: d.dataSeed, noSlope: fit } };
  const barrier = d.analysis.lossDifference;
  const ratio = slopeRatio(fit, barrier);
  const decision = decideAgainstClaim(UNIT, { ...ratio, seeds: control.runsPerPoint }, { resolution });
  return { fit, verdict: decision.verdict, ratio, line: { dataSeed: d.dataSeed, barrier, ratio, verdict: decision.verdict } };
}

/** One form's reading, and the data sets it decided on. */
interface FormReading {
  readonly reading: Reading;
  readonly decided: DataSetDecision[];
}

function formReading(control: KramersControlResult, form: Form, resolution: number): FormReading {
  const decided = control.dataSets.map((d) => decideDataSet(control, d, form, resolution));
  const ratios = decided.flatMap((x) => (x.ratio === null ? [] : [x.ratio.estimate]));
  const value = ratios.length === 0 ? null : formatNumber(ratios.reduce((s, r) => s + r, 0) / ratios.length, 6);
  return {
    reading: { label: form.label, value, verdict: worstVerdict(decided.map((x) => x.verdict)), note: formFinding(null, decided) },
    decided,
  };
}

function formFinding(label: string | null, decided: readonly DataSetDecision[]): Finding {
  return finding('controls.kramers-form', { label, dataSets: decided.map((x) => x.line) });
}

/**
 * The data sets' slopes/ΔE pooled: the inverse-variance mean, each interval's half-width read as z·se (a normal
 * approximation of the profile-likelihood intervals), against 1 at the same resolution.
 */
function pooledReading(label: string, decided: readonly DataSetDecision[], alpha: number, resolution: number, seeds: number): { reading: Reading; pooled: PooledSlope } {
  const z = twoSidedNormalCritical(alpha);
  const parts = decided.flatMap((d) => (d.ratio === null || !Number.isFinite(d.ratio.upper - d.ratio.lower) ? [] : [{ estimate: d.ratio.estimate, weight: (2 * z / (d.ratio.upper - d.ratio.lower)) ** 2 }]));
  const read = (pooled: PooledSlope, value: string | null, verdict: Verdict) => ({ reading: { label, value, verdict, note: finding('controls.kramers-pooled', { label: null, pooled }) }, pooled });
  if (parts.length < 2) return read({ dataSets: parts.length, estimate: null }, null, 'inconclusive');
  const weight = parts.reduce((s, p) => s + p.weight, 0);
  const mean = parts.reduce((s, p) => s + p.weight * p.estimate, 0) / weight;
  const half = z / Math.sqrt(weight);
  const decision = decideAgainstClaim(UNIT, { estimate: mean, lower: mean - half, upper: mean + half, alpha, seeds }, { resolution });
  return read({ dataSets: parts.length, estimate: { mean, lower: mean - half, upper: mean + half, alpha, grounds: decision.grounds } }, formatNumber(mean, 6), decision.verdict);
}

function pointLine(control: KramersControlResult, d: KramersControlDataSet): Finding {
  const points = d.points.map((p) => {
    const f = p.runs.length > 0 ? fitExponential(p.runs, 0.05) : null;
    const predicted = Math.exp(langerLnTau(d.analysis, p.temperature));
    const measured = f?.meanTime ?? null;
    return {
      barrierRatio: d.analysis.lossDifference / p.temperature,
      escapes: f?.escapes ?? 0,
      runs: p.runs.length,
      meanTime: measured,
      langer: predicted,
      overLanger: measured === null ? null : measured / predicted,
      inRegime: inKramersRegime(d.analysis, p.temperature, control.regimeFactor),
    };
  });
  const a = d.analysis;
  return finding('controls.kramers-data-set', {
    dataSeed: d.dataSeed,
    checkpointBeta: d.checkpointBeta,
    barrier: a.lossDifference,
    populationBarrier: control.populationBarrier,
    trappedIndex: a.trapped.index,
    saddleIndex: a.saddle.index,
    saddleGradientNorm: a.saddle.gradientNorm,
    negativeEigenvalue: a.langer.negativeEigenvalue,
    zeroModeExcess: a.langer.zeroModeExcess,
    points,
  });
}

/** What would decide an undecided headline: the data sets it leaves undecided, each with its temperatures in the regime. */
function wouldDecide(control: KramersControlResult, decided: readonly DataSetDecision[]): Finding {
  const open = control.dataSets.filter((_, i) => decided[i]!.verdict === 'inconclusive');
  const dataSets = open.map((d) => ({ dataSeed: d.dataSeed, temperaturesInRegime: d.points.filter((p) => inKramersRegime(d.analysis, p.temperature, control.regimeFactor)).length }));
  return finding('controls.would-decide-data-sets', { dataSets });
}

/**
 * The full-batch Langevin control: per data set, the censored slope of ln τ on 1/T over that data set's own ΔE, its
 * 1 − α interval against 1 with half-width at most `resolution` (claim params), in Langer's form over the temperatures
 * of Kramers' regime (headline), plain beside it, and both over every temperature. A reading is the worst of its data
 * sets: `reproduced` when every data set recovers its ΔE, `deviates` when one excludes it.
 */
export function evaluateNetworkKramers(claim: Claim, results: ExperimentResults): Evaluation {
  const control = results.networkKramers();
  const resolution = resolutionOf(claim);
  const excess = control.dataSets[0]?.analysis.langer.zeroModeExcess ?? 0;
  const forms = formsOf(control, excess);
  const read = forms.map((f) => formReading(control, f, resolution));
  // The fits' level (every censored line of the control is fitted at the suite's α).
  const alpha = DEFAULT_ALPHA;
  const pooled = pooledReading(`${forms[0]!.label}, pooled over the data sets (inverse-variance mean)`, read[0]!.decided, alpha, resolution, control.runsPerPoint);
  const readings = [read[0]!.reading, pooled.reading, ...read.slice(1).map((r) => r.reading)];
  const headline = readings[0]!;
  // The headline rule's calibration: every data set's headline design at once, in plain Langevin time (Langer's scaling
  // moves each temperature's times by a constant the synthetic line absorbs), each slope its own ΔE × the factor,
  // decided per data set and combined as the headline is (the worst of them).
  const settings = control.dataSets.flatMap((d, i) => {
    const fit = read[0]!.decided[i]!.fit;
    const groups = groupsOf(control, d, forms[1]!);
    if (!hasSlope(fit) || groups.length < 2) return [];
    const barrier = d.analysis.lossDifference;
    return [
      {
        ...designOf(groups),
        lnTauAtCentre: lnTauAtCentre(fit, groups.map((g) => g.x)),
        slopeAt: (factor: number) => barrier * factor,
        decide: (f: EscapeRateFit): StatisticalVerdict => decideAgainstClaim(UNIT, { estimate: f.slope / barrier, lower: f.slopeInterval.lower / barrier, upper: f.slopeInterval.upper / barrier, alpha: f.alpha, seeds: control.runsPerPoint }, { resolution }).verdict,
      },
    ];
  });
  const rule =
    settings.length === 0
      ? null
      : censoredSlopesCalibration({
          name: `slope/ΔE's 1 − α interval against 1 on every data set, half-width ≤ ${resolution}; the worst of them`,
          alpha,
          settings,
          combine: (verdicts) => worstVerdict(verdicts) as StatisticalVerdict,
          discrepancy: { scale: 'factor', size: 1.5 },
          grid: [1.1, 1.25, 1.5, 2, 3],
          purpose: 24,
        });
  const rows: ControlPlotPoint[] = control.dataSets.flatMap((d) => {
    const groups = d.points.map((p) => ({ x: 1 / p.temperature, runs: p.runs }));
    const xs = groups.map((g) => g.x);
    return [...measuredRows(`data seed ${d.dataSeed}`, groups), ...lineRows(`Langer, data seed ${d.dataSeed}`, xs, (x) => langerLnTau(d.analysis, 1 / x))];
  });
  return {
    verdict: headline.verdict,
    value: headline.value,
    readings,
    evidence: [
      finding('controls.kramers-setting', {
        widths: control.widths,
        dt: control.dt,
        beta: control.beta,
        sigmaThreshold: control.sigmaThreshold,
        runsPerPoint: control.runsPerPoint,
        epochs: control.epochs,
        budgetTime: control.budgetTime,
      }),
      finding('controls.kramers-rule', { resolution, excess, regimeFactor: control.regimeFactor }),
      formFinding(forms[0]!.label, read[0]!.decided),
      finding('controls.kramers-pooled', { label: pooled.reading.label, pooled: pooled.pooled }),
      ...read.slice(1).map((r, i) => formFinding(forms[i + 1]!.label, r.decided)),
      ...control.dataSets.map((d) => pointLine(control, d)),
      rule === null ? finding('controls.uncalibrated', { why: 'no-headline-slope' }) : finding('controls.kramers-calibration', { calibration: calibration(rule) }),
    ],
    ...(rule === null ? {} : { rule }),
    ...(headline.verdict === 'inconclusive' ? { wouldDecide: wouldDecide(control, read[0]!.decided) } : {}),
    figures: [
      {
        id: 'control-network-kramers',
        title: 'Positive control: full-batch Langevin escape on the paper\'s network (an audit experiment)',
        caption:
          `ln τ (Langevin time) against 1/T from the rank-1 trap at β = ${control.beta} on each data set, ${control.runsPerPoint} noise seeds per point. ` +
          "Points: censored maximum-likelihood τ̂ (triangles: 95 % lower bound where none escaped); lines: Appendix F.1's formula with Langer's zero-mode factor on the data set's own Hessians.",
        spec: controlArrheniusSpec(rows, 'Langevin time'),
      },
    ],
  };
}
