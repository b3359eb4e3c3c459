import { createStream, uniformUnit } from '../../data/index.ts';
import { fitArrhenius, type ArrheniusFit, type ArrheniusSweeps, type ExperimentRequest, type ExperimentResults, type SweepPoint } from '../../experiments/index.ts';
import { invarianceReason, trappedInvariance, unlessNotReproducible } from '../trapping/invariant-trap.ts';
import { arrheniusPlotSpec, type ArrheniusSeries } from './arrhenius-plot.ts';
import { bootstrapInterval, DEFAULT_ALPHA, REPRODUCE_ALPHA, decideAgainstClaim, describeCalibration, escapeSample, escapes, exposure, fitLine, runsOf, TARGET_POWER, type ClaimBand, type EscapeGroup, type EscapeOutcome, type RuleCalibration } from '../../stats/index.ts';
import { collapseCalibration, collapseTest } from './collapse-test.ts';
import type { Claim } from '../ledger.ts';
import { toleranceWidth } from '../tolerance.ts';
import type { Evaluation, EvidenceFigure, PerSeedSeries, Reading, Verdict } from '../verdict.ts';
import { perSeedEscapeSeries } from '../common/escape-statistics.ts';
import { statingInvariance } from '../controls/sgld-sweeps.ts';
import { formatNumber } from '../../text/index.ts';

/** The bootstrap of R² over seeds: 2/α resamples resolve α, so R² uses a looser α than the other checks (stated). */
export const R2_ALPHA = 1e-3;
const R2_RESAMPLES = 4000;
/** Escapes per setting below which ln τ̂ is too noisy for a resampled R². */
const MIN_ESCAPES_FOR_R2 = 20;

/** The sweeps of Section 3.3 and prediction 3. */
export function arrheniusNeeds(): ExperimentRequest[] {
  return [{ experiment: 'arrhenius-sweeps' }];
}

interface SweepReading {
  label: string;
  points: SweepPoint[];
  fit: ArrheniusFit;
}

function readings(sweeps: ArrheniusSweeps): SweepReading[] {
  const named: Array<[string, SweepPoint[]]> = [
    [`ηlr sweep (B = ${sweeps.learningRateSweep[0]?.batch}, checkpoint ${sweeps.checkpointEpochsPerStage})`, sweeps.learningRateSweep],
    ...sweeps.checkpointVariants.map((v): [string, SweepPoint[]] => [`ηlr sweep (checkpoint ${v.checkpointEpochsPerStage})`, v.points]),
    [`B sweep (ηlr = ${sweeps.batchSweep[0]?.lr})`, sweeps.batchSweep],
  ];
  return named.map(([label, points]) => ({ label, points, fit: fitArrhenius(points, DEFAULT_ALPHA) }));
}

/** Escape epochs per seed at every setting of the sweeps (null: censored at the budget). */
function perSeedOf(all: SweepReading[]): PerSeedSeries[] {
  return all.flatMap((r) =>
    r.points.map((p) => perSeedEscapeSeries(`${r.label}: ηlr = ${p.lr}, B = ${p.batch}`, "the protocol's", p.outcomes)),
  );
}

function pointLine(p: SweepPoint): string {
  const trapped = p.sample.seeds.length;
  const tau = p.fit?.meanTime;
  return (
    `ηlr = ${p.lr}, B = ${p.batch} (B/ηlr = ${Math.round(p.x)}): ${trapped} of ${p.records.length} seeds started trapped, ` +
    `${p.fit?.escapes ?? 0} escaped within ${p.sample.budget} epochs` +
    (tau ? `, τ̂ = ${formatNumber(tau, 4)} epochs` : p.fit ? `, τ ≥ ${formatNumber(p.fit.interval.lower, 3)} epochs (95 %)` : '')
  );
}

