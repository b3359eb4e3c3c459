// The render stage: REPORT.md, results.json and SVG figures from evaluations and their figure data. It computes no
// claim and imports the claims' types only. The only door other stages use.
export { FIGURE_DIR, renderReport, summaryTable } from './markdown.ts';
export type { ReportFigure } from './markdown.ts';
export { OUTCOMES, PAPER, RESULTS_SCHEMA, buildResults, claimRecord, readingText, serialiseResults, summarise } from './results.ts';
export type { ClaimRecord, Results, ToleranceTexts } from './results.ts';
export { formatVerdictTable } from './verdict-table.ts';
export { OutputFolderError, checkOutputWritable, writeReport } from './write-report.ts';
export { renderFigures } from './render-figures.ts';
export { renderSvg } from './render-svg.ts';
export { junitXml, stepSummary, writeCiReports } from './junit.ts';
export { renderHtmlReport } from './html-report.ts';
export type { HtmlFigure } from './html-report.ts';
export { OUTCOME_RULE, closestIds, explainClaim } from './explain.ts';
export { MissingResultsError, readResults } from './read-results.ts';
