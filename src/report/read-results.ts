import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseValidatedJson } from '../io/index.ts';
import { RESULTS_SCHEMA, type Results } from './results.ts';

/** results.json is missing: the one thing to say is how to make it. */
export class MissingResultsError extends Error {
  override readonly name = 'MissingResultsError';
  constructor(readonly path: string) {
    super(`no results at ${path}: run \`npm run reproduce\` first`);
  }
}

/** Reads a results.json written by `npm run reproduce`, checked against its schema (GoldenFileError if not). */
export function readResults(path: string): Results {
  if (!existsSync(path)) throw new MissingResultsError(path);
  return parseValidatedJson<Results>(readFileSync(path, 'utf8'), RESULTS_SCHEMA, path);
}

/** The figure SVGs a results.json names, read from beside it; a figure whose file is gone is left out. */
export function readFigureSvgs(resultsPath: string, results: Results): Map<string, string> {
  const svgs = new Map<string, string>();
  for (const f of results.figures) {
    const file = join(dirname(resultsPath), f.file);
    if (existsSync(file)) svgs.set(f.id, readFileSync(file, 'utf8'));
  }
  return svgs;
}
