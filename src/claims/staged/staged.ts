import { SWEEP_DIRECTIONS, type CriticalBetas, type ExperimentRequest, type ExperimentResults, type PhaseDiagramRecord, type StagedEscape, type StagedSweeps, type SweepDirection } from '../../experiments/index.ts';
import {
  calibrateRule,
  DEFAULT_ALPHA,
  decideAgainstClaim,
  fitEscapeRateLine,
  fitExponential,
  proportionInterval,
  tIntervalOfMean,
  twoSidedTCritical,
  type EscapeRun,
  type RuleCalibration,
  type StatisticalVerdict,
} from '../../stats/index.ts';
import { PHASE_DIAGRAM_FILE } from '../../protocols/index.ts';
import { escapeSequenceSpec, plateauSpec, staircaseSpec } from './staged-figures.ts';
import { CALIBRATION_REPLICATIONS, countRuleCalibration, normalSource } from '../common/calibrations.ts';
import { calibration } from '../common/calibration-finding.ts';
import { finding, type Finding } from '../finding.ts';
import type { HysteresisCounts, ModeWait, PlateauRun } from './findings.ts';
import { designOf } from '../controls/escape-controls.ts';
import { censoredSlopeCalibration, lnTauAtCentre } from '../controls/slope-calibration.ts';
import type { Claim } from '../ledger.ts';
import { toleranceWidth } from '../tolerance.ts';

import { worstVerdict, type Evaluation, type EvidenceFigure, type PerSeedSeries, type Reading, type Verdict } from '../verdict.ts';

// Prediction 1 (Section 4.1: "grokking should proceed in up to d discrete stages, one per singular value of Σyx")
// with d = 4 features, on audit experiments (golden/protocols/staged.json).

function statedTolerance(claim: Claim): number {
  const width = toleranceWidth(claim.tolerance, claim.paper.value);
  if (width === null) throw new RangeError(`claim ${claim.id}: a stated tolerance is needed`);
  return width.toNumber();
}

// ---- 1. The staircase and its hysteresis (quasi-static sweeps) ----------------------------------------------------

export function stagedSweepsNeeds(): ExperimentRequest[] {
  return [{ experiment: 'staged', part: 'sweeps' }];
}

function sweepOf(record: PhaseDiagramRecord, direction: SweepDirection) {
  return record.sweeps.find((s) => s.direction === direction);
}

/**
 * Up: rank d → 0 never rising, and d one-step drops: every level located, each bisected cell wholly below the
 * previous level's (two drops in one grid cell count when bisection separates them), the larger η lost at the larger β.
 */
function isStaircase(record: PhaseDiagramRecord, d: number): boolean {
  const up = sweepOf(record, 'up');
  if (up === undefined) return false;
  const ranks = up.points.map((p) => p.effectiveRank);
  if (ranks[0] !== d || ranks[ranks.length - 1] !== 0 || !ranks.every((r, i) => i === 0 || r <= ranks[i - 1]!)) return false;
  const cells = Array.from({ length: d }, (_, i) => up.transitions.find((t) => t.level === i + 1));
  return cells.every((t, i) => t !== undefined && (i === 0 || t.upper <= cells[i - 1]!.lower));
}

const BASES: readonly [keyof CriticalBetas, string][] = [
  ['whitened', "location: Eq. 3 on the sample's whitened singular values (the verdict's part)"],
  ['raw', "Eq. 3 on the sample's raw singular values"],
  ['population', 'Eq. 3 on the population η'],
];

/**
 * Per mode, the mean over data seeds of (m/2)·β_up − Eq. 3's βc (the per-mode mapping: a balanced mode's network
 * loss is (2/m)·Eq. 1 at β·m/2), its t interval at α against 0 ± the stated tolerance; the modes' verdicts combined.
 */
function locationReading(s: StagedSweeps, basis: keyof CriticalBetas, label: string, tolerance: number): { reading: Reading; lines: Finding[] } {
  const scale = s.outputs / 2;
  const lines: Finding[] = [];
  const verdicts: Verdict[] = [];
  const means: number[] = [];
  s.etas.forEach((eta, k) => {
    const gaps = s.records.flatMap((r) => {
      const b = sweepOf(r, 'up')?.transitions.find((t) => t.level === k + 1)?.beta;
      return b === undefined ? [] : [scale * b - r.criticalBeta[basis][k]!];
    });
    if (gaps.length < s.records.length || gaps.length < 2) {
      verdicts.push('inconclusive');
      lines.push(finding('staged.location', { label, eta, located: gaps.length, seeds: s.records.length, gap: null }));
      return;
    }
    const estimate = tIntervalOfMean(gaps, DEFAULT_ALPHA);
    const decision = decideAgainstClaim({ value: 0, tolerance, printed: '0' }, { ...estimate, seeds: gaps.length });
    verdicts.push(decision.verdict);
    means.push(estimate.estimate);
    lines.push(
      finding('staged.location', {
        label,
        eta,
        located: gaps.length,
        seeds: s.records.length,
        gap: { mean: estimate.estimate, sd: estimate.sd, min: Math.min(...gaps), max: Math.max(...gaps), verdict: decision.verdict, grounds: decision.grounds },
      }),
    );
  });
  const verdict = worstVerdict(verdicts);
  const largest = means.length === s.etas.length ? String(means.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0)) : null;
  return { reading: { label, value: largest, verdict, note: finding('staged.location-note', { tolerance }) }, lines };
}

