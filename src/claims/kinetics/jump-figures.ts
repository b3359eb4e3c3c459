import type { TopLevelSpec } from 'vega-lite';
import type { JumpPoint } from '../../experiments/index.ts';
import { fitExponential } from '../../stats/index.ts';
import { INDEPENDENT_LEGENDS, NEUTRAL_COLOR, SERIES_COLORS, categorical, figureFrame, quantitative } from '../chart/chart-style.ts';

const COLORS = [...SERIES_COLORS, '#ff7f0e', '#8c564b', '#17becf'] as const;
const ESTIMATE = 'mean fall time (censored MLE)';
const BOUND = 'lower bound: no run fell';

export interface JumpSeries {
  readonly label: string;
  readonly points: readonly JumpPoint[];
  readonly line: { readonly intercept: number; readonly slope: number } | null;
}

/** ln τ̂ per setting against B/ηlr, and each group's censored-likelihood line over its own settings. */
export function jumpArrheniusSpec(series: readonly JumpSeries[], budget: number): TopLevelSpec {
  const labels = series.map((s) => s.label);
  const colours = labels.map((_, i) => COLORS[i % COLORS.length]!);
  const rows = series.flatMap((s) =>
    s.points.map((pt) => {
      const fit = fitExponential(pt.runs, 0.05);
      const escaped = fit.escapes > 0;
      return { x: pt.x, lnTau: Math.log(escaped ? fit.meanTime! : fit.interval.lower), series: s.label, kind: escaped ? ESTIMATE : BOUND, detail: `ηlr = ${pt.lr}: ${fit.escapes}/${pt.runs.length} fell` };
    }),
  );
  const lines = series.flatMap((s) => {
    if (s.line === null) return [];
    const xs = s.points.map((pt) => pt.x);
    return [Math.min(...xs), Math.max(...xs)].map((x) => ({ x, lnTau: s.line!.intercept + s.line!.slope * x, series: s.label }));
  });
  const x = quantitative('x', 'B/ηlr');
  const y = quantitative('lnTau', 'ln τ (τ in epochs)');
  return {
    ...figureFrame('Downward jumps rank 2 → rank 1: Arrhenius plot'),
    resolve: INDEPENDENT_LEGENDS,
    layer: [
      { data: { values: [{ lnTau: Math.log(budget) }] }, mark: { type: 'rule', color: NEUTRAL_COLOR, strokeDash: [4, 4] }, encoding: { y } },
      { data: { values: lines }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y, color: categorical('series', null, labels, colours), detail: { field: 'series' } } },
      {
        data: { values: rows },
        mark: { type: 'point', filled: true, size: 90 },
        encoding: { x, y, color: categorical('series', 'group', labels, colours), shape: categorical('kind', 'point', [ESTIMATE, BOUND], ['circle', 'triangle-up']), tooltip: { field: 'detail' } },
      },
    ],
  } as TopLevelSpec;
}
