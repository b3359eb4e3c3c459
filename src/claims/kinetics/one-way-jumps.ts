// the paper's mechanism against its own reference [18], and the downward jumps [18] allows (the audit's
// own experiment, golden/protocols/one-way-jumps.json).
import type { ExperimentRequest, ExperimentResults, JumpGroupResult, OneWayJumps } from '../../experiments/index.ts';
import {
  DEFAULT_ALPHA,
  SHAPE_TEST_MIN_DISTINCT,
  SHAPE_TEST_MIN_ESCAPES,
  compareEscapeRateModels,
  countEscapes,
  escapeTimes,
  exponentialShapeTest,
  fitEscapeRateLine,
  perCheckAlpha,
  shapeTestable,
  type EscapeRateFit,
  type EscapeRun,
} from '../../stats/index.ts';
import { survivalFigure } from '../trapping/plots.ts';
import { jumpArrheniusSpec } from './jump-figures.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, EvidenceFigure, PerSeedSeries, Reading, Verdict } from '../verdict.ts';
import { kramersNeeds, kramersReportOf } from '../kramers-langer/kramers.ts';
import { formatNumber } from '../../text/index.ts';
import { SAMPLER_WORDS, readingLabel } from '../common/reading-words.ts';
import { finding } from '../finding.ts';
import { note, type NotedReading } from './notes.ts';

const p = (x: number, digits = 4): string => formatNumber(x, digits);

/** The first reading is the headline. */
function headed(readings: Reading[], rest: Omit<Evaluation, 'verdict' | 'value' | 'readings'>): Evaluation {
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, ...rest };
}
const groupLabel = (g: JumpGroupResult) => readingLabel(SAMPLER_WORDS[g.sampling], `β = β_weak − ${g.delta}`);

/** The paper's drawing (a fresh permutation each epoch) first: its groups are the headline readings. */
function paperDrawingFirst(groups: readonly JumpGroupResult[]): JumpGroupResult[] {
  return [...groups.filter((g) => g.sampling === 'epoch-permutation'), ...groups.filter((g) => g.sampling !== 'epoch-permutation')];
}

export const oneWayJumpsNeeds = (): ExperimentRequest[] => [{ experiment: 'one-way-jumps' }];

/**
 * Section 2.2 / Abstract ("escapes only when SGD noise drives it across an energy barrier", low rank → higher rank)
 * against [18] (rank ≤ r minima absorb SGD). Inconsistent when the harness measures no noise off the rank-1 set at
 * the trap, as [18]'s theorem says it must; reproduced (the two agree) only if that noise were non-zero.
 */
export function evaluateReferenceConsistency(claim: Claim, results: ExperimentResults): Evaluation {
  const report = kramersReportOf(claim, results);
  const atTrap = report.noise.atTrappedSample.find((n) => n.epsilon === 0)!;
  const share = atTrap.ratioOffInvariantSet;
  const verdict: Verdict = share === 0 ? 'inconsistent' : 'reproduced';
  return {
    verdict,
    value: String(share),
    readings: [{ label: 'noise share off the rank-1 set at the trap', value: String(share), verdict }],
    evidence: [
      finding('kinetics.reference-noise', { beta: report.settings.beta, seed: report.settings.seed, trace: atTrap.trace, share, unstableShare: atTrap.ratioUnstableOffInvariantSet }),
      finding('kinetics.reference-absorbing', {}),
      finding('kinetics.reference-direction', {}),
    ],
    ...(verdict === 'inconsistent'
      ? {
          places: [
            'Section 1 (also Abstract, Section 2.2): "a model initialised in a low-accuracy phase remains there until SGD noise drives it across an energy (loss) barrier into the globally optimal phase" (rank 1 → rank 2)',
            'Reference [18] of the paper (Wang & Jacot, "One-way jumps from high to low rank", arXiv:2305.16038): for L2-regularised deep linear networks SGD jumps from high to low rank with non-zero probability, and the sets of rank-≤r minima are absorbing (probability 0 of leaving)',
          ] as [string, string],
        }
      : {}),
  };
}

export { kramersNeeds as referenceConsistencyNeeds };

/** Settings with enough distinct falls to test the shape, each tested at the family α split over the tests. */
interface ShapeOutcome {
  group: JumpGroupResult;
  lr: number;
  escapes: number;
  cv: number | null;
  pValue: number | null;
  rejects: boolean;
}

function coefficientOfVariation(runs: readonly EscapeRun[]): number | null {
  const t = escapeTimes(runs);
  if (t.length < 2) return null;
  const mean = t.reduce((s, v) => s + v, 0) / t.length;
  const sd = Math.sqrt(t.reduce((s, v) => s + (v - mean) ** 2, 0) / (t.length - 1));
  return sd / mean;
}

