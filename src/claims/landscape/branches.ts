// Analytic statements of Sections 1–2 and Appendix C that the first ledger did not cover. Each is read
// under both regulariser readings (eq2, eq1; REPRODUCE.md, "The regulariser").
import { Decimal } from 'decimal.js';
import { CONVENTIONS, criticalBeta, equalLossBeta, float64, modeLoss, stationaryPoints, type Convention } from '../../analytic/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, Reading, Verdict } from '../verdict.ts';
import { reported } from '../common/backends.ts';
import { DEPTH, GRID, decimalListParam, decimalParam, integerParam } from '../common/params.ts';
import { formatNumber } from '../../text/index.ts';
import { REGULARISER_WORDS, readingLabel } from '../common/reading-words.ts';

function mode(eta: number, beta: number, depth: number, convention: Convention) {
  return { eta, beta, depth, convention };
}

/** The local minima of one mode at β: λ = 0 (a minimum for every L ≥ 3, and at L = 2 once β ≥ βc) and λ** where it exists. */
function modeMinima(eta: number, beta: number, depth: number, convention: Convention): number[] {
  const { minimum } = stationaryPoints(float64, mode(eta, beta, depth, convention));
  return minimum === null ? [0] : [0, minimum];
}

/**
 * Abstract and Section 1: "d coexisting metastable states (one per learnable feature)". The modes decouple (Eq. 1), so
 * every choice of one local minimum per mode is a local minimum of the whole loss: with both minima present in every
 * mode there are 2^d configurations, one of them global, 2^d − 1 metastable. Value: that count under each reading.
 */
export function evaluateMetastableCount(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive').map(Number);
  const beta = Number(decimalParam(claim, 'beta'));
  const depth = integerParam(claim, 'depth', DEPTH);
  const printed = Number(claim.paper.value);
  const evidence: string[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    let configs: { lambdas: number[]; loss: number }[] = [{ lambdas: [], loss: 0 }];
    for (const eta of etas) {
      const minima = modeMinima(eta, beta, depth, convention);
      configs = configs.flatMap((c) => minima.map((l) => ({ lambdas: [...c.lambdas, l], loss: c.loss + modeLoss(float64, l, mode(eta, beta, depth, convention)) })));
    }
    const best = Math.min(...configs.map((c) => c.loss));
    const metastable = configs.filter((c) => c.loss > best).length;
    const list = configs.map((c) => `(${c.lambdas.map((l) => formatNumber(l, 3)).join(', ')}): ${formatNumber(c.loss, 5)}${c.loss === best ? ' global' : ''}`).join('; ');
    evidence.push(`${REGULARISER_WORDS[convention]}: at β = ${beta}, L = ${depth}, η = (${etas.join(', ')}): ${configs.length} local minima (λ per mode: loss) — ${list}; ${metastable} metastable.`);
    const verdict: Verdict = metastable === printed ? 'reproduced' : 'deviates';
    return { label: REGULARISER_WORDS[convention], value: String(metastable), verdict, difference: String(metastable - printed) };
  });
  evidence.push(
    'Each mode contributes its own two minima (λ = 0 and λ**) independently, so the count of metastable states is 2^d − 1, not d; ' +
      '"one per learnable feature" counts the bifurcations (one βc per mode, Appendix D.2), which is d.',
  );
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence };
}

/**
 * Appendix C: "A model on the upper (rank-1) branch remains metastable for all β < βc". Metastable = a local minimum
 * that is not the global one: for β < β* λ** is the global minimum. Checked on a grid of β in (0, βc); value: the lowest
 * β at which the branch is metastable (β*). A second reading takes "metastable" as "locally stable".
 */
export function evaluateUpperBranchMetastable(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive').map(Number);
  const depth = integerParam(claim, 'depth', DEPTH);
  const points = integerParam(claim, 'gridPoints', GRID);
  const evidence: string[] = [];
  const readings: Reading[] = [];
  for (const convention of CONVENTIONS) {
    let globalAt = 0;
    let unstableAt = 0;
    let lowest: number | null = null;
    const windows: string[] = [];
    for (const eta of etas) {
      const betaC = criticalBeta(float64, { eta, depth, convention });
      const betaStar = equalLossBeta(float64, { eta, depth, convention });
      for (let i = 1; i < points; i++) {
        const beta = (betaC * i) / points;
        const m = mode(eta, beta, depth, convention);
        const { minimum } = stationaryPoints(float64, m);
        if (minimum === null) {
          unstableAt++;
          continue;
        }
        if (modeLoss(float64, minimum, m) <= modeLoss(float64, 0, m)) globalAt++;
      }
      lowest = lowest === null ? betaStar : Math.min(lowest, betaStar);
      windows.push(`η = ${eta}: metastable on (β*, βc) = (${formatNumber(betaStar, 5)}, ${formatNumber(betaC, 5)}), global minimum on (0, ${formatNumber(betaStar, 5)}]`);
    }
    evidence.push(
      `${REGULARISER_WORDS[convention]}: on ${points - 1} β per mode in (0, βc) the upper branch exists at every point but ${unstableAt} and is the global minimum at ${globalAt}; ${windows.join('; ')}.`,
    );
    readings.push({ label: readingLabel(REGULARISER_WORDS[convention], 'metastable = local not global'), value: reported(new Decimal(lowest!)), verdict: globalAt === 0 && unstableAt === 0 ? 'reproduced' : 'deviates' });
    readings.push({ label: readingLabel(REGULARISER_WORDS[convention], 'metastable = locally stable'), value: reported(new Decimal(0)), verdict: unstableAt === 0 ? 'reproduced' : 'deviates' });
  }
  evidence.push('"Metastable" (local but not global) holds only on (β*, βc); below β* the rank-1 branch is the global minimum. The second reading only says λ** is a local minimum, which Eq. 2 gives on all of (0, βc).');
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence };
}

/**
 * Appendix C: at L = 2 "the stationarity condition is linear in λ and has a unique positive solution for all β > 0".
 * Eq. 2 at L = 2 is λ = η − β (eq2; η − β/2 under eq1): positive only below β = η (2η). Value: the largest β with a
 * positive root, over the modes.
 */
export function evaluateDepthTwoRoot(claim: Claim): Evaluation {
  const etas = decimalListParam(claim, 'etas', 'positive').map(Number);
  const fractions = decimalListParam(claim, 'betaOverEta').map(Number);
  const evidence: string[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    const missing: string[] = [];
    let end = 0;
    for (const eta of etas) {
      end = Math.max(end, criticalBeta(float64, { eta, depth: 2, convention }));
      for (const f of fractions) {
        const { minimum, saddle } = stationaryPoints(float64, mode(eta, f * eta, 2, convention));
        const roots = (minimum !== null && minimum > 0 ? 1 : 0) + (saddle !== null && saddle > 0 ? 1 : 0);
        if (roots !== 1) missing.push(`η = ${eta}, β = ${formatNumber(f * eta, 4)}: ${roots} positive roots`);
      }
    }
    evidence.push(`${REGULARISER_WORDS[convention]}: the positive root exists up to β = ${formatNumber(end, 4)}; ${missing.length === 0 ? 'one positive root at every grid β' : `not unique-and-present at ${missing.length} grid β (${missing.join('; ')})`}.`);
    return { label: REGULARISER_WORDS[convention], value: reported(new Decimal(end)), verdict: missing.length === 0 ? 'reproduced' : 'deviates' };
  });
  evidence.push('The transition at L = 2 is continuous (second order, the claim no-bifurcation-depth-2), but the positive solution ends where it reaches 0: no positive root for β ≥ η (the Eq. 2 reading).');
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence };
}
