import { Command, Option } from 'commander';
import { evaluateClaims, selectClaims, type ClaimResult } from '../claims/evaluate.ts';
import { loadLedger } from '../claims/ledger.ts';
import type { ReportFigure } from '../report/markdown.ts';
import { FIGURE_DIR } from '../report/markdown.ts';
import { DEFAULT_RUN_CACHE_DIR, ExperimentStore, PROFILES, type Profile } from '../experiments/index.ts';
import { writeCiReports } from '../report/junit.ts';
import { buildResults } from '../report/results.ts';
import { formatVerdictTable } from '../report/verdict-table.ts';
import { writeReport } from '../report/write-report.ts';
import type { CliIo } from './main.ts';
import { integerInRange } from './parse-option.ts';
import { UsageError } from './usage-error.ts';

export interface ReproduceOptions {
  profile: Profile;
  only?: string[];
  workers: number;
  out: string;
  /** Run cache folder, or false for none. */
  cache: string | false;
  colour: boolean;
  /** JUnit XML file, one test case per claim. */
  junit?: string;
}

/** Exit code when a verdict or value differs from its pinned outcome (usage errors are 2). */
export const DRIFT_EXIT_CODE = 1;

export type FigureSource = () => Promise<ReportFigure[]>;

/** The analytic figures, then each figure the evaluations drew from their experiments, every id once. */
export function collectFigures(analytic: readonly ReportFigure[], results: readonly ClaimResult[]): ReportFigure[] {
  const byId = new Map<string, ReportFigure>(analytic.map((f) => [f.id, f]));
  for (const r of results) for (const f of r.evaluation?.figures ?? []) if (!byId.has(f.id)) byId.set(f.id, f);
  return [...byId.values()];
}

/** Evaluates the ledger, writes the report, prints the verdict table; returns the exit code. */
export async function reproduce(options: ReproduceOptions, io: CliIo, figureSource: FigureSource): Promise<number> {
  const ledger = loadLedger();
  let claims;
  try {
    claims = selectClaims(ledger, options.only);
  } catch (error) {
    throw new UsageError(`--only: ${(error as Error).message}`);
  }
  io.stderr(`metastable reproduce: ${claims.length} claim(s), profile ${options.profile}\n`);
  const experiments = new ExperimentStore({
    profile: options.profile,
    workers: options.workers,
    cacheDir: options.cache === false ? null : options.cache,
    onProgress: (line) => io.stderr(`${line}\n`),
  });
  let results: ClaimResult[];
  try {
    results = await evaluateClaims(claims, { experiments }, (done, total, id) => io.stderr(`  [${done}/${total}] ${id}\n`));
  } finally {
    await experiments.close();
  }
  io.stderr('  rendering figures\n');
  const figures = collectFigures(await figureSource(), results);
  const record = buildResults(
    results,
    options.profile,
    figures.map((f) => ({ id: f.id, title: f.title, file: `${FIGURE_DIR}/${f.id}.svg` })),
  );
  const written = writeReport(options.out, record, figures);
  writeCiReports(record, { junit: options.junit, stepSummary: process.env.GITHUB_STEP_SUMMARY });
  io.stdout(formatVerdictTable(record.claims, options.colour));
  const s = record.summary;
  io.stdout(
    `\n${s.reproduced} reproduced, ${s.deviates} deviate, ${s.inconsistent} inconsistent, ${s.inconclusive} inconclusive, ` +
      `${s['not evaluated']} not evaluated. Report: ${written[written.length - 1]}\n`,
  );
  const drifted = record.claims.filter((c) => c.drift.length > 0);
  if (drifted.length > 0) {
    for (const c of drifted) io.stderr(`metastable reproduce: ${c.id} differs from its pinned outcome: ${c.drift.join('; ')}\n`);
    io.stderr('If the change is intended, review it and pin it with: npm run golden\n');
    return DRIFT_EXIT_CODE;
  }
  return 0;
}

export function reproduceCommand(io: CliIo, figureSource: FigureSource, setExitCode: (code: number) => void): Command {
  return new Command('reproduce')
    .description(
      'Recompute every claim of the ledger (golden/claims.json), print the verdict table and write REPORT.md, ' +
        'results.json and the figures. Exits 1 when a verdict or value differs from its pinned outcome.',
    )
    .addOption(
      new Option('--profile <P>', 'size of the stochastic experiments: smoke, quick or full (the paper\'s protocol)')
        .choices(PROFILES)
        .default('full'),
    )
    .option('--only <IDS>', 'comma-separated claim ids to evaluate (default: all)', (raw: string) =>
      raw.split(',').map((s) => s.trim()).filter((s) => s !== ''),
    )
    .option('--workers <N>', 'worker processes that run seeds in parallel (results do not depend on it)', integerInRange('--workers', 1, 256), 2)
    .option('--out <DIR>', 'folder for REPORT.md, results.json and figures/', 'out')
    .option('--cache <DIR>', 'cache of completed runs (an interrupted run resumes from it)', DEFAULT_RUN_CACHE_DIR)
    .option('--no-cache', 'run every experiment afresh, reading and writing no cache')
    .option('--junit <FILE>', 'also write JUnit XML: one test case per claim, a failure where it moved from its pin (with GITHUB_STEP_SUMMARY set, the verdict table is appended there)')
    .addHelpText(
      'after',
      '\nVerdicts: reproduced (agrees within tolerance), deviates (does not; both numbers shown), inconsistent\n' +
        '(two places of the paper contradict each other), inconclusive (the statistics cannot decide).\n' +
        'Claims whose evaluator is not part of this run are listed as "not evaluated", never given a verdict.\n\n' +
        'Examples:\n  npm run reproduce\n  npm run reproduce -- --only beta-c-mode1,delta-e-min --out /tmp/audit',
    )
    .action(async (options: Omit<ReproduceOptions, 'colour'>) => {
      setExitCode(await reproduce({ ...options, colour: process.stdout.isTTY === true }, io, figureSource));
    });
}