function shapeOutcomes(jumps: OneWayJumps): ShapeOutcome[] {
  const testable = jumps.groups.flatMap((group) =>
    group.points
      .filter((pt) => shapeTestable(pt.runs))
      .map((pt) => ({ group, pt })),
  );
  const alpha = testable.length > 0 ? perCheckAlpha(testable.length, DEFAULT_ALPHA) : DEFAULT_ALPHA;
  return testable.map(({ group, pt }) => {
    const test = exponentialShapeTest(pt.runs, jumps.budget, alpha, { grid: 1 });
    return { group, lr: pt.lr, escapes: test.escapes, cv: coefficientOfVariation(pt.runs), pValue: test.pValue, rejects: test.rejects };
  });
}

/** Memorylessness per way of drawing batches: deviates if any tested setting rejects the exponential law. */
export function evaluateJumpMemoryless(_claim: Claim, results: ExperimentResults): Evaluation {
  const jumps = results.oneWayJumps();
  const outcomes = shapeOutcomes(jumps);
  const samplings = [...new Set(paperDrawingFirst(jumps.groups).map((g) => g.sampling))];
  const readings: Reading[] = samplings.map((sampling) => {
    const mine = outcomes.filter((o) => o.group.sampling === sampling);
    const rejected = mine.filter((o) => o.rejects).length;
    const verdict: Verdict = mine.length === 0 ? 'inconclusive' : rejected > 0 ? 'deviates' : 'reproduced';
    return { label: SAMPLER_WORDS[sampling], value: mine.length === 0 ? null : String(rejected), verdict, note: note('kinetics.jump-rejections', { rejected, testable: mine.length }) };
  });
  return headed(readings, {
    evidence: [
      finding('kinetics.jump-shape-rule', { budget: jumps.budget, alpha: DEFAULT_ALPHA, settings: outcomes.length, minEscapes: SHAPE_TEST_MIN_ESCAPES, minDistinct: SHAPE_TEST_MIN_DISTINCT }),
      ...outcomes.map((o) => finding('kinetics.jump-shape', { group: groupLabel(o.group), lr: o.lr, escapes: o.escapes, cv: o.cv, pValue: o.pValue, rejects: o.rejects })),
    ],
    ...(readings.every((r) => r.verdict === 'inconclusive') ? { wouldDecide: finding('kinetics.would-decide-falls', { falls: SHAPE_TEST_MIN_ESCAPES }) } : {}),
    figures: [survivalOfJumps(jumps)],
    perSeed: perSeedFalls(jumps),
  });
}

function perSeedFalls(jumps: OneWayJumps): PerSeedSeries[] {
  return jumps.groups.flatMap((g) =>
    g.points.map((pt) => ({
      label: `${groupLabel(g)}, ηlr = ${pt.lr}`,
      meaning: `epoch at which σ${2} fell below the threshold; null = censored at ${jumps.budget} epochs`,
      seeds: pt.seeds,
      values: pt.runs.map((r) => (r.escaped ? r.time : null)),
    })),
  );
}

function survivalOfJumps(jumps: OneWayJumps): EvidenceFigure {
  const series = jumps.groups.flatMap((g) =>
    g.points.map((pt) => ({ label: `${g.sampling === 'epoch-permutation' ? 'perm' : 'repl'} δ=${g.delta} ηlr=${pt.lr}`, group: `${g.sampling} ${g.delta}`, dashed: g.sampling === 'epoch-permutation', runs: pt.runs, budget: jumps.budget })),
  );
  return survivalFigure(
    'jump-survival',
    'Downward jumps: fraction of runs still at rank 2 (Kaplan–Meier)',
    series,
    [],
    `Rank-2 → rank-1 falls of seed ${jumps.dataSeed}'s data set under SGD at B = 64, β a little below where the up sweep loses the weak mode; ` +
      'one colour per (drawing, β) group, solid = batches drawn with replacement, dashed = the paper\'s per-epoch permutation; curves within a group by ηlr. ' +
      'An exponential waiting time gives straight lines on a log axis; a deterministic drift gives a step.',
  );
}

/** The three laws of ln τ against x = B/ηlr, ranked by AIC on the censored likelihood of all runs. */
export interface KineticsComparison {
  readonly arrhenius: EscapeRateFit;
  readonly ranked: { label: string; aic: number; deltaAic: number }[];
  readonly thresholdAt: number | null;
  readonly better: string;
  readonly decisive: boolean;
}

/** The AIC margin by which the best law must lead to decide. */
const DECISIVE_AIC = 2;
/** Settings with falls a law's slope needs. */
const SETTINGS_FOR_SLOPE = 2;

