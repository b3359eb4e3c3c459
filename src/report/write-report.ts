import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-file.ts';
import { FIGURE_DIR, renderReport, type ReportFigure, type ToleranceTexts } from './markdown.ts';
import { serialiseResults, type Results } from './results.ts';

/**
 * Writes figures, results.json and REPORT.md into `outDir`, each atomically and the report last, so an
 * interrupted run never leaves a report that points at missing or half-written files.
 */
export function writeReport(outDir: string, results: Results, figures: readonly ReportFigure[], tolerances: ToleranceTexts): string[] {
  const written: string[] = [];
  for (const figure of figures) {
    const path = join(outDir, FIGURE_DIR, `${figure.id}.svg`);
    writeFileAtomic(path, figure.svg);
    written.push(path);
  }
  const resultsPath = join(outDir, 'results.json');
  writeFileAtomic(resultsPath, serialiseResults(results));
  const reportPath = join(outDir, 'REPORT.md');
  writeFileAtomic(reportPath, renderReport(results, figures, tolerances));
  return [...written, resultsPath, reportPath];
}