/** Roughly how many data seeds the location part's t interval of the mean gap at DEFAULT_ALPHA needs to decide (what an undecided staircase claim asks for). */
const LOCATION_SEEDS = 10;

/** Hidden width of the d = 4 network (golden/protocols/staged.json: 4→10→10→4). */
const HIDDEN_WIDTH = 10;

/**
 * The location rule (decideAgainstClaim on the t interval of the mean gap, α, resolution = the tolerance) on normal
 * draws with the seeds' count and the largest observed spread of the modes' gaps; the truth moved by a difference.
 */
export function locationCalibration(seeds: number, sd: number, tolerance: number, alpha = DEFAULT_ALPHA): RuleCalibration {
  const normal = normalSource(12);
  const band = { value: 0, tolerance, printed: '0' };
  const trial = (shift: number): StatisticalVerdict => {
    const gaps = Array.from({ length: seeds }, () => shift + sd * normal());
    return decideAgainstClaim(band, { ...tIntervalOfMean(gaps, alpha), seeds }).verdict;
  };
  return calibrateRule(
    {
      name: `the mean gap (m/2)·β_up − βc over data seeds: its 1 − α t interval against 0 ± ${tolerance}, half-width ≤ ${tolerance}`,
      alpha,
      seeds,
      replications: CALIBRATION_REPLICATIONS,
      discrepancy: { scale: 'difference', size: 2 * tolerance },
      grid: [0.5 * tolerance, tolerance, 2 * tolerance, 4 * tolerance],
    },
    trial,
  );
}

/** The headline basis's gaps: the largest sd over the modes (the least favourable), or null with fewer than two seeds. */
function locationSpread(s: StagedSweeps): number | null {
  const scale = s.outputs / 2;
  const sds = s.etas.map((_, k) => {
    const gaps = s.records.flatMap((r) => {
      const b = sweepOf(r, 'up')?.transitions.find((t) => t.level === k + 1)?.beta;
      return b === undefined ? [] : [scale * b - r.criticalBeta.whitened[k]!];
    });
    return gaps.length < 2 ? null : tIntervalOfMean(gaps, DEFAULT_ALPHA).sd;
  });
  return sds.some((x) => x === null) ? null : Math.max(...(sds as number[]));
}

function locationRule(s: StagedSweeps, tolerance: number): RuleCalibration | null {
  const sd = locationSpread(s);
  return sd === null ? null : locationCalibration(s.records.length, sd, tolerance);
}

/**
 * Hysteresis per (seed, mode): the down sweep regains the mode strictly below where the up sweep lost it (the down cell
 * wholly below the up cell), or never regains it — permanent trapping, the strongest hysteresis: at L = 3 λ = 0 is a
 * local minimum of every mode at every β > 0 (Fig. 4's lower branch), so a noise-free down sweep from rank 0 stays there.
 * A mode regained in or above the cell where it was lost shows none.
 */
function hysteresisCounts(s: StagedSweeps, direction: 'down' | 'down-perturbed'): HysteresisCounts {
  let below = 0;
  let regained = 0;
  let pairs = 0;
  for (const r of s.records.filter((x) => sweepOf(x, direction) !== undefined)) {
    for (let level = 1; level <= s.etas.length; level++) {
      const up = sweepOf(r, 'up')!.transitions.find((t) => t.level === level);
      const down = sweepOf(r, direction)!.transitions.find((t) => t.level === level);
      if (up === undefined) continue;
      pairs += 1;
      if (down === undefined) continue;
      regained += 1;
      if (down.upper < up.lower) below += 1;
    }
  }
  return { pairs, regained, below };
}

/** The down sweep as Appendix B writes it (no kick): all pairs with hysteresis reproduce; at most half deviate. */
function hysteresisReading(s: StagedSweeps): { reading: Reading; line: Finding } {
  const label = 'hysteresis, plain down sweep (App. B\'s decreasing sweep)';
  const counts = hysteresisCounts(s, 'down');
  const { pairs, regained, below } = counts;
  const shown = below + (pairs - regained);
  const note = finding('staged.hysteresis-note', { pairs, shown });
  const line = (bound: number | null) => finding('staged.hysteresis', { label, counts, shown, alpha: DEFAULT_ALPHA, bound });
  if (pairs === 0) return { reading: { label, value: null, verdict: 'inconclusive', note }, line: line(null) };
  const share = shown / pairs;
  const verdict: Verdict = share === 1 ? 'reproduced' : share <= 0.5 ? 'deviates' : 'inconclusive';
  const bound = proportionInterval(pairs - shown, pairs, 2 * DEFAULT_ALPHA).upper;
  return { reading: { label, value: String(share), verdict, note }, line: line(bound) };
}

