import { Decimal } from 'decimal.js';
import {
  CONVENTIONS,
  criticalBeta,
  criticalLambda,
  decimalScalar,
  describeLandscape,
  equalLossBeta,
  float64,
  modeBarriers,
  modeCurvature,
  modeGradient,
  stationaryPoints,
  type Convention,
  type Scalar,
} from '../../analytic/index.ts';
import type { Claim } from '../ledger.ts';
import { toleranceWidth } from '../tolerance.ts';
import type { Evaluation, Reading, Verdict } from '../verdict.ts';
import { inBothBackends, reported } from '../common/backends.ts';
import { DEPTH, DIGITS, GRID, RANK, decimalListParam, decimalParam, integerListParam, integerParam } from '../common/params.ts';
import { REGULARISER_WORDS, readingLabel } from '../common/reading-words.ts';
import { finding, type Finding, type FindingValues } from '../finding.ts';
import type { CandidateQuantity, LandscapeFindings, PrintedQuantity } from './findings.ts';
import { candidatesMatchingPrinted, printedNumberEvaluation, type Candidate } from './printed-number.ts';

const modeAt = <T>(S: Scalar<T>, eta: string, beta: string, depth: number, convention: Convention) => ({
  eta: S.of(eta),
  beta: S.of(beta),
  depth,
  convention,
});

/** A decimal as the number a finding carries (null stays null). */
const numberOf = (d: Decimal | null): number | null => (d === null ? null : d.toNumber());

/** Eq. 3: βc for one mode, against the printed value. */
export function evaluateCriticalBeta(claim: Claim): Evaluation {
  const eta = decimalParam(claim, 'eta', 'positive');
  const depth = integerParam(claim, 'depth', DEPTH);
  return printedNumberEvaluation(claim, { name: 'critical-beta', eta: Number(eta), depth }, (convention) => (S) =>
    criticalBeta(S, { eta: S.of(eta), depth, convention }),
  );
}

/** Appendix E / Section 3.2: a stationary point or barrier at (η, β, L), with the quantities the printed number could be. */
function landscapeQuantityEvaluation(
  claim: Claim,
  quantity: PrintedQuantity,
  pick: <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>) => T | null,
  candidateQuantities: Array<[CandidateQuantity, <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>) => T | null]>,
): Evaluation {
  const eta = decimalParam(claim, 'eta', 'positive');
  const beta = decimalParam(claim, 'beta');
  const depth = integerParam(claim, 'depth', DEPTH);
  const nearbyBetas = decimalListParam(claim, 'nearbyBetas');
  const evaluation = printedNumberEvaluation(claim, quantity, (convention) => (S) => pick(S, modeAt(S, eta, beta, depth, convention)));
  const candidates: Candidate[] = [];
  for (const convention of CONVENTIONS) {
    for (const b of [beta, ...nearbyBetas]) {
      for (const [name, compute] of candidateQuantities) {
        const { value } = inBothBackends((S) => compute(S, modeAt(S, eta, b, depth, convention)));
        candidates.push({ quantity: name, beta: Number(b), convention, value });
      }
    }
  }
  const width = toleranceWidth(claim.tolerance, claim.paper.value)!;
  evaluation.evidence.push(candidatesMatchingPrinted(claim.paper.value!, width, candidates));
  return evaluation;
}

const saddleOf = <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>): T | null => stationaryPoints(S, mode).saddle;
const minimumOf = <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>): T | null => stationaryPoints(S, mode).minimum;
const perLayer =
  (pick: <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>) => T | null) =>
  <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>): T | null => {
    const lambda = pick(S, mode);
    return lambda === null ? null : S.pow(lambda, S.div(S.of(1), S.of(mode.depth)));
  };
const barrierOf = <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>): T | null => modeBarriers(S, mode)?.fromZero ?? null;
const barrierFromMinOf = <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>): T | null =>
  modeBarriers(S, mode)?.fromMinimum ?? null;

export function evaluateSaddleLambda(claim: Claim): Evaluation {
  return landscapeQuantityEvaluation(claim, { name: 'saddle-lambda' }, saddleOf, [
    ['saddle', saddleOf],
    ['minimum', minimumOf],
    ['saddle-per-layer', perLayer(saddleOf)],
    ['minimum-per-layer', perLayer(minimumOf)],
  ]);
}

export function evaluateBarrierFromZero(claim: Claim): Evaluation {
  return landscapeQuantityEvaluation(claim, { name: 'barrier-from-zero' }, barrierOf, [
    ['barrier-from-zero', barrierOf],
    ['barrier-from-minimum', barrierFromMinOf],
  ]);
}

