import { assertModeDomain, betaInConvention, type Mode } from './mode.ts';
import type { Scalar } from './scalar.ts';

// The critical points of one mode as functions of η and L alone (Eq. 3, Appendix D.1). They are derived
// under eq2, where Eq. 2 holds as printed; under eq1 every β-location is L times larger.

/**
 * λc = η(1−k)/(2−k), k = 2/L (Appendix D.1): where the saddle and the minimum coalesce at βc.
 * Depth 2 has no coalescence (Appendix C): its continuous transition leaves λ at 0, so λc = 0.
 */
export function criticalLambda<T>(S: Scalar<T>, mode: Mode<T>): T {
  assertModeDomain(S, mode);
  const L = mode.depth;
  return S.div(S.mul(mode.eta, S.of(L - 2)), S.of(2 * L - 2));
}

/**
 * βc = (1/(1−k))·(η(1−k)/(2−k))^{2−k}, k = 2/L (Eq. 3): above it only λ = 0 is stationary.
 * Depth 2 (k = 1, where Eq. 3 is undefined) has the continuous transition of Appendix C at β = η.
 */
export function criticalBeta<T>(S: Scalar<T>, mode: Mode<T>): T {
  assertModeDomain(S, mode);
  if (mode.depth === 2) return betaInConvention(S, mode.eta, mode);
  const k = S.div(S.of(2), S.of(mode.depth));
  const oneMinusK = S.sub(S.of(1), k);
  const twoMinusK = S.sub(S.of(2), k);
  const eq3 = S.div(S.pow(S.div(S.mul(mode.eta, oneMinusK), twoMinusK), twoMinusK), oneMinusK);
  return betaInConvention(S, eq3, mode);
}

/**
 * λ* = η(L−2)/(L−1) = 2λc: the non-zero minimum at the equal-loss point. With Eq. 2 giving b·λ^{2/L} = λ(η−λ),
 * Loss(λ) − Loss(0) = λ[λ/2 − η + L(η−λ)/2], which vanishes at this λ.
 */
export function equalLossLambda<T>(S: Scalar<T>, mode: Mode<T>): T {
  assertModeDomain(S, mode);
  const L = mode.depth;
  return S.div(S.mul(mode.eta, S.of(L - 2)), S.of(L - 1));
}

/**
 * β* where the zero and the non-zero minimum have equal loss (Section 2.1): β* = λ*^{1−2/L}·(η − λ*),
 * the β at which λ* solves Eq. 2. Below β* the non-zero minimum is global. Depth 2 has no hysteresis: β* = βc.
 */
export function equalLossBeta<T>(S: Scalar<T>, mode: Mode<T>): T {
  assertModeDomain(S, mode);
  if (mode.depth === 2) return criticalBeta(S, mode);
  const lambdaStar = equalLossLambda(S, mode);
  const exponent = S.sub(S.of(1), S.div(S.of(2), S.of(mode.depth)));
  return betaInConvention(S, S.mul(S.pow(lambdaStar, exponent), S.sub(mode.eta, lambdaStar)), mode);
}
