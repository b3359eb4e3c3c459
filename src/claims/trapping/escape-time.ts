// Verdicts of the trapping claims of Section 3.1 / Fig. 1 (REPRODUCE.md, "Escape times: the verdict rules"). Each
// claim is read under both data-seed schemes and both escape rules (sparse: as written and at B = 5); the first
// reading — the paper's protocol as written, per-seed data, the protocol's own escape rule — is the headline.
import { finding, type Finding } from '../finding.ts';
import {
  ALL_TRAPPING,
  checkpointSigma,
  isDiagnosed,
  DATA_SCHEMES,
  ESCAPE_RULES,
  SPARSE_BATCHES,
  escapeOutcomes,
  type DataSchemeName,
  type EscapeRuleName,
  type ExperimentRequest,
  type ExperimentResults,
  type RunRecord,
  type TrappingProtocol,
} from '../../experiments/index.ts';
import { PROTOCOL_NAMES, type ProtocolName } from '../../protocols/index.ts';
import {
  DEFAULT_ALPHA,
  decideMeanTime,
  escapeCountTest,
  fitExponential,
  kaplanMeier,
  type ClaimBand,
  type EscapeRun,
  type RuleCalibration,
  type StatisticalVerdict,
} from '../../stats/index.ts';
import { CONVERGENCE_MIN_SEEDS, convergenceCalibration, convergenceOf, decideConvergenceTime, logSpread } from './convergence-time.ts';
import { ESCAPE_TIME_DISCREPANCY, lowerBoundCalibration, meanTimeCalibration } from '../common/calibrations.ts';
import type { Claim } from '../ledger.ts';
import { toleranceWidth } from '../tolerance.ts';
import type { Evaluation, EvidenceFigure, PerSeedSeries, Reading, Verdict } from '../verdict.ts';
import { decidedEscapesFinding, escapeStatistics, escapeSummary, escapesCell, escapesFinding, perSeedEscapeSeries, shortEscapesFinding, type EscapeStatistics } from '../common/escape-statistics.ts';
import { calibration, calibrationFinding, wouldDecideFinding } from '../common/calibration-finding.ts';
import type { EscapeCounts, GapAfterEscape, LowerBoundDecision, TrapInvariance, WithinBudgetDecision } from './findings.ts';
import { GoldenFileError } from '../../io/index.ts';
import { diagnosticReport } from './diagnostics.ts';
import { invariantTrapFinding, trappedInvariance, unlessNotReproducible } from './invariant-trap.ts';
import { trappingFigures, sparseFigures } from './evidence-figures.ts';
import { formatNumber } from '../../text/index.ts';
import { BIASED_NETWORK_REQUEST, biasedCheckpointFindings, biasedInvariance, biasedSources, hasBiasedReadings, type BiasedSource } from './biased-readings.ts';
import { DATA_WORDS, SPARSE_BATCH_WORDS, escapeRuleWords, readingLabel } from '../common/reading-words.ts';

const ALPHA = DEFAULT_ALPHA;

/** A reading's note where none of its runs started trapped. */
export const NONE_TRAPPED = finding('trapping.none-trapped', {});

/** One reading: a label, its runs, their data scheme, the rule and σ mode it is read with. */
interface ReadingRuns {
  readonly label: string;
  readonly scheme: DataSchemeName;
  readonly records: RunRecord[];
  readonly rule: EscapeRuleName;
  readonly mode?: number;
}

function protocolParam(claim: Claim): ProtocolName {
  const p = claim.params['protocol'];
  if (typeof p !== 'string' || !(PROTOCOL_NAMES as readonly string[]).includes(p)) {
    throw new GoldenFileError(`golden/claims.json: claim '${claim.id}' needs params.protocol, one of ${PROTOCOL_NAMES.join(', ')}`);
  }
  return p as ProtocolName;
}

/** The readings of a trapping protocol: data scheme × escape rule, the protocol's own rule first. */
function trappingReadings(results: ExperimentResults, protocol: TrappingProtocol, rules: readonly EscapeRuleName[], mode?: number): ReadingRuns[] {
  const out: ReadingRuns[] = [];
  for (const scheme of DATA_SCHEMES) {
    const records = results.trapping(protocol).runs[scheme];
    for (const rule of rules) out.push({ label: readingLabel(DATA_WORDS[scheme], escapeRuleWords(rule, mode)), scheme, records, rule, ...(mode === undefined ? {} : { mode }) });
  }
  return out;
}

