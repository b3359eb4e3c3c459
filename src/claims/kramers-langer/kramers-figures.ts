import type { TopLevelSpec } from 'vega-lite';
import type { KramersLangerReport } from '../../experiments/index.ts';
import { INDEPENDENT_LEGENDS, NEUTRAL_COLOR, SERIES_COLORS, categorical, figureFrame, quantitative } from '../chart/chart-style.ts';

const TRAPPED = 'trapped rank-1 minimum';
const SADDLE = 'saddle to rank 2';

/** Appendix F: the Hessian spectra of the regularised loss at the trapped minimum and at the saddle, in order. */
export function hessianSpectraSpec(report: KramersLangerReport): TopLevelSpec {
  const rows = [
    ...report.population.trapped.spectrum.map((omega, i) => ({ index: i + 1, omega, point: TRAPPED })),
    ...report.population.saddle.spectrum.map((omega, i) => ({ index: i + 1, omega, point: SADDLE })),
  ];
  const beta = report.settings.beta;
  return {
    ...figureFrame(`Hessian spectra at β = ${beta} (population moments, D = ${report.settings.parameterCount})`),
    resolve: INDEPENDENT_LEGENDS,
    layer: [
      {
        data: { values: [{ omega: beta, label: `β = ${beta} (weight decay only)` }, { omega: 2 * beta, label: `2β` }, { omega: 0, label: 'zero modes (symmetries)' }] },
        mark: { type: 'rule', color: NEUTRAL_COLOR, strokeDash: [3, 3] },
        encoding: { y: quantitative('omega', 'Hessian eigenvalue ω') },
      },
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 28 },
        encoding: {
          x: quantitative('index', 'eigenvalue index (ascending)'),
          y: quantitative('omega', 'Hessian eigenvalue ω'),
          color: categorical('point', 'critical point', [TRAPPED, SADDLE], [SERIES_COLORS[0], SERIES_COLORS[1]]),
        },
      },
    ],
  } as TopLevelSpec;
}

const SHARES = ['off the rank-1 invariant set', 'unstable direction, off-set part', 'weak mode’s own weights'] as const;

/** Issue-5 diagnostic (a): how much of the per-sample gradient noise can leave the trap, against the weak-mode residue ε. */
export function noiseDirectionSpec(report: KramersLangerReport): TopLevelSpec {
  const rows = report.noise.atTrappedSample
    .filter((n) => n.epsilon > 0)
    .flatMap((n) => [
      { epsilon: n.epsilon, share: n.ratioOffInvariantSet, kind: SHARES[0] },
      { epsilon: n.epsilon, share: n.ratioUnstableOffInvariantSet, kind: SHARES[1] },
      { epsilon: n.epsilon, share: n.ratioWeakChain, kind: SHARES[2] },
    ])
    .filter((r) => r.share > 0);
  return {
    ...figureFrame('Share of SGD gradient noise that can leave the rank-1 trap'),
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', point: { filled: true, size: 60 }, strokeWidth: 2 },
        encoding: {
          x: quantitative('epsilon', 'weak-mode component ε on every layer', { type: 'log' }),
          y: quantitative('share', 'share of tr C (per-sample gradient covariance)', { type: 'log' }),
          color: categorical('kind', 'direction', [...SHARES], [SERIES_COLORS[0], SERIES_COLORS[1], SERIES_COLORS[2]]),
        },
      },
    ],
  } as TopLevelSpec;
}