/**
 * The kicked down sweep (ours) adds N(0, s²) to every weight before each β: the end-to-end map of the kick alone has
 * entries of sd √(Π hidden widths)·s^L (10·s³ for the 10→10 hidden layers at L = 3), and its projection on a mode's
 * singular axes the same sd. Where that exceeds the saddle's λsad (< λc = η(1 − k)/(2 − k) at every β < βc) the kick throws the
 * mode past its barrier: the sweep regains it as soon as its minimum exists, a reset that does not test hysteresis.
 */
function kickLine(s: StagedSweeps): Finding {
  const counts = hysteresisCounts(s, 'down-perturbed');
  const std = PHASE_DIAGRAM_FILE.settings.relearnPerturbation.std;
  const kick = Math.sqrt(HIDDEN_WIDTH ** (s.depth - 1)) * std ** s.depth;
  const k = 2 / s.depth;
  const lambdaC = s.etas.map((eta) => eta * (1 - k) / (2 - k));
  return finding('staged.kick', { std, counts, hiddenWidth: HIDDEN_WIDTH, depth: s.depth, kick, lambdaC, etas: s.etas });
}

export function evaluateStagedRankDrops(claim: Claim, results: ExperimentResults): Evaluation {
  const s = results.stagedSweeps();
  const d = s.etas.length;
  const tolerance = statedTolerance(claim);
  const stairs = s.records.filter((r) => isStaircase(r, d)).length;
  const staircase: Reading = {
    label: `up sweep: ${d} one-step rank drops in η order`,
    value: s.records.length === 0 ? null : String(stairs / s.records.length),
    verdict: s.records.length === 0 ? 'inconclusive' : stairs === s.records.length ? 'reproduced' : 'deviates',
    note: finding('staged.staircase-note', { stairs, seeds: s.records.length }),
  };
  const locations = BASES.map(([basis, label]) => locationReading(s, basis, label, tolerance));
  const hysteresis = hysteresisReading(s);
  const location = locations[0]!.reading;
  const verdict = worstVerdict([staircase.verdict, location.verdict, hysteresis.reading.verdict]);
  // The claim's verdict is its first reading's: the three parts combined head the table, each part after it.
  const headline: Reading = {
    label: 'prediction 1: staircase, location at Eq. 3 and hysteresis (all three parts)',
    value: location.value,
    verdict,
    note: finding('staged.parts-note', { staircase: staircase.verdict, location: location.verdict, hysteresis: hysteresis.reading.verdict }),
  };
  const mapped = s.records[0]?.criticalBeta.population.map((b) => (2 / s.outputs) * b) ?? [];
  const figure: EvidenceFigure = {
    id: 'staged-staircase',
    title: `The d = ${d} staircase: quasi-static sweeps up and down (an audit experiment)`,
    caption:
      `Singular values σ_k of the end-to-end map of the ${d}→10→10→${d} network after re-training to convergence at each β (network units), ` +
      `up from β = 0 (solid), down from the top (dashed: plain; dotted: with the relearnable kick N(0, 1/10) before each β), ${s.records.length} data seeds. ` +
      `Grey dash-dot: Eq. 3's βc on the population η mapped to network units (×2/m, m = ${s.outputs} outputs).`,
    spec: staircaseSpec(s.records, s.etas, mapped),
  };
  const perSeed: PerSeedSeries[] = s.etas.map((eta, k) => ({
    label: `up transition, η = ${eta} (network units)`,
    meaning: 'β where the up sweep loses the mode (bisected); null: not located on the grid',
    seeds: s.records.map((r) => r.dataSeed),
    values: s.records.map((r) => sweepOf(r, 'up')?.transitions.find((t) => t.level === k + 1)?.beta ?? null),
  }));
  const n = s.records.length;
  const rule = locationRule(s, tolerance);
  return {
    verdict,
    value: headline.value,
    ...(rule === null ? {} : { rule }),
    readings: [headline, location, ...locations.slice(1).map((l) => l.reading), staircase, hysteresis.reading],
    evidence: [
      finding('staged.parts', { staircase: staircase.verdict, location: location.verdict, hysteresis: hysteresis.reading.verdict }),
      finding('staged.sweeps-setup', { etas: s.etas, outputs: s.outputs, depth: s.depth, seeds: n, directions: SWEEP_DIRECTIONS }),
      finding('staged.units', {}),
      finding('staged.staircase', { stairs, seeds: n, modes: d }),
      ...locations.flatMap((l) => l.lines),
      hysteresis.line,
      kickLine(s),
      finding('staged.paper-prediction', {}),
      finding('staged.rank-drops-rule', { tolerance, alpha: DEFAULT_ALPHA }),
      finding('staged.rank-drops-calibration', {
        seeds: n,
        bound: n === 0 ? null : proportionInterval(n - stairs, n, 2 * DEFAULT_ALPHA).upper,
        location: rule === null ? null : calibration(rule),
      }),
    ],
    ...(verdict === 'inconclusive' ? { wouldDecide: finding('staged.would-decide-rank-drops', { alpha: DEFAULT_ALPHA, seeds: LOCATION_SEEDS }) } : {}),
    figures: [figure],
    perSeed,
  };
}

