import type { TopLevelSpec } from 'vega-lite';
import type { PhaseDiagramRecord, SweepDirection } from '../../experiments/index.ts';
import type { EvidenceFigure } from '../verdict.ts';
import {
  BETA_TITLE,
  INDEPENDENT_LEGENDS,
  NEUTRAL_COLOR,
  PAPER_COLOR,
  PLOT_WIDTH,
  SERIES_COLORS,
  STROKE_DASH,
  categorical,
  dashChannel,
  figureBase,
  quantitative,
  type Layer,
} from '../chart/chart-style.ts';
import { formatNumber } from '../../text/index.ts';

// Fig. 3 (Appendix B) from the audit's sweeps: test MSE and effective rank against β for the up sweep, the
// plain down sweep and the perturbed down sweep; one faint line per data seed, the median over seeds bold; the
// paper's printed βc and Eq. 3's population βc as vertical rules.

export const PHASE_SWEEP_FIGURE_ID = 'fig-3-phase-diagram';

const DIRECTIONS: readonly SweepDirection[] = ['up', 'down', 'down-perturbed'];
const DIRECTION_NAMES: Readonly<Record<SweepDirection, string>> = {
  up: 'up from β = 0 (App. A)',
  down: 'down (App. B)',
  'down-perturbed': 'down + kick (ours)',
};
const NAMES = DIRECTIONS.map((d) => DIRECTION_NAMES[d]);
const DIRECTION_COLORS = [SERIES_COLORS[0], '#ff7f0e', SERIES_COLORS[1]];
const DIRECTION_DASH = [STROKE_DASH.solid, STROKE_DASH.dashed, STROKE_DASH.dotted];
const SWEEP_LEGEND = 'sweep';
/** The up sweep's median is drawn wider, so the perturbed down sweep's dotted median stays visible on top of it. */
const UP_MEDIAN_WIDTH = 4;
const MEDIAN_WIDTH = 2.5;

/** A printed βc and the η it belongs to. */
export interface PrintedCritical {
  eta: number;
  printed: string;
}

interface Row {
  seed: number;
  sweep: string;
  beta: number;
  testMse: number;
  rank: number;
}

function rows(records: readonly PhaseDiagramRecord[]): Row[] {
  return records.flatMap((r) =>
    r.sweeps.flatMap((s) => s.points.map((p) => ({ seed: r.dataSeed, sweep: DIRECTION_NAMES[s.direction], beta: p.beta, testMse: p.testMse, rank: p.effectiveRank }))),
  );
}

/** The lower median (an observed value, so a median rank is a rank). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/** The (lower) median over data seeds at each (sweep, β). */
export function medianRows(all: readonly Row[]): Omit<Row, 'seed'>[] {
  const groups = new Map<string, Row[]>();
  for (const row of all) {
    const key = `${row.sweep}|${row.beta}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((g) => ({
    sweep: g[0]!.sweep,
    beta: g[0]!.beta,
    testMse: median(g.map((r) => r.testMse)),
    rank: median(g.map((r) => r.rank)),
  }));
}

function markRules(printed: readonly PrintedCritical[], population: readonly number[]) {
  const paper = `paper: ${printed.map((p) => p.printed).join(', ')}`;
  const theory = `Eq. 3, population: ${population.map((b) => formatNumber(b, 3)).join(', ')}`;
  const what = [paper, theory];
  return {
    values: [...printed.map((p) => ({ beta: Number(p.printed), what: paper })), ...population.map((beta) => ({ beta, what: theory }))],
    color: categorical('what', 'βc', what, [PAPER_COLOR, NEUTRAL_COLOR]),
    strokeDash: categorical('what', 'βc', what, [STROKE_DASH.dashDot, STROKE_DASH.dashed]),
  };
}

function panel(field: 'testMse' | 'rank', title: string, data: Row[], medians: Omit<Row, 'seed'>[], rules: ReturnType<typeof markRules>, end: number, legend: boolean) {
  const x = quantitative('beta', BETA_TITLE, { domain: [0, end] });
  const y = quantitative(field, title, field === 'rank' ? { zero: true } : {});
  const color = categorical('sweep', legend ? SWEEP_LEGEND : null, NAMES, DIRECTION_COLORS);
  const layers: Layer[] = [
    {
      // Per data seed, the up and plain down sweeps only: the perturbed down sweep retraces the up sweep's lines.
      data: { values: data.filter((r) => r.sweep !== DIRECTION_NAMES['down-perturbed']) },
      mark: { type: 'line', strokeWidth: 1, opacity: 0.15, interpolate: field === 'rank' ? 'step-after' : 'linear' },
      encoding: { x, y, color: { ...color, legend: null }, detail: { field: 'seed', type: 'nominal' } },
    },
    ...[true, false].map(
      (isUp): Layer => ({
        data: { values: medians.filter((r) => (r.sweep === DIRECTION_NAMES.up) === isUp) },
        mark: { type: 'line', strokeWidth: isUp ? UP_MEDIAN_WIDTH : MEDIAN_WIDTH, interpolate: field === 'rank' ? 'step-after' : 'linear' },
        encoding: {
          x,
          y,
          color: isUp ? color : { ...color, legend: null },
          strokeDash: legend && isUp ? dashChannel('sweep', SWEEP_LEGEND, NAMES, DIRECTION_DASH) : categorical('sweep', null, NAMES, DIRECTION_DASH),
        },
      }),
    ),
    {
      data: { values: rules.values },
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x, color: legend ? rules.color : { ...rules.color, legend: null }, strokeDash: legend ? rules.strokeDash : { ...rules.strokeDash, legend: null } },
    },
  ];
  return { width: PLOT_WIDTH, height: field === 'rank' ? 120 : 240, layer: layers, resolve: INDEPENDENT_LEGENDS };
}

export function phaseSweepSpec(records: readonly PhaseDiagramRecord[], printed: readonly PrintedCritical[]): TopLevelSpec {
  const data = rows(records);
  const medians = medianRows(data);
  const rules = markRules(printed, records[0]?.criticalBeta.population ?? []);
  const end = Math.max(...data.map((r) => r.beta));
  return {
    ...figureBase(`Fig. 3 from quasi-static sweeps: ${records.length} data seeds`),
    vconcat: [panel('testMse', 'test MSE', data, medians, rules, end, false), panel('rank', 'effective rank', data, medians, rules, end, true)],
  } as TopLevelSpec;
}

function caption(records: readonly PhaseDiagramRecord[], printed: readonly PrintedCritical[]): string {
  return (
    `Test MSE (top) and effective rank of the end-to-end map (bottom) after re-training to convergence at each β, for the sweep up ` +
    `from β = 0 (blue), the plain sweep down (orange) and the sweep down with a relearnable perturbation (a kick N(0, 1/10) on every ` +
    `weight) before each β (green, dotted); faint: each of ${records.length} data seeds (up and plain down), bold: the median over them. Red dash-dot: the paper's printed βc ` +
    `(${printed.map((p) => p.printed).join(', ')}); grey dashed: Eq. 3 on the population η (the Eq. 2 reading). The plain down sweep stays at rank 0.`
  );
}

export function phaseSweepFigure(records: readonly PhaseDiagramRecord[], printed: readonly PrintedCritical[]): EvidenceFigure {
  return {
    id: PHASE_SWEEP_FIGURE_ID,
    title: 'Phase diagram from the audit’s sweeps (Fig. 3)',
    caption: caption(records, printed),
    spec: phaseSweepSpec(records, printed),
  };
}
