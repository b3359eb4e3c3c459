import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-file.ts';
import { renderHtmlReport } from './html-report.ts';
import { FIGURE_DIR, renderReport, type ReportFigure } from './markdown.ts';
import { serialiseResults, type Results } from './results.ts';

/**
 * Writes figures, results.json and REPORT.md into `outDir`, each atomically and the report last, so an
 * interrupted run never leaves a report that points at missing or half-written files.
 */
export function writeReport(outDir: string, results: Results, figures: readonly ReportFigure[]): string[] {
  const written: string[] = [];
  for (const figure of figures) {
    const path = join(outDir, FIGURE_DIR, `${figure.id}.svg`);
    writeFileAtomic(path, figure.svg);
    written.push(path);
  }
  const resultsPath = join(outDir, 'results.json');
  writeFileAtomic(resultsPath, serialiseResults(results));
  const htmlPath = join(outDir, 'report.html');
  writeFileAtomic(htmlPath, renderHtmlReport(results, figures));
  const reportPath = join(outDir, 'REPORT.md');
  writeFileAtomic(reportPath, renderReport(results, figures));
  return [...written, resultsPath, htmlPath, reportPath];
}