// ---- 2. Learning plateaus from a small initialisation (Saxe et al., [17]) -------------------------------------

export function stagedPlateausNeeds(): ExperimentRequest[] {
  return [{ experiment: 'staged', part: 'plateaus' }];
}

interface PlateauPoint {
  readonly dataSeed: number;
  readonly initStd: number;
  readonly mode: number;
  readonly sigma: number;
  readonly epoch: number;
}

function plateauPoints(results: ExperimentResults): PlateauPoint[] {
  return results.stagedPlateaus().groups.flatMap((g) =>
    g.runs.flatMap(({ dataSeed, run }) =>
      run.riseEpochs.flatMap((epoch, mode) => (epoch === null ? [] : [{ dataSeed, initStd: g.initStd, mode, sigma: run.sampleSigma[mode]!, epoch }])),
    ),
  );
}

function plateauFigure(results: ExperimentResults): EvidenceFigure {
  const p = results.stagedPlateaus();
  const rows = p.groups.flatMap((g) => {
    const first = g.runs[0];
    if (first === undefined) return [];
    return first.run.trace.flatMap((sigma, i) => sigma.map((value, mode) => ({ epoch: (i + 1) * p.traceEvery, sigma: value, mode, initStd: g.initStd })));
  });
  return {
    id: 'staged-plateaus',
    title: 'Learning plateaus from a small initialisation, d = 4 (an audit experiment)',
    caption:
      `σ_k of the end-to-end map against epoch for data seed ${p.groups[0]?.runs[0]?.dataSeed ?? '—'}, from N(0, u0²) weights at β = ${p.beta}, SGD ηlr = ${p.lr}, B = ${p.batch}; ` +
      `one line per mode and initial scale u0.`,
    spec: plateauSpec(rows, p.etas),
  };
}

/** A run reverses two modes when a weaker mode's plateau ends strictly before a stronger one's; one left unlearned fails too. */
function plateauOrderFails(riseEpochs: readonly (number | null)[]): boolean {
  return riseEpochs.some((e, i) => e === null || (i > 0 && riseEpochs[i - 1] !== null && e < riseEpochs[i - 1]!));
}

/**
 * The order rule on n runs whose failing (reversed) share is r: `reproduced` when no run reverses two modes (3 runs at
 * least); `deviates` when the 1 − α upper bound of the in-order share is below 0.9; otherwise `inconclusive`. A tie —
 * two plateaus ending in one epoch — is unresolved at the trace's resolution, not a reversal.
 */
export function decidePlateauOrder(failing: number, n: number, alpha = DEFAULT_ALPHA): { verdict: StatisticalVerdict; note: Finding } {
  const note = (share: { lower: number; upper: number } | null, tooFew = false) => finding('staged.plateau-order-note', { runs: n, failing, share, tooFew });
  if (n < 3) return { verdict: 'inconclusive', note: note(null, true) };
  if (failing === 0) return { verdict: 'reproduced', note: note(null) };
  const share = proportionInterval(n - failing, n, alpha);
  return { verdict: share.upper < 0.9 ? 'deviates' : 'inconclusive', note: note({ lower: share.lower, upper: share.upper }) };
}

/** decidePlateauOrder on n runs each reversing with probability r (binomial draws); the alternative r = 0.2. */
export function plateauOrderCalibration(n: number, alpha = DEFAULT_ALPHA): RuleCalibration {
  return countRuleCalibration(
    'reproduced: no run reverses two modes (ties at epoch resolution are not reversals); deviates: the 1 − α upper bound of the in-order share below 0.9',
    n,
    13,
    (failing, runs) => decidePlateauOrder(failing, runs, alpha).verdict,
    alpha,
    0.2,
    [0.01, 0.05, 0.1, 0.2, 0.3, 0.5],
  );
}

