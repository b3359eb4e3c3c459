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
import { candidatesMatchingPrinted, printedNumberEvaluation, type Candidate } from '../common/numeric.ts';
import { DEPTH, DIGITS, GRID, RANK, decimalListParam, decimalParam, integerListParam, integerParam } from '../common/params.ts';
import { formatNumber } from '../../text/index.ts';
import { REGULARISER_WORDS, readingLabel } from '../common/reading-words.ts';

const modeAt = <T>(S: Scalar<T>, eta: string, beta: string, depth: number, convention: Convention) => ({
  eta: S.of(eta),
  beta: S.of(beta),
  depth,
  convention,
});

/** Eq. 3: βc for one mode, against the printed value. */
export function evaluateCriticalBeta(claim: Claim): Evaluation {
  const eta = decimalParam(claim, 'eta', 'positive');
  const depth = integerParam(claim, 'depth', DEPTH);
  return printedNumberEvaluation(claim, `βc(η = ${eta}, L = ${depth})`, (convention) => (S) =>
    criticalBeta(S, { eta: S.of(eta), depth, convention }),
  );
}

/** Appendix E / Section 3.2: a stationary point or barrier at (η, β, L), with the quantities the printed number could be. */
function landscapeQuantityEvaluation(
  claim: Claim,
  quantity: string,
  pick: <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>) => T | null,
  candidateQuantities: Array<[string, <T>(S: Scalar<T>, mode: ReturnType<typeof modeAt<T>>) => T | null]>,
): Evaluation {
  const eta = decimalParam(claim, 'eta', 'positive');
  const beta = decimalParam(claim, 'beta');
  const depth = integerParam(claim, 'depth', DEPTH);
  const nearbyBetas = decimalListParam(claim, 'nearbyBetas');
  const evaluation = printedNumberEvaluation(claim, quantity, (convention) => (S) => pick(S, modeAt(S, eta, beta, depth, convention)));
  const candidates: Candidate[] = [];
  for (const convention of CONVENTIONS) {
    for (const b of [beta, ...nearbyBetas]) {
      for (const [label, compute] of candidateQuantities) {
        const { value } = inBothBackends((S) => compute(S, modeAt(S, eta, b, depth, convention)));
        candidates.push({ label: `${label} at β = ${b} (${convention})`, value });
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
  return landscapeQuantityEvaluation(claim, 'λsad (smaller root of Eq. 2)', saddleOf, [
    ['λsad', saddleOf],
    ['λ**', minimumOf],
    ['λsad^(1/L) (per-layer)', perLayer(saddleOf)],
    ['λ**^(1/L) (per-layer)', perLayer(minimumOf)],
  ]);
}

export function evaluateBarrierFromZero(claim: Claim): Evaluation {
  return landscapeQuantityEvaluation(claim, 'ΔE = Loss(λsad) − Loss(0) (Eq. 10)', barrierOf, [
    ['ΔE from λ = 0', barrierOf],
    ['barrier from λ**', barrierFromMinOf],
  ]);
}

/** Section 3.1: which total rank is the global minimum at β, and whether a given lower rank is a local minimum too. */
export function evaluatePhaseStructure(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const beta = decimalParam(claim, 'beta');
  const depth = integerParam(claim, 'depth', DEPTH);
  const globalRank = integerParam(claim, 'globalRank', RANK);
  const metastableRank = integerParam(claim, 'metastableRank', RANK);
  const evidence: string[] = [];
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
    const perMode = modes
      .map((m, i) => `η = ${etas[i]}: βc = ${formatNumber(m.betaC)}, β* = ${formatNumber(m.betaStar)}, global ${m.globalPhase}${m.lambdaMin === null ? '' : `, λ** = ${formatNumber(m.lambdaMin)}`}`)
      .join('; ');
    evidence.push(`${REGULARISER_WORDS[convention]}: ${perMode}. Global minimum rank-${rank}; other local minima have rank ${metastableRanks.join(', ') || 'none'}.`);
    return {
      label: REGULARISER_WORDS[convention],
      value: String(rank),
      verdict: holds ? 'reproduced' : 'deviates',
      note: `global rank-${rank}; metastable ranks {${metastableRanks.join(', ')}}`,
    };
  });
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence };
}

