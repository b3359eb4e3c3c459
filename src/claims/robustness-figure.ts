// The multiverse as a figure: per claim read under more than one combination of the paper's open choices, one cell a
// combination, coloured by the verdict the claim gets under it. A row of one colour is robust; a row of two is fragile.
import type { TopLevelSpec } from 'vega-lite';
import { categorical, figureBase } from './chart/chart-style.ts';
import type { Robustness } from './robustness.ts';
import { VERDICTS, type EvidenceFigure } from './verdict.ts';

/** The report's verdict colours (report.html's badges), so a cell reads as the badge beside the claim. */
const VERDICT_COLORS = ['#1f7a3a', '#b42318', '#7a3eb1', '#a15c00'] as const;

const CELL = 22;

export function robustnessFigure(claims: ReadonlyArray<{ id: string; robustness: Robustness | null }>): EvidenceFigure | null {
  const compared = claims.filter((c): c is { id: string; robustness: Robustness } => c.robustness !== null && c.robustness.status !== 'single');
  if (compared.length === 0) return null;
  const rows = compared.flatMap((c) =>
    c.robustness.combinations.map((k, i) => ({
      claim: c.id,
      combination: i + 1,
      reading: k.label,
      choices: Object.entries(k.choices).map(([d, o]) => `${d} = ${o}`).join(', '),
      verdict: k.verdict,
    })),
  );
  const fragile = compared.filter((c) => c.robustness.status === 'fragile').length;
  const spec: TopLevelSpec = {
    ...figureBase('Every verdict under every reading'),
    data: { values: rows },
    mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
    width: { step: CELL },
    height: { step: CELL },
    encoding: {
      x: { field: 'combination', type: 'ordinal', title: 'combination of readings (1 = the headline)', axis: { labelAngle: 0 } },
      y: { field: 'claim', type: 'nominal', title: null, sort: compared.map((c) => c.id) },
      color: categorical('verdict', 'verdict', VERDICTS, VERDICT_COLORS),
      tooltip: [
        { field: 'claim', type: 'nominal' },
        { field: 'reading', type: 'nominal' },
        { field: 'choices', type: 'nominal' },
        { field: 'verdict', type: 'nominal' },
      ],
    },
  };
  return {
    id: 'robustness',
    title: 'Every verdict under every reading',
    caption:
      `Each row a claim read under more than one combination of the paper's open choices, each cell one combination (the first the headline), ` +
      `coloured by the claim's verdict under it: ${compared.length - fragile} rows keep one colour (robust), ${fragile} change it (fragile).`,
    spec,
  };
}