export function evaluateStagedPlateauOrder(claim: Claim, results: ExperimentResults): Evaluation {
  void claim;
  const p = results.stagedPlateaus();
  const runs = p.groups.flatMap((g) => g.runs.map((r) => ({ initStd: g.initStd, ...r })));
  const n = runs.length;
  const failing = runs.filter(({ run }) => plateauOrderFails(run.riseEpochs));
  const strict = runs.filter(({ run }) => run.riseEpochs.every((e, i) => e !== null && (i === 0 || e > run.riseEpochs[i - 1]!)));
  const ties = runs.filter((r) => !strict.includes(r) && !failing.includes(r));
  const { verdict, note } = decidePlateauOrder(failing.length, n);
  const rule = n >= 3 ? plateauOrderCalibration(n) : null;
  const value = n === 0 ? null : String((n - failing.length) / n);
  const listed = (rs: typeof runs): PlateauRun[] => rs.map((r) => ({ dataSeed: r.dataSeed, initStd: r.initStd, riseEpochs: r.run.riseEpochs }));
  return {
    verdict,
    value,
    ...(rule === null ? {} : { rule }),
    readings: [
      { label: 'share of runs without a reversal (plateaus end in η order; ties allowed)', value, verdict, note },
      ...(n === 0
        ? []
        : [
            {
              label: 'share of runs strictly in η order (one mode per epoch at most)',
              value: String(strict.length / n),
              verdict: decidePlateauOrder(n - strict.length, n).verdict,
              note: finding('staged.strict-order-note', { strict: strict.length, runs: n }),
            },
          ]),
    ],
    evidence: [
      finding('staged.plateau-setup', { runs: n, initStds: p.groups.map((g) => g.initStd), beta: p.beta, lr: p.lr, batch: p.batch, epochs: p.epochs }),
      finding('staged.plateau-order', { runs: n, strict: strict.length, ties: listed(ties), failing: listed(failing) }),
      finding('staged.tie', {}),
      finding('staged.plateau-order-rule', { calibration: rule === null ? null : calibration(rule) }),
    ],
    ...(verdict === 'inconclusive' ? { wouldDecide: finding('staged.would-decide-plateau-order', {}) } : {}),
    figures: [plateauFigure(results)],
    perSeed: p.groups.flatMap((g) =>
      p.etas.map((eta, k) => ({
        label: `plateau end, η = ${eta}, u0 = ${g.initStd}`,
        meaning: 'first epoch σ_k reached half its final value; null: not learned',
        seeds: g.runs.map((r) => r.dataSeed),
        values: g.runs.map((r) => r.run.riseEpochs[k] ?? null),
      })),
    ),
  };
}

/** The slope of y on x within groups (each group's own intercept), with its 1 − α t interval (n − groups − 1 dof). */
export function withinGroupSlope(points: readonly { group: string; x: number; y: number }[], alpha: number): { slope: number; lower: number; upper: number; dof: number } | null {
  const groups = new Map<string, { x: number; y: number }[]>();
  for (const p of points) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  const centred = [...groups.values()].flatMap((g) => {
    const mx = g.reduce((s, p) => s + p.x, 0) / g.length;
    const my = g.reduce((s, p) => s + p.y, 0) / g.length;
    return g.map((p) => ({ x: p.x - mx, y: p.y - my }));
  });
  const sxx = centred.reduce((s, p) => s + p.x * p.x, 0);
  const dof = points.length - groups.size - 1;
  if (!(sxx > 0) || dof < 1) return null;
  const slope = centred.reduce((s, p) => s + p.x * p.y, 0) / sxx;
  const rss = centred.reduce((s, p) => s + (p.y - slope * p.x) ** 2, 0);
  const half = twoSidedTCritical(alpha, dof) * Math.sqrt(rss / dof / sxx);
  return { slope, lower: slope - half, upper: slope + half, dof };
}

/** Residual sd of the within-group fit of y on x (each group its own intercept), or null where withinGroupSlope has none. */
function withinGroupResidualSd(points: readonly { group: string; x: number; y: number }[], slope: number, dof: number): number {
  const groups = new Map<string, { x: number; y: number }[]>();
  for (const p of points) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  let rss = 0;
  for (const g of groups.values()) {
    const mx = g.reduce((s, p) => s + p.x, 0) / g.length;
    const my = g.reduce((s, p) => s + p.y, 0) / g.length;
    for (const p of g) rss += (p.y - my - slope * (p.x - mx)) ** 2;
  }
  return Math.sqrt(rss / dof);
}

/**
 * The exponent rule (decideAgainstClaim on the within-group slope's 1 − α t interval against value ± tolerance) on
 * synthetic points with the observed design (groups and x) and residual spread: y = (value + shift)·x + sd·ε.
 */
export function exponentCalibration(points: readonly { group: string; x: number; y: number }[], value: number, tolerance: number, sd: number, alpha = DEFAULT_ALPHA): RuleCalibration {
  const normal = normalSource(14);
  const band = { value, tolerance, printed: String(value) };
  const trial = (shift: number): StatisticalVerdict => {
    const fit = withinGroupSlope(points.map((p) => ({ ...p, y: (value + shift) * p.x + sd * normal() })), alpha);
    return fit === null ? 'inconclusive' : decideAgainstClaim(band, { estimate: fit.slope, lower: fit.lower, upper: fit.upper, alpha }).verdict;
  };
  return calibrateRule(
    {
      name: `the within-group slope's 1 − α t interval against ${value} ± ${tolerance}, half-width ≤ ${tolerance}`,
      alpha,
      seeds: points.length,
      replications: CALIBRATION_REPLICATIONS,
      discrepancy: { scale: 'difference', size: 2 * tolerance },
      grid: [0.05, 0.1, 0.25, 0.5, 1],
    },
    trial,
  );
}