export const ARRHENIUS = 'Arrhenius: ln τ = a + b·B/ηlr';
export const POWER_LAW = 'power law: ln τ = a + b·ln(B/ηlr)';
export const THRESHOLD = 'threshold: ln τ = a − b·ln(x_c − B/ηlr), τ = ∞ beyond x_c';

/** The threshold law profiled over x_c (a third parameter: AIC + 6), above every setting that saw a fall. */
function thresholdFit(xs: readonly number[], runs: readonly (readonly EscapeRun[])[]): { aic: number; xc: number } | null {
  const fell = xs.filter((_, i) => runs[i]!.some((r) => r.escaped));
  if (fell.length < 2) return null;
  const top = Math.max(...fell);
  let best: { aic: number; xc: number } | null = null;
  for (let k = -16; k <= 12; k++) {
    const xc = top * (1 + 10 ** (k / 4));
    const inside = xs.map((x, i) => ({ x, i })).filter((s) => s.x < xc);
    // Beyond x_c no run may fall (τ = ∞): those settings add 0 to ℓ.
    if (xs.some((x, i) => x >= xc && runs[i]!.some((r) => r.escaped))) continue;
    try {
      const fit = fitEscapeRateLine(inside.map((s) => ({ x: -Math.log(xc - s.x), runs: runs[s.i]! })), 0.05);
      const aic = -2 * fit.logLikelihood + 2 * 3;
      if (best === null || aic < best.aic) best = { aic, xc };
    } catch {
      // a slope that diverges at this x_c: not a candidate
    }
  }
  return best;
}

export function compareKinetics(group: JumpGroupResult): KineticsComparison | null {
  const xs = group.points.map((pt) => pt.x);
  const runs = group.points.map((pt) => pt.runs);
  if (xs.filter((_, i) => runs[i]!.some((r) => r.escaped)).length < SETTINGS_FOR_SLOPE) return null;
  let two;
  try {
    two = compareEscapeRateModels(runs, [{ label: ARRHENIUS, x: xs }, { label: POWER_LAW, x: xs.map(Math.log) }], DEFAULT_ALPHA);
  } catch {
    return null;
  }
  const threshold = thresholdFit(xs, runs);
  const all = [...two.models.map((m) => ({ label: m.label, aic: m.aic })), ...(threshold ? [{ label: THRESHOLD, aic: threshold.aic }] : [])].sort((a, b) => a.aic - b.aic);
  const ranked = all.map((m) => ({ ...m, deltaAic: m.aic - all[0]!.aic }));
  const arrhenius = two.models.find((m) => m.label === ARRHENIUS)!.fit;
  return { arrhenius, ranked, thresholdAt: threshold?.xc ?? null, better: ranked[0]!.label, decisive: (ranked[1]?.deltaAic ?? 0) > DECISIVE_AIC };
}

/** Per group: Arrhenius best by ΔAIC > 2 → reproduced; another law best by > 2 → deviates; otherwise inconclusive. */
export function evaluateJumpKinetics(_claim: Claim, results: ExperimentResults): Evaluation {
  const jumps = results.oneWayJumps();
  const compared = paperDrawingFirst(jumps.groups).map((g) => ({ g, c: compareKinetics(g) }));
  const readings: NotedReading[] = compared.map(({ g, c }) => {
    const verdict: Verdict = c === null || !c.decisive ? 'inconclusive' : c.better === ARRHENIUS ? 'reproduced' : 'deviates';
    const comparison =
      c === null
        ? null
        : {
            better: c.better,
            ranked: c.ranked.map((m) => ({ label: m.label, deltaAic: m.deltaAic })),
            slope: c.arrhenius.slope,
            slopeInterval: { lower: c.arrhenius.slopeInterval.lower, upper: c.arrhenius.slopeInterval.upper },
            alpha: DEFAULT_ALPHA,
            linearityPValue: c.arrhenius.linearityPValue,
          };
    return { label: groupLabel(g), value: c === null ? null : p(c.arrhenius.slope, 4), verdict, note: note('kinetics.jump-laws', { comparison }) };
  });
  return headed(readings, {
    evidence: [
      finding('kinetics.jump-laws-design', { seed: jumps.dataSeed, budget: jumps.budget, laws: [ARRHENIUS, POWER_LAW, THRESHOLD] }),
      ...readings.map((r) => finding('kinetics.jump-reading', { label: r.label, note: r.note })),
      ...jumps.groups.map((g) =>
        finding('kinetics.jump-group', { group: groupLabel(g), beta: g.landscape.beta, lossBeta: g.landscape.lossBeta, falls: g.points.map((pt) => ({ lr: pt.lr, fell: countEscapes(pt.runs), runs: pt.runs.length })) }),
      ),
    ],
    ...(readings.every((r) => r.verdict === 'inconclusive') ? { wouldDecide: finding('kinetics.would-decide-laws', { margin: DECISIVE_AIC }) } : {}),
    figures: [jumpArrheniusFigure(jumps, compared)],
  });
}

