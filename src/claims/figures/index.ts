// The analytic figures of the report (Figs. 2a, 3, 4; Sec. 4.1), rendered to SVG from the analytic core.
import { bifurcationFigure } from './bifurcation.ts';
import { criticalVsDepthFigure } from './critical-vs-depth.ts';
import { landscapeSectionFigure } from './landscape-section.ts';
import { phaseDiagramFigure } from './phase-diagram.ts';
import { renderFigure, type Figure, type FigureOptions } from './figure.ts';

export type { Figure, FigureOptions } from './figure.ts';
export { renderSvg } from '../../report/render-svg.ts';
export { renderFigure, type FigureDefinition } from './figure.ts';
export { landscapeSectionSpec } from './landscape-section.ts';
export { bifurcationSpec } from './bifurcation.ts';
export { criticalVsDepthSpec, depthRows, type DepthRow } from './critical-vs-depth.ts';
export { phaseDiagramSpec, phaseBars, type PhaseBar } from './phase-diagram.ts';

/** In the report's order: Fig. 2(a), Fig. 4, the analytic Fig. 3, then Sec. 4.1's depth prediction. */
const FIGURES = [landscapeSectionFigure, bifurcationFigure, phaseDiagramFigure, criticalVsDepthFigure];

export async function analyticFigures(options: FigureOptions = {}): Promise<Figure[]> {
  return Promise.all(FIGURES.map((figure) => renderFigure(figure, options)));
}
