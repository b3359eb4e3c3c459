// Which phase is global for a run's own data under each regulariser reading (REPRODUCE.md, "Global under the
// reading"): the per-mode landscape of the analytic core (Eqs. 1, 2; the equal-loss point β*) at the singular values
// the run's training sample poses, not the full-rank branch the escape rule descends to.
import { CONVENTIONS, describeLandscape, float64, type Convention } from '../../analytic/index.ts';
import { makeTaskData } from '../../data/index.ts';
import { datasetMoments, sampleSpectrum } from '../../engine/index.ts';
import { PROTOCOLS, isProtocolName } from '../../protocols/index.ts';
import type { RunRecord } from '../../experiments/index.ts';

export { CONVENTIONS, type Convention };

const SAMPLE_ETAS = new Map<string, number[]>();

/**
 * The singular values of Σ̂yx Σ̂xx^{-1/2} of the run's training sample, descending: the task its data pose once the
 * input covariance is made I, the aligned case in which the loss decouples into Eq. 1's modes (Section 2.1).
 */
export function sampleEtas(r: RunRecord): number[] {
  if (!isProtocolName(r.protocol)) throw new RangeError(`run of unknown protocol '${r.protocol}': no data to read its singular values from`);
  const key = `${r.protocol}:${r.settings.dataSeed}`;
  const known = SAMPLE_ETAS.get(key);
  if (known !== undefined) return known;
  const p = PROTOCOLS[r.protocol];
  const { train } = makeTaskData(p.teacher, p.data, r.settings.dataSeed);
  const etas = sampleSpectrum(datasetMoments(train, false)).whitened;
  SAMPLE_ETAS.set(key, etas);
  return etas;
}

/** The global minimum's rank at (η, β, L): the modes whose non-zero minimum has a lower loss than λ = 0 (β < β*). */
export function globalRankAt(etas: readonly number[], beta: number, depth: number, convention: Convention): number {
  return etas.filter((eta) => eta > 0 && describeLandscape(float64, { eta, beta, depth, convention }).globalPhase === 'nonzero').length;
}

/** The global minimum's rank for the run's own data at its β and depth under the reading. */
export function globalRankOf(r: RunRecord, convention: Convention): number {
  const etas = sampleEtas(r);
  const depth = PROTOCOLS[r.protocol as keyof typeof PROTOCOLS].network.widths.length - 1;
  return globalRankAt(etas, r.settings.beta, depth, convention);
}

/** The global minimum's rank at the protocol's population singular values (the paper's η), β and depth. */
export function populationGlobalRank(protocol: keyof typeof PROTOCOLS, convention: Convention): number {
  const p = PROTOCOLS[protocol];
  return globalRankAt(p.teacher.singularValues, p.beta, p.network.widths.length - 1, convention);
}
