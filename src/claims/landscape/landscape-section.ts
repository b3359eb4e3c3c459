import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_CONVENTION, describeLandscape, float64, modeLossAboveZero, type Convention } from '../../analytic/index.ts';
import {
  LAMBDA_TITLE,
  NEUTRAL_COLOR,
  PAPER_COLOR,
  SERIES_COLORS,
  STROKE_DASH,
  INDEPENDENT_LEGENDS,
  categorical,
  conventionNote,
  figureFrame,
  quantitative,
  type Layer,
} from '../chart/chart-style.ts';
import type { FigureDefinition, FigureOptions } from '../chart/figure.ts';
import { labelLayer } from '../chart/marks.ts';
import { PAPER_BARRIER, PAPER_SADDLE_LAMBDA } from '../chart/paper-values.ts';
import { gridDenseNearStart } from '../chart/sampling.ts';
import { formatNumber } from '../../text/index.ts';

// Fig. 2(a): the loss section of one mode at η = 0.8, L = 3; β = 0.32 solid, dotted curves at β = 0.29 and 0.35.
export const SECTION_ETA = 0.8;
export const SECTION_DEPTH = 3;
export const SECTION_BETAS = [0.29, 0.32, 0.35] as const;
export const SECTION_MARKED_BETA = 0.32;
const SAMPLES = 240;

const LOSS_TITLE = 'Loss(λ) − Loss(0)';
const x = (field: string) => quantitative(field, LAMBDA_TITLE, { domain: [0, SECTION_ETA] });
const y = (field: string) => quantitative(field, LOSS_TITLE);

function curveLabel(beta: number): string {
  return `β = ${beta}`;
}

/** The analytic points Fig. 2(a) marks at β = 0.32: the saddle, the non-zero minimum and the barrier. */
export interface SectionMarks {
  lambdaSaddle: number;
  barrier: number;
  lambdaMin: number;
  lossAtMin: number;
}

export function sectionMarks(convention: Convention): SectionMarks | null {
  const mode = { eta: SECTION_ETA, beta: SECTION_MARKED_BETA, depth: SECTION_DEPTH, convention };
  const summary = describeLandscape(float64, mode);
  if (summary.lambdaSaddle === null || summary.lambdaMin === null || summary.barrier === null) return null;
  return {
    lambdaSaddle: summary.lambdaSaddle,
    barrier: summary.barrier,
    lambdaMin: summary.lambdaMin,
    lossAtMin: modeLossAboveZero(float64, summary.lambdaMin, mode),
  };
}

function curveRows(convention: Convention) {
  return SECTION_BETAS.flatMap((beta) => {
    const mode = { eta: SECTION_ETA, beta, depth: SECTION_DEPTH, convention };
    const marks = describeLandscape(float64, mode);
    // The stationary points join the grid so the drawn curve passes through the saddle's top exactly.
    const lambdas = [...gridDenseNearStart(0, SECTION_ETA, SAMPLES), marks.lambdaSaddle ?? 0, marks.lambdaMin ?? 0];
    return [...new Set(lambdas)]
      .sort((a, b) => a - b)
      .map((lambda) => ({ lambda, loss: modeLossAboveZero(float64, lambda, mode), curve: curveLabel(beta) }));
  });
}

const MARKER_SOURCES = [`computed (β = ${SECTION_MARKED_BETA})`, 'paper (Sec. 3.2, App. E)'] as const;

