import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_CONVENTION, describeLandscape, float64, type Convention } from '../../analytic/index.ts';
import {
  BETA_TITLE,
  PAPER_COLOR,
  PLOT_WIDTH,
  SERIES_COLORS,
  STROKE_DASH,
  INDEPENDENT_LEGENDS,
  categorical,
  conventionNote,
  figureFrame,
  quantitative,
} from '../chart/chart-style.ts';
import type { FigureDefinition, FigureOptions } from '../chart/figure.ts';
import { PAPER_DEPTH, PAPER_ETAS, betaAxisEnd, modeCritical, modeLabel, type ModeCritical } from '../chart/modes.ts';
import { PAPER_CRITICAL_BETA, PAPER_TRAP_BETA } from '../chart/paper-values.ts';
import { formatNumber } from '../../text/index.ts';

// The analytic Fig. 3 (App. B): for the modes η = 0.9, 0.8 at L = 3, which set of learned modes (and so which
// total rank) is the global minimum at each β, and which are metastable. The modes decouple (Sec. 2.1), so a
// set is a local minimum when each of its modes has its λ** (β < βc of that mode) — λ = 0 is a local minimum
// of every mode at L ≥ 3 — and the global minimum is the set of modes whose λ** lies below Loss(0) (β < β*).

export type PhaseState = 'global minimum' | 'metastable (local minimum)';
const STATES: readonly PhaseState[] = ['global minimum', 'metastable (local minimum)'];

/** One bar of the diagram: over [from, to] the configuration `learned` is in `state`. */
export interface PhaseBar {
  from: number;
  to: number;
  learned: string;
  rank: number;
  state: PhaseState;
}

/** Every subset of the modes, largest rank first, named by its rank and the modes it has learned. */
function configurations(etas: readonly number[]): { etas: number[]; label: string }[] {
  const subsets = Array.from({ length: 2 ** etas.length }, (_, mask) => etas.filter((_, i) => (mask >> i) & 1));
  subsets.sort((a, b) => b.length - a.length);
  return subsets.map((set) => ({ etas: set, label: set.length === 0 ? 'rank 0' : `rank ${set.length} (η = ${set.join(', ')})` }));
}

/** The β where some mode's state changes: 0, every β* and βc, and the axis end. */
function breakpoints(criticals: readonly ModeCritical[], end: number): number[] {
  const inner = criticals.flatMap((c) => [c.betaStar, c.betaC]).filter((b) => b > 0 && b < end);
  return [...new Set([0, ...inner, end])].sort((a, b) => a - b);
}

export function phaseBars(convention: Convention): PhaseBar[] {
  const criticals = PAPER_ETAS.map((eta) => modeCritical(eta, PAPER_DEPTH, convention));
  const cuts = breakpoints(criticals, betaAxisEnd(criticals));
  return cuts.slice(1).flatMap((to, i) => {
    const from = cuts[i] ?? 0;
    // No mode changes state inside (from, to): its middle speaks for all of it.
    const beta = (from + to) / 2;
    const modes = PAPER_ETAS.map((eta) => describeLandscape(float64, { eta, beta, depth: PAPER_DEPTH, convention }));
    const hasMinimum = new Set(PAPER_ETAS.filter((_, i) => modes[i]?.lambdaMin !== null));
    const global = PAPER_ETAS.filter((_, i) => modes[i]?.globalPhase === 'nonzero');
    return configurations(PAPER_ETAS).flatMap(({ etas, label }): PhaseBar[] => {
      if (!etas.every((eta) => hasMinimum.has(eta))) return [];
      const isGlobal = etas.length === global.length && etas.every((eta) => global.includes(eta));
      return [{ from, to, learned: label, rank: etas.length, state: isGlobal ? 'global minimum' : 'metastable (local minimum)' }];
    });
  });
}

function hysteresisLabel(eta: number): string {
  return `${modeLabel(eta)}: [β*, βc]`;
}

const PAPER_MARKS = [`paper βc (${PAPER_CRITICAL_BETA.map((p) => p.betaC.text).join(', ')})`, `paper trap β = ${PAPER_TRAP_BETA.text}`] as const;