/** Each convention's line under its name; conventions whose lines agree word for word share one ("Eq. 2 and Eq. 1: …"). */
function linesByConvention(lines: readonly { convention: Convention; text: string }[]): string[] {
  const named = new Map<string, Convention[]>();
  for (const { convention, text } of lines) named.set(text, [...(named.get(text) ?? []), convention]);
  return [...named].map(([text, conventions]) => `${conventions.map((c) => REGULARISER_WORDS[c]).join(' and ')}: ${text}`);
}

/** A claim that must hold at every point of a grid, under each convention. */
function gridEvaluation(
  claim: Claim,
  check: (convention: Convention) => { holds: boolean; value: Decimal | null; evidence: string },
): Evaluation {
  const lines: { convention: Convention; text: string }[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    const result = check(convention);
    lines.push({ convention, text: result.evidence });
    const verdict: Verdict = result.holds ? 'reproduced' : 'deviates';
    return { label: REGULARISER_WORDS[convention], value: reported(result.value), verdict };
  });
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence: linesByConvention(lines) };
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
  return gridEvaluation(claim, (convention) => {
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
      evidence: `over η ∈ {${etas.join(', ')}} and L ∈ {${depths.join(', ')}}, the narrowest window (βc − β*)/βc is ${formatNumber(smallest)}.`,
    };
  });
}

/** Appendix C: at L = 2 there is no saddle and the non-zero minimum λ = η − β reaches 0 continuously at β = η. */
export function evaluateDepthTwoContinuous(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const fractions = decimalListParam(claim, 'betaFractions');
  return gridEvaluation(claim, (convention) => {
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
      evidence:
        `saddles found: ${saddles}; non-zero minima at β ≥ βc: ${positiveAboveEta}; λ**/η just below βc: ${formatNumber(largestJump)}. ` +
        'The transition is continuous (second order): this claim is that half of Appendix C\'s sentence. Its other half, ' +
        '"a unique positive solution for all β > 0", is the claim depth-two-unique-root, which deviates: the non-zero ' +
        'solution exists only for β < βc (= η under the Eq. 2 reading).',
    };
  });
}

/** Appendix C: the barrier out of the lower-rank phase (Eq. 10) grows as β increases towards βc. */
export function evaluateBarrierMonotone(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depth = integerParam(claim, 'depth', DEPTH);
  const steps = integerParam(claim, 'gridPoints', GRID);
  return gridEvaluation(claim, (convention) => {
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
      evidence: `ΔE on ${steps - 1} evenly spaced β in (0, βc) for η ∈ {${etas.join(', ')}}, L = ${depth}: ${violations} decreases; smallest increase ${formatNumber(smallestStep)}.`,
    };
  });
}