/**
 * Headline: the exponent of 1/u0 — deterministic learning (Saxe et al. [17]) ends a plateau at t ∝ u0^{−(L−2)}, an
 * activated escape at a wait set by a barrier, independent of u0. It tells the two apart; it does not test the paper's
 * mechanism, which needs a barrier and noise (at β = 0 there is no barrier: the stages here need neither). Beside it,
 * Saxe et al.'s 1/s_k law, which the paper does not state.
 */
export function evaluateStagedPlateauTiming(claim: Claim, results: ExperimentResults): Evaluation {
  const p = results.stagedPlateaus();
  const tolerance = statedTolerance(claim);
  const points = plateauPoints(results);
  const deterministicU0 = p.depth - 2;
  // Saxe et al.: t_k ∝ 1/(s_k·u0^{L−2}). c: exponent of 1/u0 within (seed, mode); b: exponent of 1/s_k within (seed, u0).
  const u0Points = points.map((q) => ({ group: `${q.dataSeed}|${q.mode}`, x: Math.log(1 / q.initStd), y: Math.log(q.epoch) }));
  const c = withinGroupSlope(u0Points, DEFAULT_ALPHA);
  const b = withinGroupSlope(points.map((q) => ({ group: `${q.dataSeed}|${q.initStd}`, x: Math.log(1 / q.sigma), y: Math.log(q.epoch) })), DEFAULT_ALPHA);
  // The activated alternative, exponential in the mode's strength (a barrier linear in s_k): ln t linear in s_k.
  const e = withinGroupSlope(points.map((q) => ({ group: `${q.dataSeed}|${q.initStd}`, x: q.sigma, y: Math.log(q.epoch) })), DEFAULT_ALPHA);
  const reading = (label: string, fit: typeof c, value: number): Reading => {
    if (fit === null) return { label, value: null, verdict: 'inconclusive', note: finding('staged.too-few-plateaus', {}) };
    const decision = decideAgainstClaim({ value, tolerance, printed: String(value) }, { estimate: fit.slope, lower: fit.lower, upper: fit.upper, alpha: DEFAULT_ALPHA });
    return { label, value: String(fit.slope), verdict: decision.verdict, note: finding('staged.decision', { grounds: decision.grounds }) };
  };
  const u0Reading = reading(`exponent of 1/u0 (deterministic: L − 2 = ${deterministicU0}; activated: 0)`, c, deterministicU0);
  const sReading = reading("Saxe et al.'s 1/s_k law (ref. [17], not stated by the paper): exponent of 1/s_k, the sample's singular value", b, 1);
  const activated = c === null ? null : decideAgainstClaim({ value: 0, tolerance, printed: '0' }, { estimate: c.slope, lower: c.lower, upper: c.upper, alpha: DEFAULT_ALPHA });
  const rule = c === null ? null : exponentCalibration(u0Points, deterministicU0, tolerance, withinGroupResidualSd(u0Points, c.slope, c.dof));
  const rss = (fit: typeof b, key: (q: PlateauPoint) => number): number | null => {
    if (fit === null) return null;
    const byGroup = new Map<string, PlateauPoint[]>();
    for (const q of points) byGroup.set(`${q.dataSeed}|${q.initStd}`, [...(byGroup.get(`${q.dataSeed}|${q.initStd}`) ?? []), q]);
    let total = 0;
    for (const g of byGroup.values()) {
      const mx = g.reduce((s, q) => s + key(q), 0) / g.length;
      const my = g.reduce((s, q) => s + Math.log(q.epoch), 0) / g.length;
      for (const q of g) total += (Math.log(q.epoch) - my - fit.slope * (key(q) - mx)) ** 2;
    }
    return total;
  };
  const powerRss = rss(b, (q) => Math.log(1 / q.sigma));
  const expRss = rss(e, (q) => q.sigma);
  return {
    verdict: u0Reading.verdict,
    value: u0Reading.value,
    ...(rule === null ? {} : { rule }),
    readings: [u0Reading, sReading],
    evidence: [
      finding('staged.timing-setup', { points: points.length, beta: p.beta, lr: p.lr, batch: p.batch, depth: p.depth, initStds: p.groups.map((g) => g.initStd) }),
      finding('staged.u0-exponent', { fit: c, alpha: DEFAULT_ALPHA, depth: p.depth, deterministic: deterministicU0, activated: activated === null ? null : activated.verdict }),
      finding('staged.timing-meaning', { beta: p.beta }),
      finding('staged.sk-exponent', { fit: b }),
      ...(powerRss === null || expRss === null ? [] : [finding('staged.law-rss', { power: powerRss, exponential: expRss })]),
      finding('staged.timing-rule', { tolerance, calibration: rule === null ? null : calibration(rule) }),
    ],
    ...(u0Reading.verdict === 'inconclusive' ? { wouldDecide: finding('staged.would-decide-plateau-timing', {}) } : {}),
  };
}