/** The sparse readings: batch (as written, B = 5) × data scheme, all by the σ2 > 10⁻³ rule of Appendix A. */
function sparseReadings(results: ExperimentResults): ReadingRuns[] {
  const out: ReadingRuns[] = [];
  for (const batch of SPARSE_BATCHES) {
    for (const scheme of DATA_SCHEMES) out.push({ label: readingLabel(SPARSE_BATCH_WORDS[batch], DATA_WORDS[scheme]), scheme, records: results.sparse().runs[batch][scheme], rule: 'sigma-threshold' });
  }
  return out;
}

function outcomesOf(r: ReadingRuns) {
  return escapeOutcomes(r.records, r.rule, r.mode);
}

function statisticsOf(r: ReadingRuns): EscapeStatistics {
  return escapeStatistics(outcomesOf(r), ALPHA);
}

/** Escape epochs per seed of each reading (null: censored at the budget); seeds that did not start trapped set aside. */
export function perSeedEscapes(sources: readonly ReadingRuns[]): PerSeedSeries[] {
  return sources.map((source) => perSeedEscapeSeries(source.label, source.rule, outcomesOf(source)));
}

function headlineOf(readings: Reading[], evidence: Finding[], extra: Partial<Evaluation> = {}): Evaluation {
  const headline = readings[0]!;
  return { verdict: headline.verdict, value: headline.value, readings, evidence, ...extra };
}

function valueOf(x: number | null): string | null {
  return x === null ? null : formatNumber(x, 6);
}

/**
 * "τ ≈ 5500": the mean escape time of the trapped runs against the printed value ± half a unit of its last digit.
 * decideMeanTime: `deviates` when the censored-likelihood interval of τ (1 − α, α = 1e-6) lies outside the band,
 * `reproduced` when it overlaps it and is no wider than the tolerance, else `inconclusive` with the seeds or budget
 * that would decide (escapeDesign). No trapped run at all: `inconclusive` (the protocol did not produce the state).
 */
export function evaluateEscapeTime(claim: Claim, results: ExperimentResults): Evaluation {
  const printed = claim.paper.value;
  const width = toleranceWidth(claim.tolerance, printed);
  if (printed === null || width === null) throw new Error(`claim '${claim.id}': escape-time needs a printed value and a tolerance`);
  const protocol = protocolParam(claim);
  const sources = protocol === 'sparse' ? sparseReadings(results) : trappingReadings(results, protocol as TrappingProtocol, primaryFirst(results, protocol as TrappingProtocol));
  const band = { value: Number(printed), tolerance: width.toNumber(), printed };
  const evidence: Finding[] = [];
  let wouldDecide: Finding | undefined;
  let rule: RuleCalibration | undefined;
  let measured: Finding | undefined;
  const convergence = convergenceReadings(claim, sources, band, evidence);
  if (convergence !== null) ({ wouldDecide, rule, measured } = convergence);
  // A random start never sits on a plateau: an escape rule has nothing to read there, so convergence alone decides.
  const readings = (convergence === null ? sources : []).map((source, j): Reading => {
    const i = j + (convergence?.readings.length ?? 0);
    const s = statisticsOf(source);
    evidence.push(escapesFinding(source.label, s));
    if (i === 0) measured = measuredFinding(s);
    if (s.runs.length === 0) {
      if (i === 0) wouldDecide = finding('trapping.would-decide-trapped-start', { diagnostic: true });
      return { label: source.label, value: null, verdict: 'inconclusive', note: escapesCell(s) };
    }
    const decided = decideMeanTime(s.runs, s.budget, band, ALPHA, ESCAPE_TIME_DISCREPANCY);
    if (i === 0) {
      rule = meanTimeCalibration(s.runs.length, s.budget, band, ALPHA);
      evidence.push(calibrationFinding(rule));
    }
    const count = escapeCountTest(s.runs, s.budget, band.value, ALPHA);
    evidence.push(
      finding('trapping.escape-count', {
        label: source.label,
        printed,
        budget: s.budget,
        escapeProbability: count.escapeProbability,
        escapes: s.escapes,
        runs: s.runs.length,
        expectedEscapes: count.expectedEscapes,
        atMost: count.atMost,
        atLeast: count.atLeast,
        grounds: decided.decision.grounds,
      }),
    );
    if (i === 0 && decided.decision.verdict === 'inconclusive' && decided.decision.wouldDecide !== undefined) wouldDecide = wouldDecideFinding(decided.decision.wouldDecide);
    return { label: source.label, value: valueOf(decided.fit.meanTime), verdict: decided.decision.verdict, note: escapesCell(s) };
  });
  readings.unshift(...(convergence?.readings ?? []));
  if (hasBiasedReadings(protocol)) {
    evidence.push(...biasedCheckpointFindings(results, protocol));
    for (const b of biasedSources(results, protocol, primaryFirst(results, protocol))) {
      const s = b.statistics;
      if (s.runs.length === 0) {
        evidence.push(shortEscapesFinding(b.label, s));
        readings.push({ label: b.label, value: null, verdict: 'inconclusive', note: escapesCell(s) });
        continue;
      }
      const decided = decideMeanTime(s.runs, s.budget, band, ALPHA, ESCAPE_TIME_DISCREPANCY);
      evidence.push(decidedEscapesFinding(b.label, s, decided.decision.grounds));
      readings.push({ label: b.label, value: valueOf(decided.fit.meanTime), verdict: decided.decision.verdict, note: escapesCell(s) });
    }
  }
  const diagnostics = diagnosticReport(results, protocol);
  evidence.push(...diagnostics.evidence);
  const figures = figuresFor(results, protocol);
  const perSeed = [...(convergence?.perSeed ?? []), ...perSeedEscapes(sources), ...diagnostics.perSeed];
  return headlineOf(readings, evidence, { ...(wouldDecide ? { wouldDecide } : {}), figures, perSeed, ...(rule ? { rule } : {}), ...(measured ? { measured } : {}) });
}

