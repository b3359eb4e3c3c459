import { figureOf, type FigureDefinition, type FigureOptions } from '../../../src/claims/figures.ts';
import type { EvidenceFigure } from '../../../src/claims/index.ts';
import { renderSvg } from '../../../src/report/index.ts';

/** A figure rendered as the report renders it, for specs that look at the SVG. */
export async function rendered(figure: EvidenceFigure): Promise<EvidenceFigure & { svg: string }> {
  return { ...figure, svg: await renderSvg(figure.spec) };
}

export function renderFigure(definition: FigureDefinition, options: FigureOptions = {}): Promise<EvidenceFigure & { svg: string }> {
  return rendered(figureOf(definition, options));
}
