import type { TopLevelSpec } from 'vega-lite';
import { formatNumber } from '../../text/index.ts';

/** A point of an Arrhenius plot: ln τ̂ at 1/T (or a lower bound where nothing escaped). */
export interface ControlPlotPoint {
  readonly series: string;
  readonly inverseT: number;
  readonly lnTau: number;
  readonly kind: 'measured' | 'bound' | 'line';
}

/** ln τ against 1/T: measured points, and lines (fits, Kramers, exact first passage) as points joined per series. */
export function controlArrheniusSpec(rows: readonly ControlPlotPoint[], timeUnit: string): TopLevelSpec {
  const x = { field: 'inverseT', type: 'quantitative', title: '1/T', scale: { zero: false } } as const;
  const y = { field: 'lnTau', type: 'quantitative', title: `ln τ (τ in ${timeUnit})`, scale: { zero: false } } as const;
  const color = { field: 'series', type: 'nominal', title: null } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 420,
    height: 280,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      { transform: [{ filter: "datum.kind === 'line'" }], mark: { type: 'line' }, encoding: { x, y, color } },
      { transform: [{ filter: "datum.kind === 'measured'" }], mark: { type: 'point', filled: true, size: 50 }, encoding: { x, y, color } },
      { transform: [{ filter: "datum.kind === 'bound'" }], mark: { type: 'point', shape: 'triangle-up', size: 60 }, encoding: { x, y, color } },
    ],
  } as TopLevelSpec;
}

/** τ̂ with its interval against depth at one temperature (log scale). */
export function tauVersusDepthSpec(rows: readonly { depth: number; tau: number | null; lower: number; upper: number }[], temperature: number): TopLevelSpec {
  const x = { field: 'depth', type: 'ordinal', title: 'depth L' } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 300,
    height: 260,
    title: `T = ${formatNumber(temperature)}`,
    data: { values: rows.map((r) => ({ ...r, upper: Number.isFinite(r.upper) ? r.upper : null })) },
    layer: [
      { mark: 'rule', encoding: { x, y: { field: 'lower', type: 'quantitative', scale: { type: 'log' }, title: 'τ (epochs)' }, y2: { field: 'upper' } } },
      { mark: { type: 'point', filled: true, size: 60 }, encoding: { x, y: { field: 'tau', type: 'quantitative' } } },
    ],
  } as TopLevelSpec;
}
