// A distribution-free comparison of two groups of escape times (Mann–Whitney U): is one group's escape later? It
// assumes no law for the times (the exponential fits do), so it holds where escape is a drift of a few epochs rather
// than a memoryless event. Censored runs enter as tied with each other and later than every escape, which is exact
// when both groups share one budget (the same protocol), as the control's depths do.
import { standardNormalCdf } from './distributions.ts';
import { assertRuns, type EscapeRun } from './runs.ts';

export interface RankShift {
  /** U of the second group: the number of (first, second) pairs where the second escaped later (ties count ½). */
  readonly u: number;
  readonly pairs: number;
  /** One-sided p-value (normal approximation with the tie correction) that the second group escapes later. */
  readonly pLater: number;
  /** One-sided p-value that the second group escapes earlier. */
  readonly pEarlier: number;
}

/** A run's sortable time: censored runs after every escape (the shared budget), tied among themselves. */
const key = (r: EscapeRun): number => (r.escaped ? r.time : Infinity);

export function rankShift(first: readonly EscapeRun[], second: readonly EscapeRun[]): RankShift {
  assertRuns(first);
  assertRuns(second);
  const n1 = first.length;
  const n2 = second.length;
  const all = [...first.map((r) => ({ v: key(r), g: 1 })), ...second.map((r) => ({ v: key(r), g: 2 }))].sort((a, b) => a.v - b.v);
  // Mid-ranks, and Σ(t³ − t) over tie groups for the variance.
  let rankSum2 = 0;
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.v === all[i]!.v) j++;
    const mid = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.g === 2) rankSum2 += mid;
    const t = j - i;
    tieTerm += t ** 3 - t;
    i = j;
  }
  const u = rankSum2 - (n2 * (n2 + 1)) / 2;
  const n = n1 + n2;
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(variance > 0)) return { u, pairs: n1 * n2, pLater: 1, pEarlier: 1 };
  // Continuity correction of ½ towards the mean.
  const sd = Math.sqrt(variance);
  return {
    u,
    pairs: n1 * n2,
    pLater: standardNormalCdf(-(u - mean - 0.5) / sd),
    pEarlier: standardNormalCdf((u - mean + 0.5) / sd),
  };
}
