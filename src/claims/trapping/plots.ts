import type { TopLevelSpec } from 'vega-lite';
import type { EscapeRun } from '../../stats/index.ts';
import { DEFAULT_ALPHA, kaplanMeier } from '../../stats/index.ts';
import type { FigureId } from '../figure-ids.ts';
import type { EvidenceFigure } from '../verdict.ts';
import type { RunRecord } from '../../experiments/index.ts';
import { PAPER_COLOR, SERIES_COLORS, STROKE_DASH, INDEPENDENT_LEGENDS, categorical, figureFrame, quantitative, type Layer } from '../chart/chart-style.ts';
import type { ProtocolName } from '../../protocols/index.ts';

// Fig. 1 of the paper from our runs: (a) test MSE against epoch for the three initialisation protocols, (b) train
// and test MSE of the sparse experiment; survival curves of the trapped runs; and the checkpoint-sensitivity
// diagnostic. Each curve is the median over seeds with the interquartile band, from the runs' downsampled traces.

const EPOCH_TITLE = 'epoch of the continued run';
const ORANGE = '#ff7f0e';
/** Fig. 1(a)'s colours: random blue, rank-1 trap green, trivial trap orange. */
export const PROTOCOL_COLORS = [SERIES_COLORS[0], SERIES_COLORS[1], ORANGE] as const;

/** The paper's printed escape times, drawn as red dashed rules with their text. */
export interface PaperMark {
  readonly epoch: number;
  readonly text: string;
}