export function phaseDiagramSpec(options: FigureOptions = {}): TopLevelSpec {
  const convention = options.convention ?? DEFAULT_CONVENTION;
  const criticals = PAPER_ETAS.map((eta) => modeCritical(eta, PAPER_DEPTH, convention));
  const end = betaAxisEnd(criticals);
  const x = (field: string) => quantitative(field, BETA_TITLE, { domain: [0, end] });
  const rows = configurations(PAPER_ETAS).map((c) => c.label);
  const [paperBetaC, paperTrap] = PAPER_MARKS;
  return {
    ...figureFrame(`Fig. 3 (analytic): phases, η = ${PAPER_ETAS.join(', ')}, L = ${PAPER_DEPTH} (${convention})`, 240),
    // Narrower than the other figures: the row labels on the left take the rest of the ≈ 640 px.
    width: PLOT_WIDTH - 100,
    layer: [
      {
        name: 'hysteresis-windows',
        data: { values: criticals.map((c) => ({ from: c.betaStar, to: c.betaC, window: hysteresisLabel(c.eta) })) },
        mark: { type: 'rect', opacity: 0.18 },
        encoding: {
          x: x('from'),
          x2: { field: 'to' },
          color: categorical('window', 'hysteresis window', criticals.map((c) => hysteresisLabel(c.eta)), [...SERIES_COLORS]),
        },
      },
      {
        name: 'phases',
        data: { values: phaseBars(convention) },
        mark: { type: 'bar', height: { band: 0.55 } },
        encoding: {
          x: x('from'),
          x2: { field: 'to' },
          y: { field: 'learned', type: 'nominal', title: 'learned modes', sort: rows, scale: { domain: rows }, axis: { labelLimit: 240 } },
          color: { ...categorical('state', 'state', STATES, ['#333333', '#bbbbbb']), legend: { orient: 'top' } },
        },
      },
      {
        name: 'paper-marks',
        data: {
          values: [
            ...PAPER_CRITICAL_BETA.map((p) => ({ beta: p.betaC.value, what: paperBetaC })),
            { beta: PAPER_TRAP_BETA.value, what: paperTrap },
          ],
        },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: {
          x: x('beta'),
          color: categorical('what', 'paper', PAPER_MARKS, [PAPER_COLOR, '#ff7f0e']),
          strokeDash: categorical('what', 'paper', PAPER_MARKS, [STROKE_DASH.dashDot, STROKE_DASH.dashed]),
        },
      },
    ],
    resolve: INDEPENDENT_LEGENDS,
  };
}

function caption(convention: Convention): string {
  const criticals = PAPER_ETAS.map((eta) => modeCritical(eta, PAPER_DEPTH, convention));
  const windows = criticals
    .map((c) => `${modeLabel(c.eta)}: [${formatNumber(c.betaStar, 3)}, ${formatNumber(c.betaC, 3)}]`)
    .join(', ');
  const atTrap = phaseBars(convention).filter((bar) => bar.from <= PAPER_TRAP_BETA.value && PAPER_TRAP_BETA.value < bar.to);
  const globalBar = atTrap.find((bar) => bar.state === 'global minimum');
  const globalAtTrap = globalBar?.learned ?? 'none';
  const globalRankAtTrap = globalBar?.rank ?? 0;
  return (
    `For each set of learned modes (its size is the rank of the end-to-end map) and each β: dark where it is the global ` +
    `minimum, grey where it is a metastable local minimum, absent where it is not a minimum at all. Shaded: each mode's ` +
    `window [β*, βc] (${windows}), where its λ = 0 phase is global and its λ** phase metastable (both phases are minima at every β below βc; below β* λ** is the global one). At the paper's trapping ` +
    `β = ${PAPER_TRAP_BETA.text} (orange) the global minimum is ${globalAtTrap}` +
    `${globalRankAtTrap === PAPER_ETAS.length ? ', as the paper has it' : '; the paper treats rank 2 as global there'}. ` +
    `Red: the paper's printed βc = ${PAPER_CRITICAL_BETA.map((p) => p.betaC.text).join(' and ')}. ${conventionNote(convention)}`
  );
}

export const phaseDiagramFigure: FigureDefinition = {
  id: 'phase-diagram',
  title: 'Global and metastable phases against β (analytic Fig. 3)',
  spec: phaseDiagramSpec,
  caption,
};