/**
 * Random init (`params.convergenceBand`): the headline reads τ as the first epoch from which test MSE stays within
 * the band of its final value (Appendix A: convergence assessed by monitoring test MSE), one reading per data scheme;
 * the midpoint and σ rules follow beside it. null when the claim names no band.
 */
function convergenceReadings(
  claim: Claim,
  sources: readonly ReadingRuns[],
  band: ClaimBand,
  evidence: Finding[],
): { readings: Reading[]; perSeed: PerSeedSeries[]; wouldDecide?: Finding; rule?: RuleCalibration; measured?: Finding } | null {
  const width = claim.params['convergenceBand'];
  if (typeof width !== 'string') return null;
  const out: { readings: Reading[]; perSeed: PerSeedSeries[]; wouldDecide?: Finding; rule?: RuleCalibration; measured?: Finding } = { readings: [], perSeed: [] };
  const schemes = sources.filter((source, i) => sources.findIndex((o) => o.records === source.records) === i);
  for (const source of schemes) {
    const label = readingLabel(DATA_WORDS[source.scheme], `test MSE within ${width} of final`);
    const values = convergenceOf(source.records, Number(width));
    const counts = { seeds: values.length, censored: values.filter((v) => v.censored).length };
    const note = finding('trapping.convergence-counts', counts);
    const decided = decideConvergenceTime(values, band, ALPHA);
    const first = out.readings.length === 0;
    if (decided === null) {
      evidence.push(finding('trapping.convergence-too-few', { label, ...counts }));
      if (first) out.wouldDecide = finding('trapping.would-decide-per-epoch-runs', { seeds: CONVERGENCE_MIN_SEEDS });
      out.readings.push({ label, value: null, verdict: 'inconclusive', note });
      continue;
    }
    // The epochs themselves are data (each seed's, beside the statistic), not words.
    out.perSeed.push({
      label,
      meaning: `first epoch from which the test MSE stays within ${width} of its final value; a seed not settled within the window is read at the window's end`,
      seeds: values.map((v) => v.seed),
      values: values.map((v) => v.epoch),
    });
    evidence.push(finding('trapping.median-convergence', { label, estimate: decided.estimate, ...counts, grounds: decided.grounds }));
    if (first) {
      out.measured = finding('trapping.measured-convergence', { estimate: decided.estimate, interval: { lower: decided.interval.lower, upper: decided.interval.upper }, ...counts });
      if (decided.verdict === 'inconclusive' && decided.wouldDecide) out.wouldDecide = wouldDecideFinding(decided.wouldDecide);
      out.rule = convergenceCalibration(values.length, logSpread(values), band, ALPHA);
      evidence.push(calibrationFinding(out.rule));
    }
    out.readings.push({ label, value: valueOf(decided.estimate), verdict: decided.verdict, note });
  }
  return out;
}