function fitLineText(r: SweepReading): string {
  const f = r.fit;
  if (f.notEstimable) return `${r.label}: no fit — ${f.notEstimable}.`;
  const a = f.arrhenius!;
  return (
    `${r.label}: censored fit ln τ = ${formatNumber(a.intercept, 4)} + ${formatNumber(a.slope, 4)}·(B/ηlr), slope interval ` +
    `[${formatNumber(a.slopeInterval.lower, 3)}, ${formatNumber(a.slopeInterval.upper, 3)}] at α = ${a.alpha}; linearity p = ` +
    `${formatNumber(a.linearityPValue, 3)}; ${f.preferred!.label} preferred by ΔAIC = ${formatNumber(f.preferred!.aicMargin, 3)}; ` +
    `power-law exponent ${formatNumber(f.powerLaw!.slope, 3)}` +
    (f.leastSquaresR2 === null ? '.' : `; least-squares R² of ln τ̂ = ${formatNumber(f.leastSquaresR2, 4)}.`)
  );
}

function arrheniusFigure(sweeps: ArrheniusSweeps, all: SweepReading[]): EvidenceFigure {
  const series: ArrheniusSeries[] = all.map((r) => ({ label: r.label, points: r.points, fit: r.fit }));
  return {
    id: 'fig-2b-arrhenius',
    title: 'Arrhenius plot of escape from the rank-1 trap (Fig. 2b)',
    caption:
      `ln τ against B/ηlr for the learning-rate sweep of Appendix A (β = 0.32, rank-1 trap), the same sweep from less converged ` +
      `checkpoints ("checkpoint N": N SGD epochs per annealing stage), and the batch-size sweep of prediction 3; ${sweeps.seeds.length} seeds per setting, ${sweeps.epochs} epochs. ` +
      `Circles: mean escape time by the censored exponential likelihood; triangles: settings where no ` +
      'trapped seed escaped, drawn at the lower end of the 95 % interval of τ. Lines: the censored maximum-likelihood Arrhenius fit where estimable.',
    spec: arrheniusPlotSpec(series, sweeps.epochs),
  };
}

/**
 * R² of least squares of ln τ̂ on B/ηlr, resampling seeds: every setting keeps the same seeds, as the sweep does.
 * τ̂ = exposure/escapes per setting (the censored exponential MLE). With at least MIN_ESCAPES_FOR_R2 escapes among n
 * seeds at every setting, a resample without an escape there has probability ((n − 20)/n)^n (≈ 1e-11 at n = 50); were one drawn,
 * τ̂ would be infinite and the bootstrap refuses the non-finite statistic rather than patching it.
 */
function sweepTable(points: SweepPoint[]) {
  const seeds = points[0]!.records.map((r) => r.seed);
  return { x: points.map((p) => p.x), bySeed: seeds.map((_, i) => points.map((p) => p.outcomes[i]!)), streamSeed: seeds[0] ?? 0 };
}

/**
 * The seed bootstrap of R² from a seed × setting table of outcomes (a pure function, for calibration): the 1 − R2_ALPHA
 * interval, and the central 1 − REPRODUCE_ALPHA range from the same replicates (`also[0]`). Both R² rules read it.
 */
export function r2IntervalOf(x: readonly number[], bySeed: readonly (readonly EscapeOutcome[])[], streamSeed: number, resamples: number) {
  const statistic = (resample: readonly (readonly EscapeOutcome[])[]) => {
    const y = x.map((_, j) => {
      const sample = escapeSample(resample.map((row) => row[j]!));
      return Math.log(exposure(sample) / escapes(sample));
    });
    return fitLine(x, y, 0.05).rSquared;
  };
  const rng = createStream(streamSeed, 'bootstrap');
  return bootstrapInterval(bySeed, statistic, { resamples, uniform: () => uniformUnit(rng), alpha: R2_ALPHA, alsoAt: [REPRODUCE_ALPHA] });
}

type R2Bootstrap = ReturnType<typeof r2IntervalOf>;

/**
 * The printed R² as one draw of the experiment. Section 3.3's R² is the fit of one sweep of 50 seeds: a sample
 * statistic whose seed-to-seed scatter (≈ ± 0.02 at 50 seeds) is ~40 times its printed precision, so no seed count the
 * paper used could reproduce it to three digits. The question a referee can decide is whether 0.991 is a plausible
 * outcome of this sweep at this seed count; the seed bootstrap of R² is that outcome's distribution. reproduced when
 * the printed band meets the central 1 − REPRODUCE_ALPHA range; deviates when it lies outside the 1 − R2_ALPHA range;
 * otherwise inconclusive.
 */
