// Analytic statements of Sections 1–2 and Appendix C that the first ledger did not cover. Each is read
// under both regulariser readings (eq2, eq1; REPRODUCE.md, "The regulariser").
import { Decimal } from 'decimal.js';
import { CONVENTIONS, criticalBeta, equalLossBeta, float64, modeLoss, stationaryPoints, type Convention } from '../../analytic/index.ts';
import type { Claim } from '../ledger.ts';
import type { Evaluation, Reading, Verdict } from '../verdict.ts';
import { reported } from '../common/backends.ts';
import { DEPTH, GRID, decimalListParam, decimalParam, integerParam } from '../common/params.ts';
import { REGULARISER_WORDS, readingLabel } from '../common/reading-words.ts';
import { finding, type Finding } from '../finding.ts';

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
  const evidence: Finding[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    let configs: { lambdas: number[]; loss: number }[] = [{ lambdas: [], loss: 0 }];
    for (const eta of etas) {
      const minima = modeMinima(eta, beta, depth, convention);
      configs = configs.flatMap((c) => minima.map((l) => ({ lambdas: [...c.lambdas, l], loss: c.loss + modeLoss(float64, l, mode(eta, beta, depth, convention)) })));
    }
    const best = Math.min(...configs.map((c) => c.loss));
    const metastable = configs.filter((c) => c.loss > best).length;
    const configurations = configs.map((c) => ({ ...c, global: c.loss === best }));
    evidence.push(finding('landscape.metastable-count', { reading: REGULARISER_WORDS[convention], beta, depth, etas, configurations, metastable }));
    const verdict: Verdict = metastable === printed ? 'reproduced' : 'deviates';
    return { label: REGULARISER_WORDS[convention], value: String(metastable), verdict, difference: String(metastable - printed) };
  });
  evidence.push(finding('landscape.metastable-count-reading', {}));
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
  const evidence: Finding[] = [];
  const readings: Reading[] = [];
  for (const convention of CONVENTIONS) {
    let globalAt = 0;
    let unstableAt = 0;
    let lowest: number | null = null;
    const windows: { eta: number; betaStar: number; betaC: number }[] = [];
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
      windows.push({ eta, betaStar, betaC });
    }
    evidence.push(finding('landscape.upper-branch', { reading: REGULARISER_WORDS[convention], points: points - 1, unstable: unstableAt, global: globalAt, modes: windows }));
    readings.push({ label: readingLabel(REGULARISER_WORDS[convention], 'metastable = local not global'), value: reported(new Decimal(lowest!)), verdict: globalAt === 0 && unstableAt === 0 ? 'reproduced' : 'deviates' });
    readings.push({ label: readingLabel(REGULARISER_WORDS[convention], 'metastable = locally stable'), value: reported(new Decimal(0)), verdict: unstableAt === 0 ? 'reproduced' : 'deviates' });
  }
  evidence.push(finding('landscape.upper-branch-reading', {}));
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
  const evidence: Finding[] = [];
  const readings: Reading[] = CONVENTIONS.map((convention) => {
    const missing: { eta: number; beta: number; roots: number }[] = [];
    let end = 0;
    for (const eta of etas) {
      end = Math.max(end, criticalBeta(float64, { eta, depth: 2, convention }));
      for (const f of fractions) {
        const { minimum, saddle } = stationaryPoints(float64, mode(eta, f * eta, 2, convention));
        const roots = (minimum !== null && minimum > 0 ? 1 : 0) + (saddle !== null && saddle > 0 ? 1 : 0);
        if (roots !== 1) missing.push({ eta, beta: f * eta, roots });
      }
    }
    evidence.push(finding('landscape.depth-two-root', { reading: REGULARISER_WORDS[convention], end, missing }));
    return { label: REGULARISER_WORDS[convention], value: reported(new Decimal(end)), verdict: missing.length === 0 ? 'reproduced' : 'deviates' };
  });
  evidence.push(finding('landscape.depth-two-root-reading', {}));
  return { verdict: readings[0]!.verdict, value: readings[0]!.value, readings, evidence };
}