/** The summary row of an escape reading by its counts: runs trapped, escaped, set aside. */
export function escapeCounts(s: EscapeStatistics): EscapeCounts {
  return { trapped: s.runs.length, escapes: s.escapes, notTrapped: s.notTrapped.length };
}

/** The summary row of an escape-time claim: τ̂ or its bound with the 1 − α interval, and the counts. */
function measuredFinding(s: EscapeStatistics): Finding {
  const tau = s.fit === null ? null : { estimate: s.fit.meanTime, lower: s.fit.interval.lower, upper: s.fit.interval.upper };
  return finding('trapping.measured-escapes', { ...escapeCounts(s), tau });
}

/**
 * "τ > bound" on one set of runs: `reproduced` when the 1 − α censored-likelihood interval of τ lies above the bound
 * and some run escaped; `deviates` when it lies below; otherwise `inconclusive` (no escape, or the interval contains
 * the bound). A pure function of the sample, so that it can be calibrated on synthetic runs.
 */
export function decideLowerBound(runs: readonly EscapeRun[], budget: number, bound: number, alpha: number): { verdict: StatisticalVerdict; decision: LowerBoundDecision } {
  const fit = fitExponential(runs, alpha);
  const interval = { lower: fit.interval.lower, upper: fit.interval.upper };
  if (fit.interval.upper < bound) return { verdict: 'deviates', decision: { outcome: 'below', interval, bound } };
  if (fit.escapes === 0) {
    const count = escapeCountTest(runs, budget, bound, alpha);
    return { verdict: 'inconclusive', decision: { outcome: 'unseen', lower: fit.interval.lower, bound, runs: runs.length, budget, atMost: count.atMost } };
  }
  if (fit.interval.lower > bound) return { verdict: 'reproduced', decision: { outcome: 'above', interval, bound } };
  return { verdict: 'inconclusive', decision: { outcome: 'contains', interval, bound } };
}

/**
 * The within-budget rule of Fig. 1(a) on one sample: at least half the trapped runs escape within the budget (the
 * paper's median curve escapes inside its run). `deviates` when P(Binomial(n, ½) ≤ escapes) < α; `reproduced` when
 * the Kaplan–Meier median escape lies between the bound and the budget; otherwise `inconclusive`.
 */
export function decideWithinBudget(runs: readonly EscapeRun[], budget: number, bound: number, alpha: number): { verdict: StatisticalVerdict; decision: WithinBudgetDecision; median: number | null } {
  // p = ½ of escaping by the budget is the exponential law with mean budget/ln 2.
  const count = escapeCountTest(runs, budget, budget / Math.LN2, alpha);
  const median = kaplanMeier(runs, alpha).median.estimate;
  if (count.atMost < alpha) {
    return { verdict: 'deviates', median, decision: { outcome: 'too-few', budget, escapes: count.escapes, runs: runs.length, atMost: count.atMost, alpha } };
  }
  if (median !== null && median > bound) return { verdict: 'reproduced', median, decision: { outcome: 'between', median, bound, budget } };
  return { verdict: 'inconclusive', median, decision: { outcome: 'undecided', budget, escapes: count.escapes, runs: runs.length, atMost: count.atMost } };
}

/**
 * The invariance evidence: every trapped run started from a checkpoint whose σ of the watched mode is exactly 0. A
 * rank-deficient end-to-end map of a bias-free deep linear network stays rank-deficient under every gradient step
 * (the gradient of a zero singular direction is zero), so no budget and no seed count can show an escape.
 */
function invariantTrap(records: readonly RunRecord[], rule: EscapeRuleName, mode?: number): { trap: TrapInvariance; budget: number | null } {
  const outcomes = escapeOutcomes(records, rule, mode);
  return { trap: trappedInvariance(records, outcomes, mode), budget: outcomes[0]?.budget ?? null };
}