function markerLayers(marks: SectionMarks | null): Layer[] {
  const [computed, paper] = MARKER_SOURCES;
  const points = [
    ...(marks
      ? [
          { lambda: marks.lambdaSaddle, loss: marks.barrier, source: computed, what: 'saddle' },
          { lambda: marks.lambdaMin, loss: marks.lossAtMin, source: computed, what: 'minimum' },
        ]
      : []),
    { lambda: PAPER_SADDLE_LAMBDA.value, loss: PAPER_BARRIER.value, source: paper, what: 'paper saddle' },
  ];
  const layers: Layer[] = [
    {
      name: 'markers',
      data: { values: points },
      mark: { type: 'point', filled: true, size: 110, opacity: 1 },
      encoding: {
        x: x('lambda'),
        y: y('loss'),
        shape: categorical('source', 'marks', MARKER_SOURCES, ['circle', 'diamond']),
        color: categorical('source', 'marks', MARKER_SOURCES, [NEUTRAL_COLOR, PAPER_COLOR]),
      },
    },
    labelLayer(
      'paper-label',
      [{ x: PAPER_SADDLE_LAMBDA.value, y: PAPER_BARRIER.value, text: `paper: λsad ≈ ${PAPER_SADDLE_LAMBDA.text}, ΔE ≈ ${PAPER_BARRIER.text}` }],
      x,
      y,
      { dx: 6, dy: 22, color: PAPER_COLOR },
    ),
  ];
  if (!marks) return layers;
  return [
    {
      name: 'barrier-rule',
      data: { values: [{ lambda: marks.lambdaSaddle, from: 0, to: marks.barrier }] },
      mark: { type: 'rule', color: NEUTRAL_COLOR, strokeWidth: 2 },
      encoding: { x: x('lambda'), y: y('from'), y2: { field: 'to' } },
    },
    ...layers,
    labelLayer('saddle-label', [{ x: marks.lambdaSaddle, y: marks.barrier, text: `λsad = ${formatNumber(marks.lambdaSaddle, 3)}` }], x, y, {
      dx: 8,
      dy: -12,
    }),
    labelLayer('barrier-label', [{ x: marks.lambdaSaddle, y: marks.barrier * 0.35, text: `ΔE = ${formatNumber(marks.barrier, 3)}` }], x, y, {
      dx: 8,
    }),
    labelLayer('minimum-label', [{ x: marks.lambdaMin, y: marks.lossAtMin, text: `λ** = ${formatNumber(marks.lambdaMin, 3)}` }], x, y, {
      dy: -24,
      align: 'center',
    }),
  ];
}

export function landscapeSectionSpec(options: FigureOptions = {}): TopLevelSpec {
  const convention = options.convention ?? DEFAULT_CONVENTION;
  const curves = SECTION_BETAS.map(curveLabel);
  return {
    ...figureFrame(`Fig. 2(a): loss section, η = ${SECTION_ETA}, L = ${SECTION_DEPTH} (${convention})`),
    layer: [
      {
        name: 'zero-level',
        data: { values: [{ loss: 0 }] },
        mark: { type: 'rule', color: '#999999', strokeWidth: 1 },
        encoding: { y: y('loss') },
      },
      {
        name: 'curves',
        data: { values: curveRows(convention) },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: x('lambda'),
          y: y('loss'),
          color: categorical('curve', 'β (Fig. 2a)', curves, [SERIES_COLORS[1], NEUTRAL_COLOR, SERIES_COLORS[2]]),
          strokeDash: categorical('curve', 'β (Fig. 2a)', curves, [STROKE_DASH.dotted, STROKE_DASH.solid, STROKE_DASH.dotted]),
        },
      },
      ...markerLayers(sectionMarks(convention)),
    ],
    resolve: INDEPENDENT_LEGENDS,
  };
}

function caption(convention: Convention): string {
  const marks = sectionMarks(convention);
  const computed = marks
    ? `At β = ${SECTION_MARKED_BETA} the saddle is at λsad = ${formatNumber(marks.lambdaSaddle, 3)}, the barrier out of λ = 0 is ` +
      `ΔE = Loss(λsad) − Loss(0) = ${formatNumber(marks.barrier, 3)} (Eq. 10), and the non-zero minimum λ** = ` +
      `${formatNumber(marks.lambdaMin, 3)} lies ${formatNumber(Math.abs(marks.lossAtMin), 3)} ${marks.lossAtMin < 0 ? 'below' : 'above'} Loss(0)` +
      `${marks.lossAtMin < 0 ? '.' : ', so λ = 0 is the global minimum of this mode (β above β*).'}`
    : `At β = ${SECTION_MARKED_BETA} this mode has no saddle (β ≥ βc).`;
  return (
    `Loss of the η = ${SECTION_ETA} mode relative to λ = 0 along λ at L = ${SECTION_DEPTH}, for β = ${SECTION_BETAS.join(', ')} ` +
    `(${SECTION_MARKED_BETA} solid, the others dotted, as in Fig. 2(a)). ${computed} ` +
    `The paper prints λsad ≈ ${PAPER_SADDLE_LAMBDA.text} and ΔE_min ≈ ${PAPER_BARRIER.text} (red diamond). ${conventionNote(convention)}`
  );
}

export const landscapeSectionFigure: FigureDefinition = {
  id: 'landscape-section',
  title: 'Loss section of one mode (Fig. 2a)',
  spec: landscapeSectionSpec,
  caption,
};
