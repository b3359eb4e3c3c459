// The render stage: REPORT.md, results.json and SVG figures from evaluations and their figure data. It computes no
// claim and imports the claims' types only. The only door other stages use.
export { FIGURE_DIR, renderReport } from './markdown.ts';
export type { ReportFigure, ToleranceTexts } from './markdown.ts';
export { PAPER, RESULTS_SCHEMA, buildResults, claimRecord, readingText, serialiseResults, summarise } from './results.ts';
export type { ClaimRecord, Results } from './results.ts';
export { formatVerdictTable } from './verdict-table.ts';
export { OutputFolderError, checkOutputWritable, writeReport } from './write-report.ts';
export { renderFigures } from './render-figures.ts';
export { renderSvg } from './render-svg.ts';
