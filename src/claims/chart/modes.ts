import { describeLandscape, float64, type Convention } from '../../analytic/index.ts';

// App. A–C: the teacher's two modes η1 = 0.9, η2 = 0.8 of Σyx, learned by a network of depth L = 3.
export const PAPER_ETAS: readonly number[] = [0.9, 0.8];
export const PAPER_DEPTH = 3;

export function modeLabel(eta: number): string {
  return `η = ${eta}`;
}

/** The β-independent critical values of one mode: βc, λc (Eq. 3, App. D.1) and β* (Sec. 2.1). */
export interface ModeCritical {
  eta: number;
  betaC: number;
  lambdaC: number;
  betaStar: number;
}

export function modeCritical(eta: number, depth: number, convention: Convention): ModeCritical {
  // βc, λc and β* do not depend on β: read them at β = 0.
  const { betaC, lambdaC, betaStar } = describeLandscape(float64, { eta, beta: 0, depth, convention });
  return { eta, betaC, lambdaC, betaStar };
}

/** The right end of a β axis that shows every mode's βc with room beyond it: 1.2 × the largest βc. */
export function betaAxisEnd(criticals: readonly ModeCritical[]): number {
  return 1.2 * Math.max(...criticals.map((c) => c.betaC));
}