/** Appendix D.2: η1 > η2 implies βc(1) > βc(2). Value: βc(η1) − βc(η2). */
export function evaluateCriticalBetaOrdering(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depth = integerParam(claim, 'depth', DEPTH);
  return gridEvaluation(claim, (convention) => {
    const betas = etas.map((eta) => inBothBackends((S) => criticalBeta(S, { eta: S.of(eta), depth, convention })).value!);
    const ordered = betas.every((b, i) => i === 0 || betas[i - 1]!.gt(b));
    return {
      holds: ordered && etas.every((e, i) => i === 0 || new Decimal(etas[i - 1]!).gt(e)),
      value: betas[0]!.minus(betas[betas.length - 1]!),
      evidence: etas.map((eta, i) => `βc(η = ${eta}) = ${formatNumber(betas[i]!)}`).join(', ') + (ordered ? ': ordered as the η.' : ': NOT ordered as the η.'),
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
  const window = gridEvaluation(claim, (convention) => {
    let smallestIncrease: Decimal | null = null;
    const lines: string[] = [];
    for (const eta of etas) {
      const widths = depths.map((depth) => hysteresisWindow(eta, depth, convention));
      widths.forEach((w, i) => {
        const before = widths[i - 1];
        if (i === 0 || w === null || before === null || before === undefined) return;
        const step = w.minus(before);
        if (smallestIncrease === null || step.lt(smallestIncrease)) smallestIncrease = step;
      });
      lines.push(`η = ${eta}: (βc − β*)/βc at L = ${depths.join(', ')}: ${widths.map((w) => formatNumber(w, 4)).join(', ')}`);
    }
    const increase = smallestIncrease as Decimal | null;
    return {
      holds: increase !== null && increase.gt(0),
      value: increase,
      evidence: `${lines.join('. ')}. The window ${increase !== null && increase.gt(0) ? 'widens' : 'does not widen'} with L (smallest increase ${formatNumber(increase)}).`,
    };
  });
  const falls = CONVENTIONS.map((convention): Reading => {
    const lines: string[] = [];
    let fallsWithL = true;
    let finite = true;
    for (const eta of etas) {
      const betaC = depths.map((depth) => criticalBeta(float64, { eta: Number(eta), depth, convention }));
      const betaStar = depths.map((depth) => equalLossBeta(float64, { eta: Number(eta), depth, convention }));
      fallsWithL &&= betaC.every((b, i) => i === 0 || b < betaC[i - 1]!);
      finite &&= betaStar.every((b) => Number.isFinite(b) && b > 0);
      lines.push(`η = ${eta}: βc(L) = ${betaC.map((b) => formatNumber(b, 3)).join(', ')}; β*(L) = ${betaStar.map((b) => formatNumber(b, 3)).join(', ')}`);
    }
    window.evidence.push(
      `${REGULARISER_WORDS[convention]}: L = ${depths.join(', ')}. ${lines.join('. ')}. βc ${fallsWithL ? 'falls' : 'does not fall'} with L; β* ${finite ? 'stays finite and positive (its closed form, so this half cannot fail)' : 'does not stay finite'}.`,
    );
    return { label: readingLabel(REGULARISER_WORDS[convention], 'βc falls with L'), value: null, verdict: fallsWithL ? 'reproduced' : 'deviates' };
  });
  return { ...window, readings: [...window.readings, ...falls] };
}

/** Section 4.1, prediction 2: deeper networks have higher barriers, at the same relative distance to βc. */
export function evaluateDepthBarrier(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive');
  const depths = integerListParam(claim, 'depths', DEPTH);
  const fractions = decimalListParam(claim, 'betaFractions');
  return gridEvaluation(claim, (convention) => {
    let grows = true;
    const lines: string[] = [];
    for (const eta of etas) {
      for (const f of fractions) {
        const barriers = depths.map((depth) => {
          const betaC = criticalBeta(float64, { eta: Number(eta), depth, convention });
          return modeBarriers(float64, { eta: Number(eta), beta: Number(f) * betaC, depth, convention })!.fromZero;
        });
        grows &&= barriers.every((b, i) => i === 0 || b > barriers[i - 1]!);
        lines.push(`η = ${eta}, β = ${f}·βc: ΔE(L) = ${barriers.map((b) => formatNumber(b, 3)).join(', ')}`);
      }
    }
    return {
      holds: grows,
      value: null,
      evidence: `L = ${depths.join(', ')}. ${lines.join('. ')}. ΔE ${grows ? 'grows' : 'does not grow'} with L at fixed β/βc.`,
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
  return gridEvaluation(claim, (convention) => {
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
      evidence: `at λc = η(1−k)/(2−k) and β = βc of Eq. 3, the largest residual of Eq. 8 and Eq. 9 over η ∈ {${etas.join(', ')}}, L ∈ {${depths.join(', ')}} is ${formatNumber(largest, 3)} at ${digits} digits (bound ${bound.toString()}).`,
    };
  });
}