function drawDecision(boot: R2Bootstrap, band: ClaimBand, seeds: number) {
  const central = boot.also[0]!;
  const lower = band.value - band.tolerance;
  const upper = band.value + band.tolerance;
  const range = (i: { lower: number; upper: number }, level: number) => `the central ${100 * (1 - level)} % of the seed bootstrap [${formatNumber(i.lower, 4)}, ${formatNumber(i.upper, 4)}]`;
  const printed = `${band.printed ?? band.value} ± ${band.tolerance}`;
  const base = { estimate: boot.estimate, central: [central.lower, central.upper] as const, wide: [boot.lower, boot.upper] as const };
  if (upper < boot.lower || lower > boot.upper) return { ...base, verdict: 'deviates' as const, reason: `${printed} lies outside ${range(boot, R2_ALPHA)}: not an outcome of this sweep at ${seeds} seeds` };
  if (upper >= central.lower && lower <= central.upper) return { ...base, verdict: 'reproduced' as const, reason: `${printed} meets ${range(central, REPRODUCE_ALPHA)}: a plausible outcome of this sweep at ${seeds} seeds` };
  return { ...base, verdict: 'inconclusive' as const, reason: `${printed} lies outside ${range(central, REPRODUCE_ALPHA)} but inside ${range(boot, R2_ALPHA)}` };
}

/** The printed-precision rule: the 1 − R2_ALPHA bootstrap interval against the printed value ± half its last digit. */
function precisionDecision(boot: R2Bootstrap, band: ClaimBand, seeds: number) {
  return decideAgainstClaim(band, { estimate: boot.estimate, lower: boot.lower, upper: boot.upper, alpha: R2_ALPHA, seeds });
}

export function decideR2Draw(x: readonly number[], bySeed: readonly (readonly EscapeOutcome[])[], band: ClaimBand, streamSeed: number, resamples = R2_RESAMPLES) {
  return drawDecision(r2IntervalOf(x, bySeed, streamSeed, resamples), band, bySeed.length);
}

export function decideR2(x: readonly number[], bySeed: readonly (readonly EscapeOutcome[])[], band: ClaimBand, streamSeed: number, resamples = R2_RESAMPLES) {
  return precisionDecision(r2IntervalOf(x, bySeed, streamSeed, resamples), band, bySeed.length);
}

/**
 * What could decide a sweep that has too few escapes. From a checkpoint whose weak mode is exactly 0 no budget and no
 * seed count can: that state is invariant under every SGD step (sgd-noise-across-barrier). Then the experiment that
 * can is the sweep from checkpoints that leave the weak mode a residue (the checkpoint variants); otherwise a longer
 * budget at the protocol's checkpoint.
 */
export function sweepWouldDecide(sweeps: ArrheniusSweeps, needed: string): string {
  const variants = sweeps.checkpointVariants.map((v) => v.checkpointEpochsPerStage).join(', ');
  return `${needed}: a longer budget than ${sweeps.epochs} epochs at the protocol's checkpoint, or the checkpoint variants (${variants} epochs per stage).`;
}

/**
 * Why the protocol's sweep cannot give the escapes a fit needs, or null where it may: every trapped start of the
 * learning-rate sweep (the protocol's checkpoint) stayed trapped with a residue that is 0 or only shrank.
 */
export function sweepNotReproducible(sweeps: ArrheniusSweeps): string | null {
  const points = sweeps.learningRateSweep;
  const invariance = trappedInvariance(points.flatMap((p) => p.records), points.flatMap((p) => p.outcomes));
  return invariance.invariant ? `${invarianceReason(invariance, `the escapes the Arrhenius sweep is about at the protocol's checkpoint (${sweeps.seeds.length} seeds × ${sweeps.learningRateSweep.length} learning rates × ${sweeps.epochs} epochs)`)}.` : null;
}

