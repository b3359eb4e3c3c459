import type { TopLevelSpec } from 'vega-lite';
import type { PhaseDiagramRecord } from '../../experiments/index.ts';
import { BETA_TITLE, NEUTRAL_COLOR, PLOT_WIDTH, STROKE_DASH, categorical, dashChannel, figureBase, quantitative } from '../chart/chart-style.ts';
import { formatNumber } from '../../text/index.ts';

// Prediction 1 with d = 4 features (audit experiments): the staircase of the quasi-static sweeps, the
// learning plateaus from a small initialisation, and the order in which SGLD runs leave the trivial trap.

const MODE_COLORS = ['#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf', '#bcbd22'];

function modeNames(etas: readonly number[]): string[] {
  return etas.map((eta, i) => `mode ${i + 1} (η = ${eta})`);
}

const SWEEP_NAMES = { up: 'up', 'down-perturbed': 'down + kick (ours)', down: 'down (plain)' } as const;

/** σ_k of the end-to-end map against β, up and down, every data seed faint; rules at Eq. 3's βc mapped to network units. */
export function staircaseSpec(records: readonly PhaseDiagramRecord[], etas: readonly number[], mappedPopulation: readonly number[]): TopLevelSpec {
  const names = modeNames(etas);
  const sweeps = Object.values(SWEEP_NAMES);
  const values = records.flatMap((r) =>
    r.sweeps.flatMap((s) =>
      s.points.flatMap((p) => names.map((mode, k) => ({ seed: r.dataSeed, sweep: SWEEP_NAMES[s.direction], mode, beta: p.beta, sigma: p.singularValues[k] ?? 0 }))),
    ),
  );
  const x = quantitative('beta', `${BETA_TITLE}, network units`);
  return {
    ...figureBase(`Staged transitions, d = ${etas.length}: ${records.length} data seeds`),
    width: PLOT_WIDTH,
    height: 300,
    layer: [
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 1.2, opacity: records.length > 3 ? 0.35 : 0.8 },
        encoding: {
          x,
          y: quantitative('sigma', 'σ_k of the end-to-end map', { zero: true }),
          color: categorical('mode', 'mode', names, MODE_COLORS.slice(0, names.length)),
          strokeDash: dashChannel('sweep', 'sweep', sweeps, [STROKE_DASH.solid, STROKE_DASH.dashed, STROKE_DASH.dotted]),
          detail: [{ field: 'seed', type: 'nominal' }, { field: 'sweep', type: 'nominal' }],
        },
      },
      {
        data: { values: mappedPopulation.map((beta) => ({ beta })) },
        mark: { type: 'rule', strokeWidth: 1, color: NEUTRAL_COLOR, strokeDash: STROKE_DASH.dashDot },
        encoding: { x },
      },
    ],
  } as TopLevelSpec;
}

/** σ_k against epoch from a small initialisation, one data seed, one line per (mode, u0). */
export function plateauSpec(rows: readonly { epoch: number; sigma: number; mode: number; initStd: number }[], etas: readonly number[]): TopLevelSpec {
  const names = modeNames(etas);
  const u0s = [...new Set(rows.map((r) => r.initStd))].sort((a, b) => a - b).map((u) => `u0 = ${u}`);
  return {
    ...figureBase('Learning plateaus from a small initialisation'),
    width: PLOT_WIDTH,
    height: 280,
    data: { values: rows.map((r) => ({ epoch: r.epoch, sigma: r.sigma, mode: names[r.mode]!, start: `u0 = ${r.initStd}` })) },
    mark: { type: 'line', strokeWidth: 1.5 },
    encoding: {
      x: quantitative('epoch', 'epoch', { type: 'log' }),
      y: quantitative('sigma', 'σ_k of the end-to-end map', { zero: true }),
      color: categorical('mode', 'mode', names, MODE_COLORS.slice(0, names.length)),
      strokeDash: dashChannel('start', 'initial scale', u0s, [STROKE_DASH.solid, STROKE_DASH.dashed, STROKE_DASH.dotted, STROKE_DASH.dashDot].slice(0, u0s.length)),
    },
  } as TopLevelSpec;
}

/** Per seed (rows) and temperature (panels), the epoch each mode escaped; censored modes drawn at the budget, hollow. */
export function escapeSequenceSpec(
  rows: readonly { temperature: number; seed: number; mode: number; epoch: number; escaped: boolean }[],
  etas: readonly number[],
): TopLevelSpec {
  const names = modeNames(etas);
  const temperatures = [...new Set(rows.map((r) => r.temperature))].sort((a, b) => b - a);
  const panel = (T: number) => ({
    title: `T = ${formatNumber(T, 3)}`,
    width: PLOT_WIDTH,
    height: Math.max(80, 4 * new Set(rows.filter((r) => r.temperature === T).map((r) => r.seed)).size),
    data: { values: rows.filter((r) => r.temperature === T).map((r) => ({ ...r, mode: names[r.mode]!, state: r.escaped ? 'escaped' : 'censored at the budget' })) },
    mark: { type: 'point', size: 30 },
    encoding: {
      x: quantitative('epoch', 'epoch the mode escaped', { type: 'log' }),
      y: { field: 'seed', type: 'ordinal', title: 'noise seed', axis: { labels: false, ticks: false } },
      color: categorical('mode', 'mode', names, MODE_COLORS.slice(0, names.length)),
      shape: categorical('state', 'run', ['escaped', 'censored at the budget'], ['circle', 'triangle-right']),
      opacity: { value: 0.85 },
    },
  });
  return { ...figureBase(`Staged escape from the trivial trap (SGLD), d = ${etas.length}`), vconcat: temperatures.map(panel) } as TopLevelSpec;
}