/** Section 3.1: which total rank is the global minimum at β, and whether a given lower rank is a local minimum too. */
export function evaluatePhaseStructure(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const beta = decimalParam(claim, 'beta');
  const depth = integerParam(claim, 'depth', DEPTH);
  const globalRank = integerParam(claim, 'globalRank', RANK);
  const metastableRank = integerParam(claim, 'metastableRank', RANK);
  const evidence: Finding[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    const modes = etas.map((eta) => describeLandscape(float64, { eta: Number(eta), beta: Number(beta), depth, convention }));
    const rank = modes.filter((m) => m.globalPhase === 'nonzero').length;
    // For L >= 3, λ = 0 is a local minimum of every mode (the λ^{2/L} term has infinite slope there); a mode
    // can also sit at λ** where it exists. A metastable configuration is any other combination.
    const choices = modes.map((m) => (m.lambdaMin === null ? [0] : [0, 1]));
    const configurations = choices.reduce<number[][]>((acc, c) => acc.flatMap((a) => c.map((x) => [...a, x])), [[]]);
    const global = modes.map((m) => (m.globalPhase === 'nonzero' ? 1 : 0));
    const metastable = configurations.filter((c) => c.join() !== global.join());
    const metastableRanks = [...new Set(metastable.map((c) => c.reduce((a, b) => a + b, 0)))].sort();
    const holds = rank === globalRank && metastableRanks.includes(metastableRank);
    const perMode = modes.map((m, i) => ({ eta: Number(etas[i]), betaC: m.betaC, betaStar: m.betaStar, globalPhase: m.globalPhase, lambdaMin: m.lambdaMin }));
    evidence.push(finding('landscape.phase-structure', { reading: REGULARISER_WORDS[convention], modes: perMode, rank, metastableRanks }));
    return {
      label: REGULARISER_WORDS[convention],
      value: String(rank),
      verdict: holds ? 'reproduced' : 'deviates',
      note: finding('landscape.phase-ranks', { rank, metastableRanks }),
    };
  });
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence };
}

/** The kinds of a grid claim's line: their values name the readings that share the line. */
type GridKind = { [K in keyof LandscapeFindings]: LandscapeFindings[K] extends { readonly readings: readonly string[] } ? K : never }[keyof LandscapeFindings];
type GridValues<K extends GridKind> = Omit<LandscapeFindings[K], 'readings'>;

/**
 * Two conventions' numbers agree when they differ by no more than this, relative: the float64 rounding of one quantity
 * reached along two paths (eq1 rescales β by L, so a barrier at a fixed β/βc is the same number computed twice).
 */
const SHARED_AGREEMENT = 1e-12;

