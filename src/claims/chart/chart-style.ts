import type { Config, TopLevelSpec } from 'vega-lite';
import type { Convention } from '../../analytic/index.ts';

// The look every analytic figure shares: size, fonts, axis and legend style, the "paper" mark style.

/** One layer of a layered vega-lite spec. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

export const PLOT_WIDTH = 520;
export const PLOT_HEIGHT = 320;
/** The paper's printed values are drawn in this colour, always with the word "paper" beside them. */
export const PAPER_COLOR = '#d62728';
/** Colours of the two modes η1 = 0.9 and η2 = 0.8 (and a third series where a figure needs one). */
export const SERIES_COLORS = ['#1f77b4', '#2ca02c', '#9467bd'] as const;
export const NEUTRAL_COLOR = '#444444';

export const STROKE_DASH = {
  solid: [1, 0],
  dashed: [7, 4],
  dotted: [2, 3],
  dashDot: [9, 3, 2, 3],
} as const;

const FIGURE_CONFIG: Config = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  title: { fontSize: 14, anchor: 'start', offset: 10 },
  axis: { titleFontSize: 14, labelFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6', tickCount: 8 },
  legend: {
    titleFontSize: 13,
    labelFontSize: 12,
    titleFontWeight: 'normal',
    orient: 'bottom',
    direction: 'horizontal',
    columns: 1,
    symbolSize: 180,
    symbolStrokeWidth: 2,
  },
  text: { fontSize: 12 },
  view: { stroke: '#999999' },
};

/** Layers whose scales (and so legends) stay apart: one legend per layer, never two for one layer's field. */
export const INDEPENDENT_LEGENDS = {
  scale: { color: 'independent', shape: 'independent', strokeDash: 'independent' },
} as const;

/** The top-level fields every figure starts from; a figure of stacked panels sizes each panel itself. */
export function figureBase(title: string) {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title,
    background: 'white',
    padding: 12,
    config: FIGURE_CONFIG,
  } as const;
}

/** The top-level fields of a single-panel figure. */
export function figureFrame(title: string, height = PLOT_HEIGHT) {
  return { ...figureBase(title), width: PLOT_WIDTH, height } as const;
}

export interface AxisOptions {
  domain?: [number, number];
  type?: 'linear' | 'log';
  zero?: boolean;
}

/** A quantitative position channel with its axis title; every layer of a figure uses the same one. */
export function quantitative(field: string, title: string, axis: AxisOptions = {}) {
  return {
    field,
    type: 'quantitative',
    title,
    scale: {
      ...(axis.domain ? { domain: axis.domain, nice: false } : {}),
      // A log scale has no zero to include.
      ...(axis.type === 'log' ? { type: 'log' as const } : { type: 'linear' as const, zero: axis.zero ?? false }),
    },
  } as const;
}

/** A nominal channel with a fixed domain → range mapping and its legend title (null: no legend). */
export function categorical<R>(field: string, title: string | null, domain: readonly string[], range: readonly R[]) {
  return {
    field,
    type: 'nominal',
    scale: { domain: [...domain], range: [...range] },
    ...(title === null ? { legend: null } : { title }),
  } as const;
}

/** A line-style channel whose legend shows the dash itself, even on lines drawn with points. */
export function dashChannel(field: string, title: string, domain: readonly string[], range: readonly (readonly number[])[]) {
  return { ...categorical(field, title, domain, range), legend: {
      symbolType: 'stroke',
      // Lines drawn with points give their legend symbols a fill and no stroke: give the dash a colour.
      encode: { symbols: { update: { stroke: { value: '#333333' }, fill: { value: 'transparent' } } } },
    },
  } as const;
}

export const BETA_TITLE = 'β (regularisation strength)';
export const LAMBDA_TITLE = 'λ (end-to-end singular value)';

/** The sentence every caption carries about the regulariser reading. */
export function conventionNote(convention: Convention): string {
  return convention === 'eq2'
    ? 'The Eq. 2 reading: regulariser (Lβ/2)·λ^{2/L}, the one Eqs. 2, 3 and 10 follow from.'
    : 'The Eq. 1 reading: regulariser (β/2)·λ^{2/L} as Eq. 1 prints it; every β-location is L times its value under the Eq. 2 reading.';
}

