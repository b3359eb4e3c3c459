import type { EvidenceFigure } from '../claims/index.ts';
import type { ReportFigure } from './markdown.ts';
import { renderSvg } from './render-svg.ts';

/** Renders each figure's Vega-Lite spec to SVG, in the order given. */
export async function renderFigures(figures: readonly EvidenceFigure[]): Promise<ReportFigure[]> {
  const out: ReportFigure[] = [];
  for (const f of figures) out.push({ id: f.id, title: f.title, caption: f.caption, svg: await renderSvg(f.spec) });
  return out;
}
