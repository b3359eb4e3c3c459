import type { Convention } from '../../analytic/index.ts';

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
