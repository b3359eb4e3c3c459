import { modeLossAboveZero } from './loss.ts';
import type { ModeAt } from './mode.ts';
import type { Scalar } from './scalar.ts';
import { stationaryPoints } from './stationary.ts';

export interface Barriers<T> {
  /** ΔE = Loss(λsad) − Loss(0) (Eq. 10): the climb out of the zero (lower-rank) phase. */
  readonly fromZero: T;
  /** Loss(λsad) − Loss(λ**): the climb out of the non-zero phase back to zero. */
  readonly fromMinimum: T;
}

/** Both barriers of one mode; `null` where no saddle exists (β ≥ βc, or depth 2). */
export function modeBarriers<T>(S: Scalar<T>, mode: ModeAt<T>): Barriers<T> | null {
  const { saddle, minimum } = stationaryPoints(S, mode);
  if (saddle === null || minimum === null) return null;
  const atSaddle = modeLossAboveZero(S, saddle, mode);
  return { fromZero: atSaddle, fromMinimum: S.sub(atSaddle, modeLossAboveZero(S, minimum, mode)) };
}