// ---- 3. Staged escape from the trivial trap (SGLD;) ---------------------------------------------

export function stagedEscapeNeeds(): ExperimentRequest[] {
  return [{ experiment: 'staged', part: 'escape' }];
}

/** Mode k's escape epochs at one temperature over the runs that started trapped (censored at the run's end). */
function modeRuns(point: StagedEscape['points'][number], k: number): EscapeRun[] {
  return point.records.filter((r) => r.trapped).map((r) => {
    const at = r.modeCrossings[k] ?? null;
    return at === null ? { time: r.epochs, escaped: false } : { time: Math.max(at, 1), escaped: true };
  });
}

/** P(τ1 < τ2 < … < τd) for independent exponential waits with these rates. */
export function orderedProbability(rates: readonly number[]): number {
  let p = 1;
  for (let k = 0; k < rates.length; k++) {
    const rest = rates.slice(k).reduce((s, r) => s + r, 0);
    p *= rest > 0 ? rates[k]! / rest : 0;
  }
  return p;
}

export function evaluateStagedEscapeSequence(claim: Claim, results: ExperimentResults): Evaluation {
  const s = results.stagedEscape();
  const tolerance = statedTolerance(claim);
  const d = s.etas.length;
  const groups = s.points.flatMap((point) => s.barriers.map((barrier, k) => ({ x: barrier / point.temperature, runs: modeRuns(point, k), k, T: point.temperature })));
  const usable = groups.filter((g) => g.runs.length > 0);
  const escapedAt = new Set(usable.filter((g) => g.runs.some((r) => r.escaped)).map((g) => g.x));
  let slopeReading: Reading;
  let slopeLine: Finding;
  let rule: RuleCalibration | null = null;
  if (escapedAt.size < 2) {
    slopeReading = { label: 'slope of ln τ_k on ΔE_k/T across modes and temperatures', value: null, verdict: 'inconclusive', note: finding('staged.no-slope-note', { settings: escapedAt.size }) };
    slopeLine = finding('staged.no-slope', { settings: escapedAt.size });
  } else {
    try {
      const fit = fitEscapeRateLine(usable, DEFAULT_ALPHA);
      const decision = decideAgainstClaim({ value: 1, tolerance, printed: '1' }, { estimate: fit.slope, lower: fit.slopeInterval.lower, upper: fit.slopeInterval.upper, alpha: fit.alpha, seeds: s.points[0]?.records.length ?? 0 });
      slopeReading = { label: 'slope of ln τ_k on ΔE_k/T across modes and temperatures', value: String(fit.slope), verdict: decision.verdict, note: finding('staged.decision', { grounds: decision.grounds }) };
      slopeLine = finding('staged.slope-fit', {
        intercept: fit.intercept,
        slope: fit.slope,
        lower: fit.slopeInterval.lower,
        upper: fit.slopeInterval.upper,
        settings: usable.length,
        alpha: fit.alpha,
        linearityP: fit.linearityPValue,
        grounds: decision.grounds,
      });
      const { design, budget } = designOf(usable);
      rule = censoredSlopeCalibration({
        name: `the censored slope of ln τ_k on ΔE_k/T, its 1 − α interval against 1 ± ${tolerance} with half-width ≤ ${tolerance}`,
        alpha: fit.alpha,
        design,
        budget,
        lnTauAtCentre: lnTauAtCentre(fit, design.map((g) => g.x)),
        slopeAt: (factor) => factor,
        decide: (f) => decideAgainstClaim({ value: 1, tolerance, printed: '1' }, { estimate: f.slope, lower: f.slopeInterval.lower, upper: f.slopeInterval.upper, alpha: f.alpha }).verdict,
        discrepancy: { scale: 'factor', size: 1.5 },
        grid: [1.25, 1.5, 2, 3],
        purpose: 26,
      });
    } catch (error) {
      const message = (error as Error).message;
      slopeReading = { label: 'slope of ln τ_k on ΔE_k/T across modes and temperatures', value: null, verdict: 'inconclusive', note: finding('staged.slope-failed-note', { message }) };
      slopeLine = finding('staged.slope-failed', { message });
    }
  }
  // Mean waits in η order at each temperature: τ̂_k increasing in k; deviates where a larger η's 95 % interval lies wholly above the next one's.
  const orderVerdicts: Verdict[] = [];
  const pointLines = s.points.map((point) => {
    const fits = s.barriers.map((_, k) => {
      const runs = modeRuns(point, k);
      return runs.length === 0 ? null : fitExponential(runs, 0.05);
    });
    for (let k = 1; k < d; k++) {
      const a = fits[k - 1];
      const b = fits[k];
      if (!a || !b) {
        orderVerdicts.push('inconclusive');
        continue;
      }
      if (a.interval.lower > b.interval.upper) orderVerdicts.push('deviates');
      else if (a.meanTime !== null && b.meanTime !== null && a.meanTime < b.meanTime) orderVerdicts.push('reproduced');
      else if (a.meanTime !== null && b.meanTime === null) orderVerdicts.push('reproduced');
      else orderVerdicts.push('inconclusive');
    }
    const trapped = point.records.filter((r) => r.trapped);
    const complete = trapped.filter((r) => r.modeCrossings.every((c) => c !== null));
    const inOrder = complete.filter((r) => r.modeCrossings.every((c, i) => i === 0 || c! > r.modeCrossings[i - 1]!)).length;
    const oneAtATime = complete.filter((r) => new Set(r.modeCrossings).size === d).length;
    const rates = fits.map((f) => f?.rate ?? 0);
    const ratios = fits.slice(1).map((b, k) => {
      const a = fits[k];
      const predicted = Math.exp((s.barriers[k + 1]! - s.barriers[k]!) / point.temperature);
      return { observed: a?.meanTime && b?.meanTime ? b.meanTime / a.meanTime : null, predicted };
    });
    const waits = fits.map((f, k): ModeWait => ({
      eta: s.etas[k]!,
      fit: f === null ? null : { meanTime: f.meanTime, lower: f.interval.lower, upper: f.interval.upper, escapes: f.escapes },
    }));
    return finding('staged.temperature', {
      temperature: point.temperature,
      trapped: trapped.length,
      ratios,
      waits,
      barriersOverT: s.barriers.map((b) => b / point.temperature),
      complete: complete.length,
      inOrder,
      oneAtATime,
      orderProbability: orderedProbability(rates),
    });
  });
  // Each mode on its own across temperatures: its Arrhenius slope over its one-mode barrier (1 if Kramers holds per mode).
  const perMode = s.etas.map((eta, k) => {
    const own = groups.filter((g) => g.k === k && g.runs.length > 0).map((g) => ({ x: 1 / g.T, runs: g.runs }));
    if (new Set(own.filter((g) => g.runs.some((r) => r.escaped)).map((g) => g.x)).size < 2) return { eta, fit: null, message: null };
    try {
      const fit = fitEscapeRateLine(own, DEFAULT_ALPHA);
      const barrier = s.barriers[k]!;
      return { eta, fit: { ratio: fit.slope / barrier, lower: fit.slopeInterval.lower / barrier, upper: fit.slopeInterval.upper / barrier }, message: null };
    } catch (error) {
      return { eta, fit: null, message: (error as Error).message };
    }
  });
  const orderReading: Reading = {
    label: 'mean waits τ̂_k increase with k (η order) at every temperature',
    value: null,
    verdict: orderVerdicts.length === 0 ? 'inconclusive' : worstVerdict(orderVerdicts),
    note: finding('staged.order-note', { ordered: orderVerdicts.filter((v) => v === 'reproduced').length, pairs: orderVerdicts.length }),
  };
  const verdict = worstVerdict([slopeReading.verdict, orderReading.verdict]);
  const rows = s.points.flatMap((point) =>
    point.records.flatMap((r) => r.modeCrossings.map((c, mode) => ({ temperature: point.temperature, seed: r.noiseSeed, mode, epoch: Math.max(1, c ?? r.epochs), escaped: c !== null }))),
  );
  const figure: EvidenceFigure = {
    id: 'staged-escape-sequence',
    title: 'Staged escape from the trivial trap, d = 4 (the audit’s SGLD control)',
    caption:
      `Per noise seed (rows) and temperature (panels), the epoch at which each mode's projection on the sample's singular axes passed ${s.sigmaThreshold} under SGLD ` +
      `at β = ${s.beta} from the rank-0 checkpoint; triangles: not escaped within the run (censored).`,
    spec: escapeSequenceSpec(rows, s.etas),
  };
  return {
    verdict,
    value: slopeReading.value,
    readings: [slopeReading, orderReading],
    evidence: [
      finding('staged.escape-setup', { modes: d, beta: s.beta, epochs: s.epochs, barriers: s.barriers, etas: s.etas }),
      slopeLine,
      finding('staged.per-mode-slopes', { modes: perMode }),
      ...pointLines,
      finding('staged.escape-rule', { tolerance }),
      finding('staged.escape-calibration', { calibration: rule === null ? null : calibration(rule) }),
    ],
    ...(rule === null ? {} : { rule }),
    ...(verdict === 'inconclusive' ? { wouldDecide: finding('staged.would-decide-escape', {}) } : {}),
    figures: [figure],
    perSeed: s.points.flatMap((point) =>
      s.etas.map((eta, k) => ({
        label: `escape epoch, η = ${eta}, T = ${point.temperature}`,
        meaning: "epoch the mode's projection passed the threshold; null: not within the run (censored)",
        seeds: point.records.map((r) => r.noiseSeed),
        values: point.records.map((r) => r.modeCrossings[k] ?? null),
      })),
    ),
  };
}