/** The protocol's own escape rule first (Appendix A: the test-MSE midpoint for (i)–(iii)). */
function primaryFirst(results: ExperimentResults, protocol: TrappingProtocol): EscapeRuleName[] {
  const primary = results.trapping(protocol).primaryEscapeRule;
  return [primary, ...ESCAPE_RULES.filter((r) => r !== primary)];
}

/**
 * "τ > 7000": `reproduced` when the 1 − α censored-likelihood interval of the mean escape time lies above the bound
 * and some run escaped; `deviates` when the interval lies below it; otherwise `inconclusive` — including when no
 * trapped run escaped at all: the claim describes an escape, and runs that are all censored only bound τ.
 * Stage rank-1 is the first crossing of σ1 (the midpoint rule has no rank-1 reference value); stage rank-2 is read by
 * both rules (σ2 and the test-MSE midpoint between the rank-0 plateau and the rank-2 minimum).
 */
export function evaluateEscapeTimeLowerBound(claim: Claim, results: ExperimentResults): Evaluation {
  const printed = claim.paper.value;
  if (printed === null) throw new Error(`claim '${claim.id}': escape-time-lower-bound needs a printed bound`);
  const bound = Number(printed);
  const protocol = protocolParam(claim) as TrappingProtocol;
  const stage = claim.params['stage'];
  const sources = stage === 'rank-1' ? trappingReadings(results, protocol, ['sigma-threshold'], 1) : trappingReadings(results, protocol, primaryFirst(results, protocol));
  const evidence: Finding[] = [];
  let wouldDecide: Finding | undefined;
  let notReproducible: Finding | undefined;
  let rule: RuleCalibration | undefined;
  let measured: Finding | undefined;
  const readings = sources.map((source, i): Reading => {
    const s = statisticsOf(source);
    evidence.push(escapesFinding(source.label, s));
    if (i === 0) measured = measuredFinding(s);
    if (s.runs.length === 0 || s.fit === null) {
      if (i === 0) wouldDecide = finding('trapping.would-decide-trapped-start', { diagnostic: false });
      return { label: source.label, value: null, verdict: 'inconclusive', note: NONE_TRAPPED };
    }
    const decided = decideLowerBound(s.runs, s.budget, bound, ALPHA);
    let verdict = decided.verdict;
    let invariant: { trap: TrapInvariance; budget: number | null; within: WithinBudgetDecision } | null = null;
    if (s.escapes === 0) {
      // All censored: an invariant trap decides by the paper's own runs (Fig. 1a); otherwise a longer budget could.
      const invariance = invariantTrap(source.records, source.rule, source.mode);
      if (invariance.trap.invariant) {
        const within = decideWithinBudget(s.runs, s.budget, bound, ALPHA);
        verdict = within.verdict;
        invariant = { ...invariance, within: within.decision };
        if (i === 0 && verdict === 'deviates') notReproducible = invariantTrapFinding(invariance.trap, 'claimed');
        if (i === 0 && verdict === 'inconclusive') wouldDecide = finding('trapping.would-decide-trapped-seeds', { budget: s.budget });
      } else if (i === 0) {
        wouldDecide = finding('trapping.would-decide-longer-budget', { runs: s.runs.length, epochsAtRisk: s.runs.length * s.budget });
      }
    } else if (i === 0 && verdict === 'inconclusive') {
      wouldDecide = finding('trapping.would-decide-escapes', {});
    }
    if (i === 0) {
      rule = lowerBoundCalibration(`τ's 1 − α censored-LR interval above ${printed}, some run escaped`, s.runs.length, s.budget, bound, ALPHA, (runs) => decideLowerBound(runs, s.budget, bound, ALPHA).verdict);
      evidence.push(finding('trapping.lower-bound-calibration', { calibration: calibration(rule), printed }));
    }
    evidence.push(finding('trapping.lower-bound', { label: source.label, decision: decided.decision, invariant }));
    return { label: source.label, value: valueOf(s.fit.meanTime), verdict, note: escapesCell(s) };
  });
  readings.push(withinBudgetReading(statisticsOf(sources[0]!), sources[0]!.label, printed, evidence));
  if (hasBiasedReadings(protocol)) {
    const rules = stage === 'rank-1' ? (['sigma-threshold'] as const) : primaryFirst(results, protocol);
    if (stage !== 'rank-1') evidence.push(...biasedCheckpointFindings(results, protocol));
    for (const b of biasedSources(results, protocol, rules, stage === 'rank-1' ? 1 : undefined)) readings.push(biasedLowerBoundReading(b, bound, evidence));
  }
  const diagnostics = diagnosticReport(results, protocol);
  evidence.push(...diagnostics.evidence);
  return headlineOf(readings, evidence, {
    ...(wouldDecide && readings[0]!.verdict === 'inconclusive' ? { wouldDecide } : {}),
    ...(notReproducible && readings[0]!.verdict === 'deviates' ? { notReproducible } : {}),
    figures: figuresFor(results, protocol),
    perSeed: [...perSeedEscapes(sources), ...diagnostics.perSeed],
    ...(rule ? { rule } : {}),
    ...(measured ? { measured } : {}),
  });
}