/** Section 3.3: "the linear fit achieves R² = 0.991". */
function evaluateR2(claim: Claim, results: ExperimentResults): Evaluation {
  const sweeps = results.arrheniusSweeps();
  const all = readings(sweeps);
  const printed = claim.paper.value!;
  const tolerance = toleranceWidth(claim.tolerance, printed)!.toNumber();
  const band = { value: Number(printed), tolerance, printed };
  // One bootstrap per sweep serves both rules. Headline: the printed R² as one draw of each sweep; the printed-precision
  // rule follows it.
  const draws: Reading[] = [];
  const precise: Reading[] = [];
  for (const r of all.filter((r) => !r.label.startsWith('B sweep'))) {
    const enough = r.points.every((p) => (p.fit?.escapes ?? 0) >= MIN_ESCAPES_FOR_R2);
    if (r.fit.leastSquaresR2 === null || !enough) {
      const undecided = {
        value: r.fit.leastSquaresR2 === null ? null : r.fit.leastSquaresR2.toPrecision(6),
        verdict: 'inconclusive' as const,
        note: r.fit.notEstimable ?? `fewer than ${MIN_ESCAPES_FOR_R2} escapes at some setting: R² has no usable interval`,
      };
      draws.push({ label: `${r.label}, printed R² as one draw`, ...undecided });
      precise.push({ label: `${r.label}, to the printed precision`, ...undecided });
      continue;
    }
    const table = sweepTable(r.points);
    const boot = r2IntervalOf(table.x, table.bySeed, table.streamSeed, R2_RESAMPLES);
    const value = boot.estimate.toPrecision(6);
    const draw = drawDecision(boot, band, table.bySeed.length);
    const exact = precisionDecision(boot, band, sweeps.seeds.length);
    draws.push({ label: `${r.label}, printed R² as one draw`, value, verdict: draw.verdict, note: draw.reason });
    precise.push({ label: `${r.label}, to the printed precision`, value, verdict: exact.verdict, note: exact.reason });
  }
  const out = [...draws, ...precise];
  const headline = out[0]!;
  return statingInvariance(unlessNotReproducible({
    verdict: headline.verdict,
    value: headline.value,
    readings: out,
    evidence: [
      ...sweeps.learningRateSweep.map(pointLine),
      ...all.map(fitLineText),
      ...out.map((r) => `${r.label}: ${r.note ?? ''}`),
      'Calibration of the R² rules (spec/claims/kinetics/arrhenius-calibration.spec.ts, REPRODUCE.md): on 40 synthetic sweeps of this design drawn from an exact Arrhenius law, the one-draw rule says reproduced 37 times and deviates never; a τ that does not depend on B/ηlr deviates. The seed bootstrap is too costly to repeat here.',
    ],
    ...(headline.verdict === 'inconclusive' ? { wouldDecide: sweepWouldDecide(sweeps, `${MIN_ESCAPES_FOR_R2} escapes at every ηlr`) } : {}),
    figures: [arrheniusFigure(sweeps, all)],
    perSeed: perSeedOf(all),
  }, sweepNotReproducible(sweeps)));
}

/** Gradient-noise variance of a batch of B drawn without replacement from N, relative to B drawn with replacement. */
function finitePopulation(batch: number, n: number): number {
  return (n - batch) / (n - 1);
}

/**
 * Prediction 3: if T_eff ∝ ηlr/B, the batch-size sweep and the learning-rate sweep share one line in B/ηlr. Two
 * readings: x = B/ηlr as the paper writes it, and x corrected by the finite-population factor (N − B)/(N − 1) of a
 * batch drawn without replacement (B = 256 of 512 has about half the noise). `deviates` when the likelihood-ratio
 * test rejects at α; a non-rejection is `reproduced` only where the calibrated power at ×2 reaches 0.9, else
 * `inconclusive` with that power.
 */
