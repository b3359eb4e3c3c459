import { PROTOCOL_NAMES } from '../protocols/index.ts';

// Every figure the evaluate stage can draw, by id: the one list a claim's `figures` in the ledger is checked against
// when the ledger is loaded (a typo is refused before anything runs), and the type every drawn figure's id has (a
// figure drawn under an id not listed here does not compile).

/** The analytic figures (figures.ts), each drawn under the default reading and again under eq1 with the suffix -eq1. */
const ANALYTIC = ['landscape-section', 'bifurcation', 'phase-diagram', 'critical-vs-depth'] as const;

const EXPERIMENT_FIGURES = [
  'fig-1a-trapping',
  'survival-trapping',
  'survival-sparse',
  'fig-1b-sparse',
  'fig-2b-arrhenius',
  'fig-3-phase-diagram',
  'fig-gradient-noise-vs-batch',
  'hessian-spectra',
  'noise-direction',
  'jump-arrhenius',
  'jump-survival',
  'control-one-mode-arrhenius',
  'control-network-arrhenius',
  'control-network-kramers',
  'control-depth-tau',
  'control-sgld-noise-vs-lr-over-b',
  'staged-staircase',
  'staged-plateaus',
  'staged-escape-sequence',
  'nonlinear-sweep-tanh',
  'nonlinear-sweep-sigmoid',
  'nonlinear-escape-survival',
  'robustness',
] as const;

/** The id of an analytic figure under the default reading. */
export type AnalyticFigureId = (typeof ANALYTIC)[number];
type CheckpointFigureId = `checkpoint-sensitivity-${(typeof PROTOCOL_NAMES)[number]}`;

/** The id of a figure the audit draws. */
export type FigureId = AnalyticFigureId | `${AnalyticFigureId}-eq1` | (typeof EXPERIMENT_FIGURES)[number] | CheckpointFigureId;

export const FIGURE_IDS: readonly FigureId[] = [
  ...ANALYTIC,
  ...ANALYTIC.map((id) => `${id}-eq1` as const),
  ...EXPERIMENT_FIGURES,
  ...PROTOCOL_NAMES.map((p) => `checkpoint-sensitivity-${p}` as const),
];

export function isFigureId(id: string): id is FigureId {
  return (FIGURE_IDS as readonly string[]).includes(id);
}
