// Numbers as the paper prints them, kept as the printed string (its digits are its precision) beside the
// number, and where it is printed. Figures draw these as separately styled "paper" marks.

export interface PrintedValue {
  readonly text: string;
  readonly value: number;
  readonly source: string;
}

function printed(text: string, source: string): PrintedValue {
  return { text, value: Number(text), source };
}

/** Sec. 3.2 and App. E: λsad ≈ 0.41 and ΔE_min ≈ 0.003 at β = 0.32, η = 0.8, L = 3 (Fig. 2a). */
export const PAPER_SADDLE_LAMBDA = printed('0.41', 'Sec. 3.2; App. E');
export const PAPER_BARRIER = printed('0.003', 'Sec. 3.2; App. E; Fig. 2(a) caption');

/**
 * βc per mode at L = 3. The paper prints βc(1) = 0.36 (0.360 in App. A) and βc(2) = 0.42 (App. B, Fig. 3),
 * while App. D.2 orders βc(1) > βc(2) for η1 > η2; App. A's rank-1 trap (β = 0.361 > 0.360 leaves one mode
 * learned) says 0.360 belongs to the weaker mode η = 0.8, so the values are paired with modes by size.
 */
export const PAPER_CRITICAL_BETA: ReadonlyArray<{ readonly eta: number; readonly betaC: PrintedValue }> = [
  { eta: 0.9, betaC: printed('0.42', 'App. A, B; Fig. 3 caption') },
  { eta: 0.8, betaC: printed('0.360', 'App. A (App. B prints 0.36)') },
];

/** App. A: every trapping experiment runs at β = 0.32, where rank 2 is said to be the global minimum. */
export const PAPER_TRAP_BETA = printed('0.32', 'App. A; Sec. 3.2');
