import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_CONVENTION, type Convention } from '../../analytic/index.ts';
import { renderSvg } from '../../report/render-svg.ts';

/** One rendered figure of the report. */
export interface Figure {
  id: string;
  title: string;
  caption: string;
  svg: string;
}

export interface FigureOptions {
  /** The regulariser reading (src/analytic/mode.ts); eq2 by default. */
  convention?: Convention;
}

/** What a figure module provides: its pure spec builder and caption, both under a given convention. */
export interface FigureDefinition {
  id: string;
  title: string;
  spec(options?: FigureOptions): TopLevelSpec;
  caption(convention: Convention): string;
}

export async function renderFigure(definition: FigureDefinition, options: FigureOptions = {}): Promise<Figure> {
  const convention = options.convention ?? DEFAULT_CONVENTION;
  return {
    id: definition.id,
    title: definition.title,
    caption: definition.caption(convention),
    svg: await renderSvg(definition.spec({ convention })),
  };
}