function jumpArrheniusFigure(jumps: OneWayJumps, compared: { g: JumpGroupResult; c: KineticsComparison | null }[]): EvidenceFigure {
  return {
    id: 'jump-arrhenius',
    title: 'Downward jumps: Arrhenius plot (ln τ against B/ηlr)',
    caption:
      'Censored MLE of the mean fall time per setting (triangles: no run fell, the lower end of the likelihood-ratio interval), with the censored-likelihood Arrhenius line of each group. ' +
      'Eq. 5 predicts straight lines whose slope grows with the barrier (larger δ below β_weak).',
    spec: jumpArrheniusSpec(
      compared.map(({ g, c }) => ({ label: groupLabel(g), points: g.points, line: c === null ? null : { intercept: c.arrhenius.intercept, slope: c.arrhenius.slope } })),
      jumps.budget,
    ),
  };
}

/**
 * Eq. 5 with a noise factor that does not change between nearby β: the slopes of two groups stand as their
 * barriers. Reproduced when ln(ΔE_far/ΔE_near) lies in the interval of ln(b_far/b_near); deviates outside it.
 */
export function evaluateJumpSlopeBarrier(_claim: Claim, results: ExperimentResults): Evaluation {
  const jumps = results.oneWayJumps();
  const groups = jumps.groups.filter((g) => g.sampling === 'with-replacement').sort((a, b) => a.delta - b.delta);
  const near = groups[0];
  const far = groups.at(-1);
  const fits = [near, far].map((g) => (g === undefined ? null : compareKinetics(g)?.arrhenius ?? null));
  const [fn, ff] = fits;
  const readings: NotedReading[] = (['matched', 'whitened'] as const).map((kind): NotedReading => {
    const label = kind === 'matched' ? 'barrier of the η whose βc is the measured β_weak' : 'barrier of the sample\'s whitened η2';
    const barrier = (g: JumpGroupResult | undefined) => (g === undefined ? null : kind === 'matched' ? g.landscape.barrierMatched : g.landscape.barrierWhitened);
    const bn = barrier(near);
    const bf = barrier(far);
    if (near === far || fn == null || ff == null || bn === null || bf === null || !(fn.slopeInterval.lower > 0) || !(ff.slopeInterval.lower > 0)) {
      return { label, value: null, verdict: 'inconclusive', note: note('kinetics.jump-slope-ratio', { ratio: null }) };
    }
    const lnRatio = Math.log(ff.slope / fn.slope);
    const z = (fn.slopeInterval.upper - fn.slope) / fn.slopeStandardError;
    const se = Math.hypot(fn.slopeStandardError / fn.slope, ff.slopeStandardError / ff.slope);
    const want = Math.log(bf / bn);
    const inside = Math.abs(lnRatio - want) <= z * se;
    return {
      label,
      value: p(Math.exp(lnRatio), 4),
      verdict: inside ? 'reproduced' : 'deviates',
      note: note('kinetics.jump-slope-ratio', {
        ratio: {
          estimate: Math.exp(lnRatio),
          interval: { lower: Math.exp(lnRatio - z * se), upper: Math.exp(lnRatio + z * se) },
          barrierRatio: bf / bn,
          near: { barrier: bn, delta: near!.delta },
          far: { barrier: bf, delta: far!.delta },
        },
      }),
    };
  });
  return headed(readings, {
    evidence: [
      finding('kinetics.jump-slope-law', {}),
      ...readings.map((r) => finding('kinetics.jump-reading', { label: r.label, note: r.note })),
      ...[near, far].flatMap((g, i) => {
        const f = fits[i];
        if (g === undefined || f == null) return [];
        const b = g.landscape.barrierMatched;
        return [
          finding('kinetics.jump-slope', {
            group: groupLabel(g),
            slope: f.slope,
            standardError: f.slopeStandardError,
            matchedEta: g.landscape.matchedEta,
            barrier: b,
            slopePerBarrier: b === null ? null : f.slope / b,
            whitenedEta: g.landscape.whitenedEta,
          }),
        ];
      }),
    ],
    ...(readings[0]!.verdict === 'inconclusive' ? { wouldDecide: finding('kinetics.would-decide-slopes', { learningRates: SETTINGS_FOR_SLOPE }) } : {}),
  });
}