/**
 * The other reading of "τ > bound": Fig. 1(a) shows the escape happen inside the 2×10⁴-epoch run, so at least half
 * the runs (its median curve) escape within the budget. Under that reading ≤ d escapes of n has probability
 * P(Binomial(n, ½) ≤ d); below α the claim `deviates`; with an escape median between the bound and the budget it
 * is reproduced; otherwise inconclusive.
 */
export function withinBudgetReading(s: EscapeStatistics, label: string, printed: string, evidence: Finding[]): Reading {
  const name = readingLabel(label, 'escape within the budget (Fig. 1a)');
  if (s.runs.length === 0) return { label: name, value: null, verdict: 'inconclusive', note: NONE_TRAPPED };
  const { verdict, decision, median } = decideWithinBudget(s.runs, s.budget, Number(printed), ALPHA);
  evidence.push(finding('trapping.within-budget', { label: name, decision }));
  return { label: name, value: median === null ? null : valueOf(median), verdict, note: finding('trapping.within-budget-cell', { decision }) };
}

/**
 * "τ > bound" on the network with biases, by the headline's rule: the censored-likelihood interval against the bound;
 * with no escape from a trap whose residue only contracted, the escape the paper draws within its budget decides
 * (decideWithinBudget), as for the bias-free trap.
 */
function biasedLowerBoundReading(b: BiasedSource, bound: number, evidence: Finding[]): Reading {
  const s = b.statistics;
  if (s.runs.length === 0 || s.fit === null) {
    evidence.push(shortEscapesFinding(b.label, s));
    return { label: b.label, value: null, verdict: 'inconclusive', note: NONE_TRAPPED };
  }
  const decided = decideLowerBound(s.runs, s.budget, bound, ALPHA);
  let verdict = decided.verdict;
  let invariant: { trap: TrapInvariance; weakDriveSd: number; within: WithinBudgetDecision } | null = null;
  if (s.escapes === 0) {
    const trap = biasedInvariance(b);
    if (trap.invariant) {
      const within = decideWithinBudget(s.runs, s.budget, bound, ALPHA);
      verdict = within.verdict;
      invariant = { trap, weakDriveSd: b.weakDriveSd, within: within.decision };
    }
  }
  evidence.push(finding('trapping.biased-lower-bound', { label: b.label, escapes: escapeSummary(s), decision: decided.decision, invariant }));
  return { label: b.label, value: valueOf(s.fit.meanTime), verdict, note: escapesCell(s) };
}

/** Largest fraction of the plateau's train/test gap left after escape for "a small residual gap". */
export const RESIDUAL_GAP_FRACTION = 0.5;

/**
 * "test error falls sharply to approach train error to within a small residual gap": per escaped run, the final
 * test − train MSE gap against the gap on the rank-1 plateau (the reference descent of the rank-1 branch at the
 * run's β; only where that branch stays rank-1). A run closes the gap when its final gap is at most half the plateau
 * gap. `reproduced` when every such escaped run closes it, `deviates` when one does not, `inconclusive` when none
 * escaped. Value: the median final/plateau gap ratio.
 */