export interface BandRow {
  series: string;
  epoch: number;
  median: number;
  q1: number;
  q3: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Median and quartiles over runs, at each traced epoch, of one traced quantity. */
export function traceBands(series: string, records: readonly RunRecord[], value: (row: { trainMse: number; testMse: number }) => number): BandRow[] {
  const traces = records.map((r) => r.trace ?? []);
  const first = traces[0] ?? [];
  return first.map((row, i) => {
    const values = traces.map((t) => t[i]).filter((x) => x !== undefined).map(value).sort((a, b) => a - b);
    return { series, epoch: row.epoch, median: quantile(values, 0.5), q1: quantile(values, 0.25), q3: quantile(values, 0.75) };
  });
}

/** Red dashed rules at the paper's epochs, those within the plotted budget only (a smoke run's budget is short). */
function paperLayers(all: readonly PaperMark[], x: (f: string) => object, budget: number): Layer[] {
  const marks = all.filter((m) => m.epoch <= budget);
  if (marks.length === 0) return [];
  return [
    { name: 'paper-rules', data: { values: [...marks] }, mark: { type: 'rule', color: PAPER_COLOR, strokeDash: [...STROKE_DASH.dashed], strokeWidth: 1.5 }, encoding: { x: x('epoch') } },
    // One text layer per mark, stacked from the top of the plot so that neighbouring marks do not overlap.
    ...marks.map(
      (mark, i): Layer => ({
        name: `paper-text-${i}`,
        data: { values: [mark] },
        mark: { type: 'text', color: PAPER_COLOR, align: 'left', baseline: 'top', dx: 4, y: 6 + 16 * i },
        encoding: { x: x('epoch'), text: { field: 'text', type: 'nominal' } },
      }),
    ),
  ];
}

function bandLayers(rows: BandRow[], series: readonly string[], colors: readonly string[], x: (f: string) => object, y: (f: string) => object, legend: string): Layer[] {
  return [
    { name: 'iqr', data: { values: rows }, mark: { type: 'area', opacity: 0.2 }, encoding: { x: x('epoch'), y: y('q1'), y2: { field: 'q3' }, color: categorical('series', null, series, colors) } },
    { name: 'median', data: { values: rows }, mark: { type: 'line', strokeWidth: 2 }, encoding: { x: x('epoch'), y: y('median'), color: categorical('series', legend, series, colors) } },
  ];
}

function figure(id: FigureId, title: string, caption: string, spec: TopLevelSpec): EvidenceFigure {
  return { id, title, caption, spec };
}

export interface ProtocolTraces {
  readonly label: string;
  readonly records: RunRecord[];
  /** Escape epochs of the trapped runs (for the tick marks). */
  readonly escapes: number[];
}

/** Fig. 1(a): test MSE against epoch, median and interquartile band per protocol, escape epochs as ticks. */
export function fig1aFigure(protocols: readonly ProtocolTraces[], marks: readonly PaperMark[], budget: number, caption: string): EvidenceFigure {
  const series = protocols.map((p) => p.label);
  const rows = protocols.flatMap((p) => traceBands(p.label, p.records, (r) => r.testMse));
  const x = (f: string) => quantitative(f, EPOCH_TITLE, { domain: [0, budget] });
  const y = (f: string) => quantitative(f, 'test MSE (median, IQR band over seeds)');
  const ticks = protocols.flatMap((p) => p.escapes.map((epoch) => ({ series: p.label, epoch })));
  const spec: TopLevelSpec = {
    ...figureFrame('Fig. 1(a) from our runs: test MSE at β = 0.32, lr 0.08, B = 64 (per-seed data)'),
    layer: [
      ...bandLayers(rows, series, PROTOCOL_COLORS, x, y, 'protocol'),
      { name: 'escapes', data: { values: ticks }, mark: { type: 'tick', orient: 'vertical', thickness: 1.5, yOffset: 0 }, encoding: { x: x('epoch'), color: categorical('series', null, series, PROTOCOL_COLORS) } },
      ...paperLayers(marks, x, budget),
    ],
    resolve: INDEPENDENT_LEGENDS,
  };
  return figure('fig-1a-trapping', 'Fig. 1(a): test MSE of the three initialisation protocols', caption, spec);
}

export interface SurvivalSeries {
  readonly label: string;
  /** Series of one group share a colour; the second of a group (e.g. fixed data) is dashed. */
  readonly group: string;
  readonly dashed: boolean;
  readonly runs: EscapeRun[];
  readonly budget: number;
}

/** Kaplan–Meier step curves, every series carried flat to its follow-up (censored runs are never dropped). */
export function survivalRows(series: readonly SurvivalSeries[]): { series: string; epoch: number; survival: number }[] {
  return series.flatMap((s) => {
    if (s.runs.length === 0) return [];
    const km = kaplanMeier(s.runs, DEFAULT_ALPHA);
    const rows = [{ series: s.label, epoch: 0, survival: 1 }];
    for (const step of km.steps) rows.push({ series: s.label, epoch: step.time, survival: step.survival });
    rows.push({ series: s.label, epoch: Math.max(s.budget, km.followUp), survival: km.steps.at(-1)?.survival ?? 1 });
    return rows;
  });
}

export function survivalFigure(id: FigureId, title: string, series: readonly SurvivalSeries[], marks: readonly PaperMark[], caption: string): EvidenceFigure {
  const budget = Math.max(...series.map((s) => s.budget));
  const labels = series.map((s) => s.label);
  const groups = [...new Set(series.map((s) => s.group))];
  const colors = series.map((s) => PROTOCOL_COLORS[groups.indexOf(s.group) % PROTOCOL_COLORS.length]!);
  const dashes = series.map((s) => (s.dashed ? [...STROKE_DASH.dashed] : [...STROKE_DASH.solid]));
  const x = (f: string) => quantitative(f, 'epoch', { domain: [0, budget] });
  const spec: TopLevelSpec = {
    ...figureFrame(title),
    layer: [
      {
        name: 'km',
        data: { values: survivalRows(series) },
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: {
          x: x('epoch'),
          y: quantitative('survival', 'fraction of trapped runs not yet escaped (Kaplan–Meier)', { domain: [0, 1.02] }),
          color: categorical('series', 'runs (trapped/all)', labels, colors),
          strokeDash: categorical('series', 'runs (trapped/all)', labels, dashes),
        },
      },
      ...paperLayers(marks, x, budget),
    ],
    resolve: INDEPENDENT_LEGENDS,
  };
  return figure(id, title, caption, spec);
}

/** Fig. 1(b): train and test MSE of the sparse experiment, median and IQR over seeds, for each batch reading. */
export function fig1bFigure(readings: readonly { label: string; records: RunRecord[] }[], marks: readonly PaperMark[], budget: number, caption: string): EvidenceFigure {
  const rows = readings.flatMap((r) => [...traceBands(`train MSE, ${r.label}`, r.records, (t) => t.trainMse), ...traceBands(`test MSE, ${r.label}`, r.records, (t) => t.testMse)]);
  const series = readings.flatMap((r) => [`train MSE, ${r.label}`, `test MSE, ${r.label}`]);
  const colors = readings.flatMap((_, i) => (i === 0 ? ['#1f77b4', '#d62728'] : ['#17becf', '#ff9896']));
  const x = (f: string) => quantitative(f, EPOCH_TITLE, { domain: [0, budget] });
  const y = (f: string) => quantitative(f, 'MSE (median, IQR band over seeds)');
  const spec: TopLevelSpec = {
    ...figureFrame('Fig. 1(b) from our runs: sparse sub-sampling, 25 training samples, β = 0.0025 (per-seed data)'),
    layer: [...bandLayers(rows, series, colors, x, y, 'series'), ...paperLayers(marks, x, budget)],
    resolve: INDEPENDENT_LEGENDS,
  };
  return figure('fig-1b-sparse', 'Fig. 1(b): train and test MSE of the sparse experiment', caption, spec);
}

export interface SensitivityPoint {
  epochsPerStage: number;
  seed: number;
  /** σ2 at the checkpoint; exact zeros are drawn at the floor. */
  sigma: number;
  outcome: 'escaped' | 'censored (trapped to the budget)' | 'not trapped at the start';
}

export const SIGMA_FLOOR = 1e-30;
const OUTCOMES = ['escaped', 'censored (trapped to the budget)', 'not trapped at the start'] as const;

/**
 * Diagnostic (b): σ2 at the checkpoint of each seed against the checkpoint's training budget, coloured by outcome,
 * with the saddle of Eq. 2 for the weak mode at the run's β (the barrier a noise-free run must already be past).
 */
export function checkpointSensitivityFigure(protocol: ProtocolName, points: readonly SensitivityPoint[], saddle: { lambda: number; text: string } | null, caption: string): EvidenceFigure {
  const x = (f: string) => ({ ...quantitative(f, 'SGD epochs per annealing stage of the checkpoint', { type: 'log' }), axis: { values: [...new Set(points.map((p) => p.epochsPerStage))] } });
  const y = (f: string) => quantitative(f, `σ2 at the checkpoint (exact 0 drawn at ${SIGMA_FLOOR})`, { type: 'log' });
  const outcome = categorical('outcome', 'run', OUTCOMES, [SERIES_COLORS[1], '#555555', '#bbbbbb']);
  const spec: TopLevelSpec = {
    ...figureFrame(`Checkpoint convergence against escape (${protocol})`),
    layer: [
      {
        name: 'seeds',
        // Seeds spread a little sideways (±6 % in epochs) so that equal σ2 values do not hide each other.
        data: { values: points.map((p) => ({ ...p, sigma: Math.max(p.sigma, SIGMA_FLOOR), shown: p.epochsPerStage * (1 + 0.012 * ((p.seed % 11) - 5)) })) },
        mark: { type: 'point', filled: true, size: 70, opacity: 0.85 },
        encoding: { x: x('shown'), y: y('sigma'), color: outcome, shape: { ...categorical('outcome', 'run', OUTCOMES, ['circle', 'square', 'triangle-up']) } },
      },
      ...(saddle === null
        ? []
        : [
            { name: 'saddle', data: { values: [{ sigma: saddle.lambda }] }, mark: { type: 'rule', color: PAPER_COLOR, strokeDash: [...STROKE_DASH.dotted] }, encoding: { y: y('sigma') } } as Layer,
            { name: 'saddle-text', data: { values: [{ sigma: saddle.lambda, text: saddle.text }] }, mark: { type: 'text', color: PAPER_COLOR, align: 'left', baseline: 'bottom', x: 4, dy: -2 }, encoding: { y: y('sigma'), text: { field: 'text', type: 'nominal' } } } as Layer,
          ]),
    ],
  };
  return figure(`checkpoint-sensitivity-${protocol}`, `Checkpoint convergence against escape (${protocol})`, caption, spec);
}
