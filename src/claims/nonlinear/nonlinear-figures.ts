import type { TopLevelSpec } from 'vega-lite';
import type { NonlinearActivationResult } from '../../experiments/index.ts';
import type { EvidenceFigure } from '../verdict.ts';
import { BETA_TITLE, INDEPENDENT_LEGENDS, SERIES_COLORS, STROKE_DASH, categorical, dashChannel, figureFrame, quantitative } from '../chart/chart-style.ts';

/** Singular values below this are drawn on it: a lost mode decays to 1e-15…1e-40, which a log axis cannot show usefully. */
export const SWEEP_FLOOR = 1e-12;

/** Response singular values σ1, σ2 against β, up (solid) and down (dashed): one loop per mode where there is hysteresis. */
export function nonlinearSweepFigure(result: NonlinearActivationResult, dataSeed: number): EvidenceFigure {
  const modes = ['σ1 (strong mode)', 'σ2 (weak mode)'];
  const directions = ['up', 'down (relearn kick)'];
  const rows = (['up', 'down'] as const).flatMap((dir, d) =>
    result.sweeps[dir].flatMap((p) =>
      modes.map((mode, k) => ({ beta: p.beta, sigma: Math.max(SWEEP_FLOOR, p.response[k] ?? 0), mode, direction: directions[d]!, converged: p.converged ? 'yes' : 'no' })),
    ),
  );
  const spec: TopLevelSpec = {
    ...figureFrame(`${result.activation} network: response singular values along the β sweeps`),
    layer: [
      {
        data: { values: rows },
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          x: quantitative('beta', BETA_TITLE),
          y: quantitative('sigma', `response singular value (floored at ${SWEEP_FLOOR})`, { type: 'log' }),
          color: categorical('mode', 'mode', modes, SERIES_COLORS.slice(0, 2)),
          strokeDash: dashChannel('direction', 'sweep', directions, [STROKE_DASH.solid, STROKE_DASH.dashed]),
          detail: { field: 'direction', type: 'nominal' },
          tooltip: [{ field: 'beta' }, { field: 'sigma' }, { field: 'mode' }, { field: 'direction' }, { field: 'converged' }],
        },
      },
    ],
    resolve: INDEPENDENT_LEGENDS,
  };
  return {
    id: `nonlinear-sweep-${result.activation}`,
    title: `${result.activation} network (2→10→10→2): quasi-static β sweeps`,
    caption:
      `Singular values of the response matrix (1/N)Σ(f(x) − f̄)xᵀ of the ${result.activation} network on data seed ${dataSeed}, after full-batch descent at each β ` +
      `(grid step ${result.gridStep}); solid: up from β = 0, dashed: down from the top with a relearn kick before each β. A mode lost on the way up and regained only lower on the way down is a hysteresis loop.`,
    spec,
  };
}
