import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_CONVENTION, describeLandscape, float64, type Convention } from '../../analytic/index.ts';
import {
  BETA_TITLE,
  INDEPENDENT_LEGENDS,
  PAPER_COLOR,
  PLOT_WIDTH,
  SERIES_COLORS,
  STROKE_DASH,
  categorical,
  dashChannel,
  conventionNote,
  figureBase,
  quantitative,
} from '../chart/chart-style.ts';
import type { FigureDefinition, FigureOptions } from '../chart/figure.ts';
import { PAPER_DEPTH, PAPER_ETAS, modeCritical, modeLabel } from '../chart/modes.ts';
import { PAPER_CRITICAL_BETA } from '../chart/paper-values.ts';
import { formatNumber } from '../../text/index.ts';

// Sec. 4.1, prediction 2: "deeper networks produce higher barriers … since βc decreases with L while β*
// remains finite". Top: βc (Eq. 3) and β* against depth; bottom: the barrier ΔE out of λ = 0 (Eq. 10).
export const DEPTHS = [2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
/** Where the second barrier series is read: this fraction of βc, inside every hysteresis window shown. */
export const BARRIER_FRACTION_OF_BETA_C = 0.9;

const DEPTH_TITLE = 'L (depth, number of layers)';
const PANEL_HEIGHT = 220;
const LOCATIONS = ['βc (Eq. 3)', 'β* (equal loss)'] as const;
const BARRIER_SITES = ['at β = β*', `at β = ${BARRIER_FRACTION_OF_BETA_C}·βc`] as const;

const depthAxis = (field: string) => ({ ...quantitative(field, DEPTH_TITLE, { domain: [2, 10] }), axis: { tickMinStep: 1 } });

export interface DepthRow {
  depth: number;
  mode: string;
  betaC: number;
  betaStar: number;
  /** ΔE = Loss(λsad) − Loss(0) at β = β* and at the fixed fraction of βc; null at L = 2, which has no saddle. */
  barrierAtBetaStar: number | null;
  barrierAtFraction: number | null;
}

export function depthRows(convention: Convention): DepthRow[] {
  return PAPER_ETAS.flatMap((eta) =>
    DEPTHS.map((depth) => {
      const { betaC, betaStar } = modeCritical(eta, depth, convention);
      const barrierAt = (beta: number) => describeLandscape(float64, { eta, beta, depth, convention }).barrier;
      return {
        depth,
        mode: modeLabel(eta),
        betaC,
        betaStar,
        barrierAtBetaStar: barrierAt(betaStar),
        barrierAtFraction: barrierAt(BARRIER_FRACTION_OF_BETA_C * betaC),
      };
    }),
  );
}

function modeColors() {
  return categorical('mode', 'mode', PAPER_ETAS.map(modeLabel), [SERIES_COLORS[0], SERIES_COLORS[1]]);
}

export function criticalVsDepthSpec(options: FigureOptions = {}): TopLevelSpec {
  const convention = options.convention ?? DEFAULT_CONVENTION;
  const rows = depthRows(convention);
  const [betaC, betaStar] = LOCATIONS;
  const [atStar, atFraction] = BARRIER_SITES;
  const locations = rows.flatMap((r) => [
    { depth: r.depth, mode: r.mode, beta: r.betaC, location: betaC },
    { depth: r.depth, mode: r.mode, beta: r.betaStar, location: betaStar },
  ]);
  const barriers = rows.flatMap((r) => [
    ...(r.barrierAtBetaStar === null ? [] : [{ depth: r.depth, mode: r.mode, barrier: r.barrierAtBetaStar, site: atStar }]),
    ...(r.barrierAtFraction === null ? [] : [{ depth: r.depth, mode: r.mode, barrier: r.barrierAtFraction, site: atFraction }]),
  ]);
  const betaAxis = (field: string) => quantitative(field, BETA_TITLE, { zero: true });
  return {
    ...figureBase(`Sec. 4.1: βc, β* and barrier against depth (${convention})`),
    vconcat: [
      {
        width: PLOT_WIDTH,
        height: PANEL_HEIGHT,
        layer: [
          {
            name: 'beta-locations',
            data: { values: locations },
            mark: { type: 'line', point: true, strokeWidth: 2 },
            encoding: {
              x: depthAxis('depth'),
              y: betaAxis('beta'),
              color: modeColors(),
              strokeDash: dashChannel('location', 'β-location', LOCATIONS, [STROKE_DASH.solid, STROKE_DASH.dotted]),
            },
          },
          {
            name: 'paper-beta-c',
            data: {
              values: PAPER_CRITICAL_BETA.map((p) => ({ depth: PAPER_DEPTH, beta: p.betaC.value, source: 'paper βc (L = 3)' })),
            },
            mark: { type: 'point', shape: 'diamond', filled: true, size: 120, opacity: 1 },
            encoding: {
              x: depthAxis('depth'),
              y: betaAxis('beta'),
              color: categorical('source', 'paper', ['paper βc (L = 3)'], [PAPER_COLOR]),
            },
          },
        ],
        resolve: INDEPENDENT_LEGENDS,
      },
      {
        width: PLOT_WIDTH,
        height: PANEL_HEIGHT,
        name: 'barriers',
        data: { values: barriers },
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          x: depthAxis('depth'),
          y: quantitative('barrier', 'ΔE = Loss(λsad) − Loss(0) (log scale)', { type: 'log' }),
          color: { ...modeColors(), legend: null },
          strokeDash: dashChannel('site', 'barrier read', BARRIER_SITES, [STROKE_DASH.solid, STROKE_DASH.dashed]),
        },
      },
    ],
    resolve: INDEPENDENT_LEGENDS,
  };
}

function caption(convention: Convention): string {
  const rows = depthRows(convention);
  const trend = PAPER_ETAS.map((eta) => {
    const at = (depth: number) => rows.find((r) => r.mode === modeLabel(eta) && r.depth === depth);
    const [from, to] = [at(3), at(DEPTHS[DEPTHS.length - 1] ?? 10)];
    if (!from || !to) return '';
    const barrier = (r: DepthRow) => formatNumber(r.barrierAtBetaStar ?? Number.NaN, 3);
    return (
      `${modeLabel(eta)}: from L = 3 to L = ${to.depth}, βc goes ${formatNumber(from.betaC, 3)} → ${formatNumber(to.betaC, 3)}, ` +
      `β* ${formatNumber(from.betaStar, 3)} → ${formatNumber(to.betaStar, 3)}, ΔE at β* ${barrier(from)} → ${barrier(to)}`
    );
  }).join('; ');
  return (
    `Top (linear y): each mode's βc and β* against depth L = ${DEPTHS[0]}…${DEPTHS[DEPTHS.length - 1]} (at L = 2 they coincide: ` +
    `no hysteresis); red diamonds: the paper's printed βc at L = 3. Bottom (log y): the barrier out of λ = 0 at β = β* and at ` +
    `β = ${BARRIER_FRACTION_OF_BETA_C}·βc (L = 2 has no saddle, so no barrier). ${trend}. Barriers read at a fixed place in the ` +
    `window do not depend on the convention, which only rescales β. ${conventionNote(convention)}`
  );
}

export const criticalVsDepthFigure: FigureDefinition = {
  id: 'critical-vs-depth',
  title: 'Critical β and barrier height against depth (Sec. 4.1, prediction 2)',
  spec: criticalVsDepthSpec,
  caption,
};
