// The figures the evaluate stage draws, as data: Vega-Lite specs with their rows inline, computed from the analytic
// core and from experiment results. The report renders them and computes nothing.
import { bifurcationFigure } from './landscape/bifurcation.ts';
import { criticalVsDepthFigure } from './landscape/critical-vs-depth.ts';
import { landscapeSectionFigure } from './landscape/landscape-section.ts';
import { phaseDiagramFigure } from './phase-diagram/phase-diagram-figure.ts';
import { figureOf, type FigureOptions } from './chart/figure.ts';
import type { EvidenceFigure } from './verdict.ts';

export type { FigureDefinition, FigureOptions } from './chart/figure.ts';
export { figureOf } from './chart/figure.ts';
export { landscapeSectionSpec } from './landscape/landscape-section.ts';
export { bifurcationSpec } from './landscape/bifurcation.ts';
export { criticalVsDepthSpec, depthRows, type DepthRow } from './landscape/critical-vs-depth.ts';
export { phaseDiagramSpec, phaseBars, type PhaseBar } from './phase-diagram/phase-diagram-figure.ts';

/** In the report's order: Fig. 2(a), Fig. 4, the analytic Fig. 3, then Sec. 4.1's depth prediction. */
const FIGURES = [landscapeSectionFigure, bifurcationFigure, phaseDiagramFigure, criticalVsDepthFigure];

export function analyticFigures(options: FigureOptions = {}): EvidenceFigure[] {
  return FIGURES.map((figure) => figureOf(figure, options));
}

/** The report's analytic figures under the default reading, then under eq1 (suffix -eq1) so both can be compared. */
export function reportFigures(): EvidenceFigure[] {
  return [...analyticFigures(), ...FIGURES.map((figure) => ({ ...figureOf(figure, { convention: 'eq1' }), id: `${figure.id}-eq1` as const }))];
}