function evaluateBatchCollapse(_claim: Claim, results: ExperimentResults): Evaluation {
  const sweeps = results.arrheniusSweeps();
  const all = readings(sweeps);
  const lr = all[0]!;
  const batch = all[all.length - 1]!;
  const trainCount = sweeps.batchSweep[0]?.records[0]?.settings?.trainCount;
  const evidence = [...sweeps.batchSweep.map(pointLine), fitLineText(lr), fitLineText(batch)];
  let rule: RuleCalibration | undefined;
  const readingFor = (label: string, xOf: (p: SweepPoint) => number, first: boolean): Reading => {
    if (lr.fit.notEstimable || batch.fit.notEstimable) {
      return { label, value: null, verdict: 'inconclusive', note: 'a line is needed for both sweeps, and at least one has escapes at fewer than two settings' };
    }
    const groups = (r: SweepReading): EscapeGroup[] => r.points.filter((p) => p.sample.seeds.length > 0).map((p) => ({ x: xOf(p), runs: runsOf(p.sample) }));
    const test = collapseTest(groups(lr), groups(batch), DEFAULT_ALPHA);
    const design = (g: EscapeGroup[]) => g.map((x) => ({ x: x.x, runs: x.runs.length }));
    const calibration = collapseCalibration(design(groups(lr)), design(groups(batch)), sweeps.epochs, test.line, DEFAULT_ALPHA);
    if (first) rule = calibration;
    const verdict: Verdict = test.pValue < DEFAULT_ALPHA ? 'deviates' : calibration.power >= TARGET_POWER ? 'reproduced' : 'inconclusive';
    const note =
      `likelihood-ratio test of one line for both sweeps: statistic ${formatNumber(test.statistic, 4)}, p = ${formatNumber(test.pValue, 3)} (α = ${DEFAULT_ALPHA}); ` +
      `power to see the B sweep's τ off by ×2: ${formatNumber(calibration.power, 2)}${verdict === 'inconclusive' ? ` < ${TARGET_POWER}: a non-rejection of too little power` : ''}`;
    return { label, value: test.pValue.toPrecision(4), verdict, note };
  };
  const out = [
    readingFor('one line for both sweeps', (p) => p.x, true),
    ...(trainCount === undefined ? [] : [readingFor('one line, x = B/(ηlr·(N − B)/(N − 1)) (without replacement)', (p) => p.x / finitePopulation(p.batch, trainCount), false)]),
  ];
  for (const r of out) evidence.push(`${r.label}: ${r.note ?? ''}`);
  if (rule) evidence.push(`${describeCalibration(rule)}.`);
  evidence.push(
    'Confound 1, deterministic drift: time is counted in epochs, N/B steps of size ηlr each, so a deterministic drift over a fixed gradient-flow time ' +
      'takes a number of epochs ∝ B/ηlr as well — both sweeps collapse onto one curve in B/ηlr without any noise (ln τ linear in ln(B/ηlr) with slope 1). ' +
      'The collapse alone does not single out noise-driven escape; the Arrhenius-against-power-law comparison of arrhenius-r2 does.',
    trainCount === undefined
      ? 'Confound 2: no run records give N.'
      : `Confound 2, batches drawn without replacement: the gradient-noise variance carries (N − B)/(N − 1), N = ${trainCount}: ` +
          sweeps.batchSweep.map((p) => `B = ${p.batch}: ${formatNumber(finitePopulation(p.batch, trainCount), 3)}`).join(', ') +
          ` (ηlr sweep, B = ${lr.points[0]?.batch}: ${formatNumber(finitePopulation(lr.points[0]?.batch ?? 1, trainCount), 3)}); the second reading corrects x by it (gradient-noise-inverse-batch measures the factor).`,
  );
  const headline = out[0]!;
  return statingInvariance(unlessNotReproducible({
    verdict: headline.verdict,
    value: headline.value,
    readings: out,
    evidence,
    ...(headline.verdict === 'inconclusive'
      ? {
          wouldDecide:
            headline.value === null
              ? 'escapes at two settings at least in each sweep: from checkpoints that leave the weak mode a residue (the checkpoint variants), since the protocol checkpoint is invariant under SGD (sgd-noise-across-barrier)'
              : 'more trapped runs per setting, until the calibrated power at ×2 reaches 0.9',
        }
      : {}),
    ...(rule ? { rule } : {}),
    figures: [arrheniusFigure(sweeps, all)],
  }, sweepNotReproducible(sweeps)));
}

export { evaluateR2 as evaluateArrheniusR2, evaluateBatchCollapse };