/** Values equal field for field, numbers to SHARED_AGREEMENT. */
function agree(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= SHARED_AGREEMENT * Math.max(Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => agree(x, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => agree((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

/** Each convention's finding; conventions whose findings agree (numbers to float64 rounding) share one, with the first one's values ("Eq. 2 and Eq. 1: …"). */
function findingsByConvention<K extends GridKind>(kind: K, found: readonly { convention: Convention; values: GridValues<K> }[]): Finding[] {
  const shared: { conventions: Convention[]; values: GridValues<K> }[] = [];
  for (const { convention, values } of found) {
    const group = shared.find((g) => agree(g.values, values));
    if (group === undefined) shared.push({ conventions: [convention], values });
    else group.conventions.push(convention);
  }
  return shared.map(({ conventions, values }) =>
    finding(kind, { readings: conventions.map((c) => REGULARISER_WORDS[c]), ...values } as unknown as FindingValues[K]),
  );
}

/** A claim that must hold at every point of a grid, under each convention. */
function gridEvaluation<K extends GridKind>(
  claim: Claim,
  kind: K,
  check: (convention: Convention) => { holds: boolean; value: Decimal | null; found: GridValues<K> },
): Evaluation {
  const found: { convention: Convention; values: GridValues<K> }[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    const result = check(convention);
    found.push({ convention, values: result.found });
    const verdict: Verdict = result.holds ? 'reproduced' : 'deviates';
    return { label: REGULARISER_WORDS[convention], value: reported(result.value), verdict };
  });
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence: findingsByConvention(kind, found) };
}

/** The relative hysteresis window (βc − β*)/βc of one mode, agreed by both backends. */
function hysteresisWindow(eta: string, depth: number, convention: Convention): Decimal | null {
  return inBothBackends((S) => {
    const mode = { eta: S.of(eta), depth, convention };
    const betaC = criticalBeta(S, mode);
    return S.div(S.sub(betaC, equalLossBeta(S, mode)), betaC);
  }).value;
}

/** Section 2.1: β* < βc for every L >= 3 — the hysteresis window is open. Value: the smallest (βc − β*)/βc. */
export function evaluateHysteresisWindow(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depths = integerListParam(claim, 'depths', DEPTH);
  return gridEvaluation(claim, 'landscape.hysteresis-window', (convention) => {
    let smallest: Decimal | null = null;
    for (const eta of etas) {
      for (const depth of depths) {
        const value = hysteresisWindow(eta, depth, convention);
        if (value !== null && (smallest === null || value.lt(smallest))) smallest = value;
      }
    }
    return {
      holds: smallest !== null && smallest.gt(0),
      value: smallest,
      found: { etas: etas.map(Number), depths, narrowest: numberOf(smallest) },
    };
  });
}

/** Appendix C: at L = 2 there is no saddle and the non-zero minimum λ = η − β reaches 0 continuously at β = η. */
export function evaluateDepthTwoContinuous(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const fractions = decimalListParam(claim, 'betaFractions');
  return gridEvaluation(claim, 'landscape.depth-two-continuous', (convention) => {
    let saddles = 0;
    let largestJump = new Decimal(0);
    let positiveAboveEta = 0;
    for (const eta of etas) {
      const betaC = criticalBeta(float64, { eta: Number(eta), depth: 2, convention });
      for (const f of fractions) {
        const beta = Number(f) * betaC;
        const { saddle, minimum } = stationaryPoints(float64, { eta: Number(eta), beta, depth: 2, convention });
        if (saddle !== null) saddles++;
        if (Number(f) >= 1 && minimum !== null) positiveAboveEta++;
        // Continuity at the transition: λ** just below βc is as small as the distance to βc.
        if (Number(f) < 1 && Number(f) > 0.999 && minimum !== null) {
          largestJump = Decimal.max(largestJump, new Decimal(minimum).div(eta));
        }
      }
    }
    return {
      holds: saddles === 0 && positiveAboveEta === 0 && largestJump.lt(0.01),
      value: largestJump,
      found: { saddles, minimaAboveCritical: positiveAboveEta, largestJump: largestJump.toNumber() },
    };
  });
}

/** Appendix C: the barrier out of the lower-rank phase (Eq. 10) grows as β increases towards βc. */
export function evaluateBarrierMonotone(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depth = integerParam(claim, 'depth', DEPTH);
  const steps = integerParam(claim, 'gridPoints', GRID);
  return gridEvaluation(claim, 'landscape.barrier-monotone', (convention) => {
    let violations = 0;
    let smallestStep = Infinity;
    for (const eta of etas) {
      const betaC = criticalBeta(float64, { eta: Number(eta), depth, convention });
      let before = -Infinity;
      for (let i = 1; i < steps; i++) {
        const barrier = modeBarriers(float64, { eta: Number(eta), beta: (i / steps) * betaC, depth, convention })!.fromZero;
        if (!(barrier > before)) violations++;
        if (before > -Infinity) smallestStep = Math.min(smallestStep, barrier - before);
        before = barrier;
      }
    }
    return {
      holds: violations === 0,
      value: new Decimal(violations),
      found: { points: steps - 1, etas: etas.map(Number), depth, decreases: violations, smallestIncrease: smallestStep },
    };
  });
}

/** Appendix D.2: η1 > η2 implies βc(1) > βc(2). Value: βc(η1) − βc(η2). */
export function evaluateCriticalBetaOrdering(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depth = integerParam(claim, 'depth', DEPTH);
  return gridEvaluation(claim, 'landscape.critical-beta-ordering', (convention) => {
    const betas = etas.map((eta) => inBothBackends((S) => criticalBeta(S, { eta: S.of(eta), depth, convention })).value!);
    const ordered = betas.every((b, i) => i === 0 || betas[i - 1]!.gt(b));
    return {
      holds: ordered && etas.every((e, i) => i === 0 || new Decimal(etas[i - 1]!).gt(e)),
      value: betas[0]!.minus(betas[betas.length - 1]!),
      found: { modes: etas.map((eta, i) => ({ eta: Number(eta), betaC: betas[i]!.toNumber() })), ordered },
    };
  });
}

/**
 * Section 4.1, prediction 2 (premise): “the critical strength βc(i) decreases with L while the equal-loss crossing β*_i remains finite”. β* is finite and positive
 * for every L ≥ 3 by its closed form, so that half cannot fail; what can is the consequence the prediction rests
 * on — the window (βc − β*)/βc, where the lower-rank phase is metastable, widens with depth. Headline (one reading per
 * convention): the window grows with L for every η; value: its smallest increase between successive depths. Beside
 * it: βc falls with L (it does under eq2, not under eq1, where βc carries the factor L).
 */
export function evaluateDepthCriticalBeta(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depths = integerListParam(claim, 'depths', DEPTH);
  const window = gridEvaluation(claim, 'landscape.depth-window', (convention) => {
    let smallestIncrease: Decimal | null = null;
    const modes: { eta: number; windows: (number | null)[] }[] = [];
    for (const eta of etas) {
      const widths = depths.map((depth) => hysteresisWindow(eta, depth, convention));
      widths.forEach((w, i) => {
        const before = widths[i - 1];
        if (i === 0 || w === null || before === null || before === undefined) return;
        const step = w.minus(before);
        if (smallestIncrease === null || step.lt(smallestIncrease)) smallestIncrease = step;
      });
      modes.push({ eta: Number(eta), windows: widths.map(numberOf) });
    }
    const increase = smallestIncrease as Decimal | null;
    const widens = increase !== null && increase.gt(0);
    return {
      holds: widens,
      value: increase,
      found: { depths, modes, smallestIncrease: numberOf(increase), widens },
    };
  });
  const falls = CONVENTIONS.map((convention): Reading => {
    const modes: { eta: number; betaC: number[]; betaStar: number[] }[] = [];
    let fallsWithL = true;
    let finite = true;
    for (const eta of etas) {
      const betaC = depths.map((depth) => criticalBeta(float64, { eta: Number(eta), depth, convention }));
      const betaStar = depths.map((depth) => equalLossBeta(float64, { eta: Number(eta), depth, convention }));
      fallsWithL &&= betaC.every((b, i) => i === 0 || b < betaC[i - 1]!);
      finite &&= betaStar.every((b) => Number.isFinite(b) && b > 0);
      modes.push({ eta: Number(eta), betaC, betaStar });
    }
    window.evidence.push(finding('landscape.depth-critical-beta', { reading: REGULARISER_WORDS[convention], depths, modes, falls: fallsWithL, finite }));
    return { label: readingLabel(REGULARISER_WORDS[convention], 'βc falls with L'), value: null, verdict: fallsWithL ? 'reproduced' : 'deviates' };
  });
  return { ...window, readings: [...window.readings, ...falls] };
}

/** Section 4.1, prediction 2: deeper networks have higher barriers, at the same relative distance to βc. */
export function evaluateDepthBarrier(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depths = integerListParam(claim, 'depths', DEPTH);
  const fractions = decimalListParam(claim, 'betaFractions');
  return gridEvaluation(claim, 'landscape.depth-barrier', (convention) => {
    let grows = true;
    const series: { eta: number; fraction: number; barriers: number[] }[] = [];
    for (const eta of etas) {
      for (const f of fractions) {
        const barriers = depths.map((depth) => {
          const betaC = criticalBeta(float64, { eta: Number(eta), depth, convention });
          return modeBarriers(float64, { eta: Number(eta), beta: Number(f) * betaC, depth, convention })!.fromZero;
        });
        grows &&= barriers.every((b, i) => i === 0 || b > barriers[i - 1]!);
        series.push({ eta: Number(eta), fraction: Number(f), barriers });
      }
    }
    return {
      holds: grows,
      value: null,
      found: { depths, series, grows },
    };
  });
}

/** Appendix D.1: at (λc, βc) both Eq. 8 and its derivative Eq. 9 vanish, i.e. Eq. 3 follows from Eq. 2. */
export function evaluateEq3FromEq2(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depths = integerListParam(claim, 'depths', DEPTH);
  const digits = integerParam(claim, 'digits', DIGITS);
  const S = decimalScalar(digits);
  const bound = new Decimal(10).pow(-(digits - 5));
  return gridEvaluation(claim, 'landscape.eq3-residual', (convention) => {
    let largest = new Decimal(0);
    for (const eta of etas) {
      for (const depth of depths) {
        const mode = { eta: S.of(eta), depth, convention: 'eq2' as const };
        const lambdaC = criticalLambda(S, mode);
        // Eq. 3 is derived from Eq. 2 as printed (the eq2 reading); under eq1 the βc it gives is off by L.
        const betaEq3 = criticalBeta(S, mode);
        const at = { ...mode, convention, beta: betaEq3 };
        for (const residual of [modeGradient(S, lambdaC, at), modeCurvature(S, lambdaC, at)]) {
          largest = Decimal.max(largest, new Decimal(S.toString(S.abs(residual))));
        }
      }
    }
    return {
      holds: largest.lt(bound),
      value: largest,
      found: { etas: etas.map(Number), depths, largest: largest.toNumber(), digits, bound: bound.toNumber() },
    };
  });
}
