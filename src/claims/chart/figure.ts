import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_CONVENTION, type Convention } from '../../analytic/index.ts';
import type { EvidenceFigure } from '../verdict.ts';
import type { AnalyticFigureId } from '../figure-ids.ts';

export interface FigureOptions {
  /** The regulariser reading (src/analytic/mode.ts); eq2 by default. */
  convention?: Convention;
}

/** What a figure module provides: its pure spec builder and caption, both under a given convention. */
export interface FigureDefinition {
  id: AnalyticFigureId;
  title: string;
  spec(options?: FigureOptions): TopLevelSpec;
  caption(convention: Convention): string;
}

/** The figure as data (its Vega-Lite spec with the rows inline); the report renders it. */
export function figureOf(definition: FigureDefinition, options: FigureOptions = {}): EvidenceFigure {
  const convention = options.convention ?? DEFAULT_CONVENTION;
  // The heading names the reading, as the spec's own title does: the eq1 figures must not carry the eq2 heading.
  return { id: definition.id, title: `${definition.title}, reading ${convention}`, caption: definition.caption(convention), spec: definition.spec({ convention }) };
}
