import { describe, expect, it } from 'vitest';
import { makeTaskData } from '../../src/data/index.ts';
import { sparseBestFits } from '../../src/experiments/trapping.ts';
import { protocolVariant } from '../../src/protocols/index.ts';

/** Train MSE of the least-squares map W = Ŝyx Ŝxx⁻¹ (2×2), summed over the samples directly (no moments). */
function leastSquaresTrainMse(dataSeed: number): number {
  const p = protocolVariant('sparse', 'full');
  const { x, y, count } = makeTaskData(p.teacher, p.data, dataSeed).train;
  const sxx = [0, 0, 0, 0];
  const syx = [0, 0, 0, 0];
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        sxx[i * 2 + j]! += x[n * 2 + i]! * x[n * 2 + j]!;
        syx[i * 2 + j]! += y[n * 2 + i]! * x[n * 2 + j]!;
      }
    }
  }
  const det = sxx[0]! * sxx[3]! - sxx[1]! * sxx[2]!;
  const inv = [sxx[3]! / det, -sxx[1]! / det, -sxx[2]! / det, sxx[0]! / det];
  const w = [0, 1].flatMap((o) => [0, 1].map((c) => syx[o * 2]! * inv[c]! + syx[o * 2 + 1]! * inv[2 + c]!));
  let sum = 0;
  for (let n = 0; n < count; n++) {
    for (let o = 0; o < 2; o++) sum += (y[n * 2 + o]! - w[o * 2]! * x[n * 2]! - w[o * 2 + 1]! * x[n * 2 + 1]!) ** 2;
  }
  return sum / (count * 2);
}

describe('the sparse runs\' best linear fits', () => {
  it('rank 2 is the least-squares fit of the run\'s own 25 samples, summed directly', () => {
    for (const seed of [42, 43, 57]) expect(sparseBestFits('full', seed).rank2).toBeCloseTo(leastSquaresTrainMse(seed), 12);
  });

  it('the best rank-1 fit leaves more than the rank-2 one, and the fits differ by data set', () => {
    const a = sparseBestFits('full', 43);
    const b = sparseBestFits('full', 44);
    expect(a.rank1).toBeGreaterThan(a.rank2);
    expect(a.rank2).toBeGreaterThan(0);
    expect(a).not.toEqual(b);
  });
});