export function evaluateTrainTestGap(_claim: Claim, results: ExperimentResults): Evaluation {
  const sources = sparseReadings(results);
  const evidence: Finding[] = [];
  const readings = sources.map((source): Reading => {
    const gap = gapAfterEscape(escapedRuns(source.records));
    evidence.push(finding('trapping.gap-after-escape', { label: source.label, gap }));
    const note = finding('trapping.gap-closes', { closes: gap.closes, escaped: gap.escaped });
    return gap.escaped === 0
      ? { label: source.label, value: null, verdict: 'inconclusive', note }
      : { label: source.label, value: valueOf(gap.medianRatio), verdict: gap.closes === gap.escaped ? 'reproduced' : 'deviates', note };
  });
  // Beside the verdict: the runs from the least converged checkpoints of diagnostic (b), which do escape.
  const { epochsPerStage: budget, records: leastConverged } = results.diagnostics('sparse').checkpointSensitivity[0]!;
  evidence.push(finding('trapping.gap-after-escape-diagnostic', { epochsPerStage: budget, gap: gapAfterEscape(escapedRuns(leastConverged)) }));
  const headline = readings[0]!;
  const wouldDecide = headline.verdict === 'inconclusive' ? finding('trapping.would-decide-escaping-runs', {}) : undefined;
  const records = sources[0]!.records;
  const invariance = trappedInvariance(records, escapeOutcomes(records, 'sigma-threshold'));
  return unlessNotReproducible(
    headlineOf(readings, evidence, { ...(wouldDecide ? { wouldDecide } : {}), figures: figuresFor(results, 'sparse') }),
    invariance.invariant ? invariantTrapFinding(invariance, 'gap-closing') : null,
  );
}

function escapedRuns(records: readonly RunRecord[]): RunRecord[] {
  const outcomes = escapeOutcomes(records, 'sigma-threshold');
  return records.filter((_, i) => outcomes[i]!.trapped && outcomes[i]!.escapeEpoch !== null);
}

/**
 * Per escaped run, the final test − train gap over the gap on the rank-1 plateau; how many close it (≤ the fraction).
 * The plateau is the reference descent of the rank-1 branch, which exists only where that branch stays rank-1 (the
 * midpoint rule applies); other runs are counted and left out.
 */
function gapAfterEscape(all: readonly RunRecord[]): GapAfterEscape {
  const escaped = all.filter((r) => r.escape.testMseMidpoint.trapped);
  const unreferenced = all.length - escaped.length;
  if (escaped.length === 0) return { escaped: 0, unreferenced, fraction: RESIDUAL_GAP_FRACTION, closes: 0, medianRatio: null, perSeed: [] };
  const plateauGap = (r: RunRecord) => r.escape.testMseMidpoint.plateau.testMse - r.escape.testMseMidpoint.plateau.trainMse;
  const ratios = escaped.map((r) => (r.final.testMse - r.final.trainMse) / plateauGap(r));
  // Test below train (a negative ratio) closes the gap too.
  const closes = ratios.filter((q) => q <= RESIDUAL_GAP_FRACTION).length;
  const sorted = [...ratios].sort((a, b) => a - b);
  const medianRatio = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return {
    escaped: escaped.length,
    unreferenced,
    fraction: RESIDUAL_GAP_FRACTION,
    closes,
    medianRatio,
    perSeed: escaped.map((r) => ({ seed: r.seed, gap: r.final.testMse - r.final.trainMse, plateauGap: plateauGap(r) })),
  };
}

function figuresFor(results: ExperimentResults, protocol: ProtocolName): EvidenceFigure[] {
  return protocol === 'sparse' ? sparseFigures(results) : trappingFigures(results, protocol);
}

/**
 * What a trapping claim reads: its protocol's runs and diagnostics, and — for Fig. 1(a) — the main runs of all three
 * initialisation protocols (the sparse claims read the sparse experiment and its diagnostics).
 */
export function trappingNeeds(claim: Claim): ExperimentRequest[] {
  const protocol = protocolParam(claim);
  const diagnostics: ExperimentRequest[] = isDiagnosed(protocol) ? [{ experiment: 'diagnostics', protocol }] : [];
  const biased = hasBiasedReadings(protocol) ? [BIASED_NETWORK_REQUEST] : [];
  return [...(protocol === 'sparse' ? [{ experiment: 'sparse' } as const] : ALL_TRAPPING), ...diagnostics, ...biased];
}
