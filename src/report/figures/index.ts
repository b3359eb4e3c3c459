// The analytic figures of the report (Figs. 2a, 3, 4; Sec. 4.1), rendered to SVG from the analytic core.
import { landscapeSectionFigure } from './landscape-section.ts';
import type { Figure, FigureOptions } from './figure.ts';

export type { Figure, FigureOptions } from './figure.ts';
export { renderSvg } from './render-svg.ts';
export { landscapeSectionSpec } from './landscape-section.ts';

export async function analyticFigures(options: FigureOptions = {}): Promise<Figure[]> {
  return Promise.all([landscapeSectionFigure(options)]);
}
